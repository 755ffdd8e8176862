import { slackErrorOf } from '../../transport/slack-error.js';
import type { CommandArgs, ListenerDeps } from '../args.js';

const NOT_KEPT =
  'This app keeps no decisions (it runs without a database), so there is no portfolio to sum up.';

/**
 * `/chip-advice summary`: acknowledged at once, then the channel's portfolio of current
 * decisions is posted in the channel for everyone in it. A channel without decisions, or a
 * database that does not answer, gets an answer for the person alone; so does a channel the
 * bot cannot post in.
 * @see https://docs.slack.dev/reference/methods/chat.postMessage
 */
export function summaryCommand({ portfolio }: ListenerDeps) {
  return async ({ ack, command, client, context, respond }: CommandArgs) => {
    await ack();
    const { logger } = context;
    if (!portfolio) return void (await respond({ response_type: 'ephemeral', text: NOT_KEPT }));
    const channel = {
      teamId: context.teamId ?? command.team_id,
      channelId: command.channel_id,
      teamDomain: command.team_domain,
    };
    const result = await portfolio.summary(channel, logger);
    if (result.kind === 'reply') return void (await respond(result.reply));
    try {
      await client.chat.postMessage({ channel: channel.channelId, ...result.message });
      logger.info({ channel: channel.channelId }, 'portfolio summary posted');
    } catch (error) {
      const code = slackErrorOf(error) ?? 'unknown_error';
      logger.warn({ err: error, code }, 'could not post the portfolio summary');
      await respond({
        response_type: 'ephemeral',
        text: `I could not post the summary in this channel (${code}). If the channel is private, \`/invite @chip-advice\` first, then run the command again.`,
      });
    }
  };
}
