import type { Logger } from '../../../logger.js';
import type { ListenerDeps, ViewSubmissionArgs } from '../../context.js';
import { decodeTarget, type Target } from '../../payloads/target.js';
import { checkSubmission } from '../../services/check-submission.js';
import { deliverAdvice } from '../../services/deliver-advice.js';

/**
 * Where the advice goes. private_metadata made a round trip through Slack; if it is not what
 * the app wrote, the advice still reaches the person who asked, by direct message.
 */
function targetOf(metadata: string, logger: Logger): Target {
  try {
    return decodeTarget(metadata);
  } catch (error) {
    logger.warn({ err: error }, 'unreadable private_metadata; answering by direct message');
    return { kind: 'dm' };
  }
}

/**
 * The questionnaire's submission: invalid answers go back as errors under their questions;
 * valid ones close the modal at once, then the advice is computed and posted.
 * @see https://docs.slack.dev/surfaces/modals#handling_submissions
 */
export function questionnaireSubmission({ advisor }: ListenerDeps) {
  return async ({ ack, view, body, client, context }: ViewSubmissionArgs) => {
    const check = checkSubmission(view);
    if (!check.ok) {
      await ack(check.response);
      context.logger.info({ response: check.response.response_action }, 'submission not accepted');
      return;
    }
    await ack();
    const advice = await advisor.advise(check.answers);
    const target = targetOf(view.private_metadata, context.logger);
    const delivered = await deliverAdvice(client, { advice, userId: body.user.id, target });
    context.logger.info(
      { view: view.id, chip: advice.recommendation.chip, ...delivered },
      'advice delivered',
    );
  };
}
