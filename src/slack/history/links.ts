import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { slackErrorOf } from '../transport/slack-error.js';

/** Where a recorded summary was posted. */
export interface PostedAt {
  readonly channelId: string;
  readonly summaryTs: string;
}

/**
 * A link to each recorded summary (in its thread), from chat.getPermalink, in the order given;
 * undefined where Slack did not give one (the message was deleted, the bot left the channel).
 *
 * Why chat.getPermalink rather than building `https://DOMAIN.slack.com/archives/C…/p…` by hand:
 * the archives URL needs the workspace's domain (one more call, and Enterprise Grid and renamed
 * workspaces have their own), and its form is not a documented interface; a permalink is, it
 * carries `thread_ts` for a summary posted in a thread, and it is what Slack itself shows. The
 * cost is one call per listed decision, made in parallel, for at most the ten listed.
 * @see https://docs.slack.dev/reference/methods/chat.getPermalink
 */
export async function permalinks(
  client: webApi.WebClient,
  posted: readonly PostedAt[],
  logger: Logger,
): Promise<(string | undefined)[]> {
  const failures: string[] = [];
  const links = await Promise.all(
    posted.map(async ({ channelId, summaryTs }) => {
      try {
        const answer = await client.chat.getPermalink({
          channel: channelId,
          message_ts: summaryTs,
        });
        return typeof answer.permalink === 'string' ? answer.permalink : undefined;
      } catch (error) {
        failures.push(slackErrorOf(error) ?? (error instanceof Error ? error.message : '?'));
        return undefined;
      }
    }),
  );
  if (failures.length > 0) {
    logger.warn({ failures }, 'some history entries have no link: chat.getPermalink failed');
  }
  return links;
}
