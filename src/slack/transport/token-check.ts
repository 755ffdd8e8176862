import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { slackErrorOf } from './slack-error.js';

/** Slack's answers to auth.test that mean the token itself is wrong, not the network. */
const REJECTED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked']);

/**
 * Checks the bot token with auth.test after the start, without holding the start up: the app
 * answers /healthz even while Slack is unreachable. A rejected token is logged with what to do;
 * requests keep being served (each will fail until the token is fixed).
 * @see https://docs.slack.dev/reference/methods/auth.test
 */
export async function checkBotToken(
  client: webApi.WebClient,
  token: string,
  logger: Logger,
): Promise<void> {
  try {
    const result = await client.auth.test({ token });
    logger.info({ team: result.team, bot: result.user }, 'connected to Slack');
  } catch (error) {
    const code = slackErrorOf(error);
    if (code && REJECTED.has(code)) {
      logger.error(
        `SLACK_BOT_TOKEN was rejected by Slack (${code}): reinstall the app and copy the Bot User OAuth Token from OAuth & Permissions`,
      );
    } else {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn({ reason }, 'could not check SLACK_BOT_TOKEN with Slack; will keep serving');
    }
  }
}
