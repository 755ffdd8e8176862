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
 * "Re-evaluate" on a summary of decisions made under several rules versions: runs the stored
 * answers through today's rules and replies in the summary's thread with the workloads that
 * would change chip and why. Nothing is rewritten.
 */
export const reevaluatePortfolio = (deps: ListenerDeps) =>
  summaryButton(
    deps,
    {
      gone: 'This summary can no longer be re-evaluated.',
      busy: 'This summary is already being re-evaluated.',
    },
    postReevaluation,
  );

async function postReevaluation(
  args: ButtonArgs,
  portfolio: Portfolio,
  where: SummaryRef,
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
