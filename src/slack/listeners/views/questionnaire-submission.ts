import { submissionKey } from '../../duplicates/index.js';
import { checkSubmission } from '../../questionnaire/check-submission.js';
import { type ListenerDeps, type ViewSubmissionArgs, workspaceOf } from '../args.js';

/**
 * The questionnaire's submission: invalid answers go back as errors under their questions;
 * valid ones close the modal at once, then the advice is computed and posted, once per
 * submission (a double click or a redelivery sends the same one again). Where it goes comes from
 * the signed private_metadata; if that does not verify, by direct message to the submitter.
 * Once it is delivered, its decision record is written (without waiting for the database).
 * @see https://docs.slack.dev/surfaces/modals#handling_submissions
 */
export function questionnaireSubmission(deps: ListenerDeps) {
  const { advisor, signer, duplicates, delivery, history } = deps;
  return async ({ ack, view, body, client, context }: ViewSubmissionArgs) => {
    const check = checkSubmission(view);
    if (!check.ok) {
      await ack(check.response);
      context.logger.info({ response: check.response.response_action }, 'submission not accepted');
      return;
    }
    await ack();
    const userId = body.user.id;
    // The claim (a database round trip when replicas share one) and the advice are worked out
    // at the same time; nothing is posted until the claim says this submission is the first.
    const claimed = duplicates.claim(submissionKey(view, userId));
    const advising = advisor.advise(check.answers);
    if (!(await claimed)) {
      await advising.catch(() => undefined);
      context.logger.info({ view: view.id }, 'duplicate submission ignored');
      return;
    }
    const destination = signer.destinationFor(view.private_metadata, userId, context.logger);
    const advice = await advising;
    const workspace = workspaceOf(context, body);
    const posted = await delivery.deliver(advice, {
      client,
      logger: context.logger,
      userId,
      destination,
      workspace,
    });
    // Undefined: Slack could not be reached; the outbox posts it (and records it) later.
    if (!posted) return;
    history?.recorder.record(advice, posted, { ...workspace, userId });
  };
}
