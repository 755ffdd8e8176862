import { readQuestionnaire } from '../../questionnaire/form-state.js';
import { questionnaireView } from '../../questionnaire/questionnaire-view.js';
import { slackErrorOf } from '../../transport/slack-error.js';
import type { BlockActionArgs } from '../args.js';

/** Slack's answer when another update of the view got there first. */
const HASH_CONFLICT = 'hash_conflict';

/**
 * The workload was chosen (or changed) in the questionnaire: redraw it with the questions that
 * apply, keeping what was already entered. The view's `hash` makes Slack refuse this update if
 * a newer one already landed, so a late update never overwrites a newer state.
 * @see https://docs.slack.dev/reference/methods/views.update
 */
export async function workloadChosen({ ack, body, client, context }: BlockActionArgs) {
  await ack();
  const { view } = body;
  if (!view) return;
  const { values } = readQuestionnaire(view);
  try {
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: questionnaireView({ privateMetadata: view.private_metadata, values }),
    });
  } catch (error) {
    if (slackErrorOf(error) !== HASH_CONFLICT) throw error;
    context.logger.info({ view: view.id }, 'a newer update of the questionnaire won; skipped');
  }
}
