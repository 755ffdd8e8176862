import type { OAuthConfig } from '../../config-workspaces.js';
import type { Logger } from '../../logger.js';
import type { Decisions, InstallationKey } from '../../storage/index.js';
import type { DatabaseInstallationStore } from './installation-store.js';

/** Why a workspace's tokens are being deleted. */
export type Departure = 'app_uninstalled' | 'tokens_revoked';

/**
 * What an uninstall leaves behind: the workspace's tokens are deleted, and its decision records
 * too unless DECISIONS_ON_UNINSTALL=keep. Idempotent: app_uninstalled and tokens_revoked both
 * arrive, in either order, and Slack may send each again; every one deletes what is left.
 */
export class WorkspaceCleanup {
  constructor(
    private readonly installations: DatabaseInstallationStore,
    private readonly decisions: Pick<Decisions, 'deleteWorkspace' | 'deleteEnterprise'>,
    private readonly keep: OAuthConfig['decisionsOnUninstall'],
  ) {}

  async forget(key: InstallationKey, why: Departure, logger: Logger): Promise<void> {
    const tokens = await this.installations.remove(key);
    let decisions = 0;
    if (this.keep === 'delete') {
      if (key.isEnterpriseInstall && key.enterpriseId) {
        decisions = await this.decisions.deleteEnterprise(key.enterpriseId);
      } else if (key.teamId) {
        decisions = await this.decisions.deleteWorkspace(key.teamId);
      }
    }
    logger.info(
      {
        event: why,
        teamId: key.teamId,
        enterpriseId: key.enterpriseId,
        org: key.isEnterpriseInstall,
        installationsDeleted: tokens,
        decisions: this.keep === 'delete' ? 'deleted' : 'kept',
        decisionsDeleted: decisions,
      },
      `${why}: the workspace's tokens are deleted${this.keep === 'delete' ? ', and its decision records' : '; its decision records are kept (DECISIONS_ON_UNINSTALL=keep)'}`,
    );
  }
}
