import { webApi } from '@slack/bolt';
import type { OAuthConfig } from '../../config-workspaces.js';
import type { Logger } from '../../logger.js';
import type { Store } from '../../storage/index.js';
import { type DropWaiting, WorkspaceCleanup } from './cleanup.js';
import { DatabaseInstallationStore } from './installation-store.js';
import { type OAuthReceiverOptions, oauthReceiverOptions } from './oauth-options.js';
import { botTokenRefresher } from './token-rotation.js';
import { installationUnavailableNotice } from './unavailable-notice.js';

export type { Departure, DropWaiting, WorkspaceCleanup } from './cleanup.js';
export {
  DatabaseInstallationStore,
  keyOfInstallation,
  LOOKUP_CACHE_MS,
} from './installation-store.js';
export { BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH } from './oauth-options.js';
export { INSTALLATION_UNAVAILABLE_TEXT } from './unavailable-notice.js';

/** Multi-workspace mode, assembled: what the receiver, Bolt and the listeners are given. */
export interface Workspaces {
  readonly installationStore: DatabaseInstallationStore;
  readonly receiverOptions: OAuthReceiverOptions;
  readonly cleanup: WorkspaceCleanup;
  /** Tells the person when their request failed because its installation could not be read. */
  readonly afterError: ReturnType<typeof installationUnavailableNotice>;
}

export interface WorkspacesParts {
  /** The database's installations and decisions. */
  readonly store: Pick<Store, 'installations' | 'decisions'>;
  /** Empties the outbox of an uninstalled workspace (absent: the app has no outbox). */
  readonly dropWaiting?: DropWaiting | undefined;
  /** The options of every WebClient (SLACK_API_URL, retries, timeouts). */
  readonly clientOptions: webApi.WebClientOptions;
  readonly logger: Logger;
  /** The app's time-bounded fetch, for response URLs. */
  readonly fetch: webApi.FetchFunction;
  readonly now?: () => number;
}

/** Builds multi-workspace mode over the database (CONTRACT.md section 6). */
export function createWorkspaces(oauth: OAuthConfig, parts: WorkspacesParts): Workspaces {
  const logger = parts.logger.child({ component: 'installations' });
  const refresher = botTokenRefresher(
    new webApi.WebClient(undefined, parts.clientOptions),
    oauth,
    parts.now,
  );
  const installationStore = new DatabaseInstallationStore(
    parts.store.installations(oauth.tokenKey),
    refresher,
    logger,
    parts.now,
  );
  return {
    installationStore,
    receiverOptions: oauthReceiverOptions(oauth, installationStore, parts.clientOptions, logger),
    cleanup: new WorkspaceCleanup(
      installationStore,
      parts.store.decisions,
      parts.dropWaiting,
      oauth.decisionsOnUninstall,
    ),
    afterError: installationUnavailableNotice(parts.fetch),
  };
}
