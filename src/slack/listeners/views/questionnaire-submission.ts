import type { ListenerDeps, ViewSubmissionArgs } from '../../context.js';
import { deliverSafely } from '../../delivery/deliver.js';
import { submissionKey } from '../../duplicates/keys.js';
import { checkSubmission } from '../../questionnaire/check-submission.js';

/**
 * The questionnaire's submission: invalid answers go back as errors under their questions;
 * valid ones close the modal at once, then the advice is computed and posted, once per
 * submission (a double click or a redelivery sends the same one again). Where it goes comes from
 * the signed private_metadata; if that does not verify, by direct message to the submitter.
 * @see https://docs.slack.dev/surfaces/modals#handling_submissions
 */
export function questionnaireSubmission(deps: ListenerDeps) {
  const { advisor, signer, recent, fetch } = deps;
  return async ({ ack, view, body, client, context }: ViewSubmissionArgs) => {
    const check = checkSubmission(view);
    if (!check.ok) {
      await ack(check.response);
      context.logger.info({ response: check.response.response_action }, 'submission not accepted');
      return;
    }
    await ack();
    if (!recent.claim(submissionKey(view, body.user.id))) {
      context.logger.info({ view: view.id }, 'duplicate submission ignored');
      return;
    }
    const origin = signer.originFor(view.private_metadata, body.user.id, context.logger);
    const advice = await advisor.advise(check.answers);
    const delivered = await deliverSafely(
      client,
      { advice, userId: body.user.id, origin },
      { signer, logger: context.logger, fetch },
    );
    context.logger.info(
      { view: view.id, chip: advice.recommendation.chip, ...delivered },
      'advice delivered',
    );
  };
}
