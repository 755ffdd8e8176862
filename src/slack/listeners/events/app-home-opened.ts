import type { Ruleset } from '../../../core/index.js';
import type { DecisionHistory } from '../../history/index.js';
import { homeView } from '../../messages/home-view.js';
import type { AppHomeOpenedArgs } from '../args.js';

/**
 * Publishes the Home tab when someone opens it: what the app does and the framework it applies
 * and, when the app keeps a history, the person's own recent decisions. Bolt has acknowledged
 * the event before this runs; the history is read within a bound, so a slow database only
 * delays the tab, and one that is down leaves a line saying so.
 * @see https://docs.slack.dev/reference/events/app_home_opened
 */
export function appHomeOpened(
  ruleset: Pick<Ruleset, 'article' | 'chips'>,
  history?: DecisionHistory,
) {
  const plain = homeView(ruleset);
  return async ({ event, body, client, context }: AppHomeOpenedArgs) => {
    if (event.tab !== 'home') {
      context.logger.debug({ tab: event.tab }, 'not the Home tab; nothing to publish');
      return;
    }
    const teamId = context.teamId ?? body.team_id;
    const view = history
      ? homeView(ruleset, await history.ofUser(client, teamId, event.user, context.logger))
      : plain;
    await client.views.publish({ user_id: event.user, view });
  };
}
