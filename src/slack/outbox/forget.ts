import type { Logger } from '../../logger.js';
import type { InstallationKey, Outbox } from '../../storage/index.js';
import { OUTBOX_LOST } from './sender.js';

/**
 * Deletes the advice still waiting in the outbox for an uninstalled workspace (or, for an
 * org-wide uninstall, its Enterprise Grid org): with the tokens gone it can never be posted, and
 * nobody there can be told. Each is logged as lost with its answers, so it can be replayed by
 * hand; resolves with how many were dropped.
 */
export function dropWaitingAdvice(outbox: Pick<Outbox, 'dropWorkspace' | 'dropEnterprise'>) {
  return async (key: InstallationKey, why: string, logger: Logger): Promise<number> => {
    const org = key.isEnterpriseInstall ? key.enterpriseId : undefined;
    const dropped = org
      ? await outbox.dropEnterprise(org)
      : key.teamId
        ? await outbox.dropWorkspace(key.teamId)
        : [];
    for (const entry of dropped) {
      logger.error(
        {
          code: OUTBOX_LOST,
          event: why,
          outboxId: entry.id,
          teamId: entry.teamId,
          userId: entry.userId,
          payload: entry.payload,
        },
        `${why}: advice waiting in the outbox for the workspace can no longer be posted; dropped`,
      );
    }
    return dropped.length;
  };
}
