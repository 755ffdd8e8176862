import type { InstallationKey } from '../../../storage/index.js';
import type { Departure, WorkspaceCleanup } from '../../workspaces/index.js';
import type { WorkspaceEventArgs } from '../args.js';

/** The installation an event's workspace belongs to, as Bolt worked it out from the body. */
function keyOf({ context }: WorkspaceEventArgs): InstallationKey {
  const org = context.isEnterpriseInstall === true && context.enterpriseId !== undefined;
  return {
    enterpriseId: context.enterpriseId,
    teamId: org ? undefined : context.teamId,
    isEnterpriseInstall: org,
  };
}

/**
 * `app_uninstalled` and `tokens_revoked` (of the bot token): the workspace's tokens go, and its
 * decision records per DECISIONS_ON_UNINSTALL. Bolt runs these events without authorize, so they
 * are handled after the installation is gone too; doing it again deletes nothing more.
 * @see https://docs.slack.dev/reference/events/app_uninstalled
 * @see https://docs.slack.dev/reference/events/tokens_revoked
 */
export function workspaceLeft(cleanup: WorkspaceCleanup, why: Departure) {
  return async (args: WorkspaceEventArgs) => {
    const { event, context } = args;
    if (why === 'tokens_revoked' && 'tokens' in event && !(event.tokens.bot ?? []).length) {
      // Only user tokens were revoked: the app keeps none (it asks for no user scopes).
      context.logger.info('tokens_revoked for user tokens only; the app keeps none');
      return;
    }
    await cleanup.forget(keyOf(args), why, context.logger);
  };
}
