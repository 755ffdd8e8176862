import type { Installation, webApi } from '@slack/bolt';
import type { Renewal } from '../../storage/index.js';

/**
 * A bot token is refreshed once it expires within this margin: Bolt's own InstallProvider uses
 * two hours, and Slack's rotating tokens live twelve.
 * @see https://docs.slack.dev/authentication/using-token-rotation
 */
export const REFRESH_MARGIN_MS = 2 * 60 * 60 * 1000;

/** True when a token with this expiry (epoch ms; undefined: never expires) should be refreshed. */
export function needsRefresh(expiresAtMs: number | undefined, nowMs: number): boolean {
  return expiresAtMs !== undefined && expiresAtMs - nowMs <= REFRESH_MARGIN_MS;
}

/** Exchanges an installation's bot refresh token for a new token; what to store instead. */
export type BotTokenRefresher = (
  installation: Installation<'v1' | 'v2', boolean>,
) => Promise<Renewal>;

/**
 * A refresher that calls `oauth.v2.access` with `grant_type=refresh_token` through `client`
 * (a WebClient without a token, on SLACK_API_URL like every other call).
 */
export function botTokenRefresher(
  client: webApi.WebClient,
  credentials: { readonly clientId: string; readonly clientSecret: string },
  now: () => number = Date.now,
): BotTokenRefresher {
  return async (installation) => {
    const refreshToken = installation.bot?.refreshToken;
    if (installation.bot === undefined || refreshToken === undefined) {
      throw new Error('the installation has no bot refresh token');
    }
    const answer = await client.oauth.v2.access({
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    const { access_token: token, refresh_token: next, expires_in: expiresIn } = answer;
    if (!token || !next || typeof expiresIn !== 'number') {
      throw new Error('oauth.v2.access answered without access_token, refresh_token or expires_in');
    }
    const expiresAt = Math.floor(now() / 1000) + expiresIn;
    const bot = { ...installation.bot, token, refreshToken: next, expiresAt };
    return {
      payload: { ...installation, bot } as unknown as Record<string, unknown>,
      botExpiresAt: expiresAt * 1000,
    };
  };
}
