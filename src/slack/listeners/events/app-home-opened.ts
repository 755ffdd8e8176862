import type { types } from '@slack/bolt';
import type { AppHomeOpenedArgs } from '../args.js';

/**
 * Publishes the Home tab when someone opens it. The view depends only on the rules, so it is
 * built once and passed in.
 * @see https://docs.slack.dev/reference/events/app_home_opened
 */
export function appHomeOpened(view: types.HomeView) {
  return async ({ event, client, context }: AppHomeOpenedArgs) => {
    if (event.tab !== 'home') {
      context.logger.debug({ tab: event.tab }, 'not the Home tab; nothing to publish');
      return;
    }
    await client.views.publish({ user_id: event.user, view });
  };
}
