import { setTimeout as sleep } from 'node:timers/promises';
import type { OAuthConfig } from '../../config-workspaces.js';
import type { Logger } from '../../logger.js';
import type { Decisions, InstallationKey } from '../../storage/index.js';
import type { DatabaseInstallationStore } from './installation-store.js';

/** Why a workspace's tokens are being deleted. */
export type Departure = 'app_uninstalled' | 'tokens_revoked';

/**
 * Deletes the advice waiting in the outbox for the workspace and logs it as lost; resolves with
 * how many (slack/outbox's dropWaitingAdvice, passed in by the app: the outbox sits above).
 */
export type DropWaiting = (key: InstallationKey, why: Departure, logger: Logger) => Promise<number>;

/**
 * The waits between attempts when the database fails. Bolt acknowledges an event before its
 * listener runs, so Slack never sends a failed uninstall again: the app tries again itself,
 * for a few seconds (short enough to fit in a stop's SHUTDOWN_TIMEOUT_MS).
 */
export const CLEANUP_RETRY_DELAYS_MS: readonly number[] = [500, 2_000, 5_000];

/**
 * What an uninstall leaves behind: the workspace's tokens are deleted, then the advice waiting
 * for it in the outbox (it can no longer be posted, and nobody there can be told: each is logged
 * as lost), and its decision records too unless DECISIONS_ON_UNINSTALL=keep. Idempotent:
 * app_uninstalled and tokens_revoked both arrive, in either order, and Slack may send each
 * again; every one deletes what is left.
 */
export class WorkspaceCleanup {
  constructor(
    private readonly installations: DatabaseInstallationStore,
    private readonly decisions: Pick<Decisions, 'deleteWorkspace' | 'deleteEnterprise'>,
    private readonly dropWaiting: DropWaiting | undefined,
    private readonly keep: OAuthConfig['decisionsOnUninstall'],
    private readonly retryDelaysMs: readonly number[] = CLEANUP_RETRY_DELAYS_MS,
  ) {}

  /**
   * Deletes what the workspace left, trying again while the database fails; when it still fails
   * the error says what was left, so that someone can delete it by hand.
   */
  async forget(key: InstallationKey, why: Departure, logger: Logger): Promise<void> {
    let tokens: number | undefined;
    let waiting: number | undefined;
    let decisions: number | undefined;
    for (let attempt = 0; ; attempt += 1) {
      try {
        tokens ??= await this.installations.remove(key);
        waiting ??= (await this.dropWaiting?.(key, why, logger)) ?? 0;
        decisions ??= await this.#deleteDecisions(key);
        break;
      } catch (error) {
        const left =
          tokens === undefined
            ? 'tokens, waiting advice and decision records'
            : waiting === undefined
              ? 'waiting advice and decision records'
              : 'decision records';
        const delay = this.retryDelaysMs[attempt];
        const where = { event: why, teamId: key.teamId, enterpriseId: key.enterpriseId };
        if (delay === undefined) {
          logger.error(
            { ...where, err: error, attempts: attempt + 1 },
            `${why}: could not delete the workspace's ${left}; they are still in the database`,
          );
          return;
        }
        logger.warn(
          { ...where, err: error, retryInMs: delay },
          `${why}: could not delete the workspace's ${left}; will try again`,
        );
        await sleep(delay);
      }
    }
    logger.info(
      {
        event: why,
        teamId: key.teamId,
        enterpriseId: key.enterpriseId,
        org: key.isEnterpriseInstall,
        installationsDeleted: tokens,
        outboxDropped: waiting,
        decisions: this.keep === 'delete' ? 'deleted' : 'kept',
        decisionsDeleted: decisions,
      },
      `${why}: the workspace's tokens are deleted${this.keep === 'delete' ? ', and its decision records' : '; its decision records are kept (DECISIONS_ON_UNINSTALL=keep)'}`,
    );
  }

  async #deleteDecisions(key: InstallationKey): Promise<number> {
    if (this.keep !== 'delete') return 0;
    if (key.isEnterpriseInstall && key.enterpriseId) {
      return this.decisions.deleteEnterprise(key.enterpriseId);
    }
    return key.teamId ? this.decisions.deleteWorkspace(key.teamId) : 0;
  }
}
