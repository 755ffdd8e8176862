import type { webApi } from '@slack/bolt';
import type { OAuthConfig } from '../../config-workspaces.js';
import type { Logger } from '../../logger.js';
import type { OAuthOptions } from '../transport/receiver.js';
import { failureOf, installPage, sendInstalled, sendInstallFailed } from './install-pages.js';
import type { DatabaseInstallationStore } from './installation-store.js';

/** The Add to Slack page and the OAuth redirect (manifest.yml `oauth_config.redirect_urls`). */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes an install asks for: the same as manifest.yml `oauth_config.scopes.bot`. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'im:write',
  'files:write',
] as const;

export type OAuthReceiverOptions = OAuthOptions;

/**
 * Bolt's own OAuth (the InstallProvider of @slack/oauth inside the HTTPReceiver): GET
 * /slack/install serves the Add to Slack page and sets the signed state cookie; GET
 * /slack/oauth_redirect checks the state against that cookie, exchanges the code with
 * oauth.v2.access through a WebClient with the app's options (so on SLACK_API_URL), stores the
 * installation and answers with the pages of `install-pages.ts`. A failed or forged redirect
 * stores nothing: the InstallProvider throws before it reaches the store.
 * @see https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth
 */
export function oauthReceiverOptions(
  oauth: OAuthConfig,
  store: DatabaseInstallationStore,
  clientOptions: webApi.WebClientOptions,
  logger: Logger,
): OAuthReceiverOptions {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: store,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: false,
      renderHtmlForInstallPath: installPage,
      clientOptions: { ...clientOptions },
      callbackOptions: {
        success: (installation, _options, _request, response) => {
          sendInstalled(response, installation.team?.name ?? installation.enterprise?.name);
        },
        failure: (error, _options, request, response) => {
          const failure = failureOf(error.code, request);
          logger.warn(
            { code: error.code, status: failure.status, reason: error.message },
            'install did not complete; nothing stored',
          );
          sendInstallFailed(response, failure, INSTALL_PATH);
        },
      },
    },
  };
}
