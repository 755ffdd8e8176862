import { slackErrorOf } from '../../transport/slack-error.js';
import type { ButtonArgs, ListenerDeps } from '../args.js';
import {
  type Portfolio,
  type SummaryRef,
  summaryButton,
  tell,
  UNREADABLE,
} from './summary-button.js';

/**
 * "Export CSV" on a portfolio summary: every current decision of the channel, as a CSV file
 * uploaded into the summary's thread with files.uploadV2 (`files:write`). A failure is told to
 * the person who clicked.
 * @see https://docs.slack.dev/reference/methods/files.getUploadURLExternal
 */
export const exportPortfolioCsv = (deps: ListenerDeps) =>
  summaryButton(
    deps,
    {
      gone: 'This summary can no longer be exported.',
      busy: 'The CSV of this summary is already being uploaded.',
    },
    uploadCsv,
  );

async function uploadCsv(args: ButtonArgs, portfolio: Portfolio, where: SummaryRef): Promise<void> {
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
