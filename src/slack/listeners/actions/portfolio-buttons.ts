import type { ChannelRef } from '../../portfolio/channel-portfolio.js';
import { slackErrorOf } from '../../transport/slack-error.js';
import type { ButtonArgs, ListenerDeps } from '../args.js';

/** The channel and thread of a summary whose button was clicked, as the click tells them. */
function whereClicked({
  body,
  context,
}: ButtonArgs): (ChannelRef & { threadTs: string }) | undefined {
  const channelId = body.channel?.id;
  const threadTs = body.message?.ts ?? body.container?.message_ts;
  const teamId = context.teamId ?? body.team?.id;
  const teamDomain = body.team?.domain;
  if (!channelId || !threadTs || !teamId || !teamDomain) return undefined;
  return { channelId, threadTs: String(threadTs), teamId, teamDomain };
}

const tell = (args: ButtonArgs, text: string) =>
  args
    .respond({ response_type: 'ephemeral', replace_original: false, text })
    .catch((error: unknown) => {
      args.context.logger.warn({ err: error }, 'could not tell the clicker');
    });

/**
 * The summaries whose button is being worked on in this process: a second click (a double
 * click, or an impatient one) while the first is under way is told so instead of uploading or
 * replying twice. A later click, once the first is done, runs again: it is a new request.
 */
function oneAtATime() {
  const busy = new Set<string>();
  return async (key: string, work: () => Promise<void>): Promise<boolean> => {
    if (busy.has(key)) return false;
    busy.add(key);
    try {
      await work();
    } finally {
      busy.delete(key);
    }
    return true;
  };
}

const UNREADABLE =
  'The channel’s decisions cannot be read right now: the database did not answer. Try again in a minute.';

/**
 * "Export CSV" on a portfolio summary: every current decision of the channel, as a CSV file
 * uploaded into the summary's thread with files.uploadV2 (`files:write`). A failure is told to
 * the person who clicked.
 * @see https://docs.slack.dev/reference/methods/files.getUploadURLExternal
 */
export function exportPortfolioCsv({ portfolio }: ListenerDeps) {
  const once = oneAtATime();
  return async (args: ButtonArgs) => {
    await args.ack();
    const where = whereClicked(args);
    if (!portfolio || !where)
      return void (await tell(args, 'This summary can no longer be exported.'));
    const key = `${where.channelId}:${where.threadTs}`;
    const ran = await once(key, () => uploadCsv(args, portfolio, where));
    if (!ran) await tell(args, 'The CSV of this summary is already being uploaded.');
  };
}

async function uploadCsv(
  args: ButtonArgs,
  portfolio: NonNullable<ListenerDeps['portfolio']>,
  where: ChannelRef & { threadTs: string },
): Promise<void> {
  const { logger } = args.context;
  const csv = await portfolio.csv(where, logger);
  if (csv === undefined) return void (await tell(args, UNREADABLE));
  try {
    await args.client.files.uploadV2({
      channel_id: where.channelId,
      thread_ts: where.threadTs,
      filename: `chip-advice-portfolio-${where.channelId}.csv`,
      title: 'Portfolio (CSV)',
      content: csv,
      initial_comment: `The portfolio as CSV, exported by <@${args.body.user.id}>.`,
    });
    logger.info({ channel: where.channelId }, 'portfolio CSV uploaded');
  } catch (error) {
    const code = slackErrorOf(error) ?? 'unknown_error';
    logger.warn({ err: error, code }, 'could not upload the portfolio CSV');
    const hint =
      code === 'missing_scope'
        ? ' The app needs the `files:write` scope: reinstall it from manifest.yml.'
        : '';
    await tell(args, `I could not upload the CSV (${code}).${hint}`);
  }
}

/**
 * "Re-evaluate" on a summary of decisions made under several rules versions: runs the stored
 * answers through today's rules and replies in the summary's thread with the workloads that
 * would change chip and why. Nothing is rewritten.
 */
export function reevaluatePortfolio({ portfolio }: ListenerDeps) {
  const once = oneAtATime();
  return async (args: ButtonArgs) => {
    await args.ack();
    const where = whereClicked(args);
    if (!portfolio || !where)
      return void (await tell(args, 'This summary can no longer be re-evaluated.'));
    const key = `${where.channelId}:${where.threadTs}`;
    const ran = await once(key, () => postReevaluation(args, portfolio, where));
    if (!ran) await tell(args, 'This summary is already being re-evaluated.');
  };
}

async function postReevaluation(
  args: ButtonArgs,
  portfolio: NonNullable<ListenerDeps['portfolio']>,
  where: ChannelRef & { threadTs: string },
): Promise<void> {
  const { logger } = args.context;
  const message = await portfolio.reevaluate(where, logger);
  if (message === undefined) return void (await tell(args, UNREADABLE));
  try {
    await args.client.chat.postMessage({
      channel: where.channelId,
      thread_ts: where.threadTs,
      ...message,
    });
  } catch (error) {
    logger.warn({ err: error }, 'could not post the re-evaluation');
    await tell(
      args,
      `I could not post the re-evaluation (${slackErrorOf(error) ?? 'unknown_error'}).`,
    );
  }
}
