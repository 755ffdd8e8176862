import type { webApi } from '@slack/bolt';
import { questionnaireView } from '../blocks/questionnaire-view.js';
import type { FormValues } from '../payloads/questionnaire-state.js';
import { encodeTarget, type Target } from '../payloads/target.js';

/**
 * Opens the questionnaire for whoever triggered `triggerId`. Call it right after ack(), before
 * any slow work: a trigger_id expires 3 seconds after the click or command.
 * @see https://docs.slack.dev/reference/methods/views.open
 */
export async function openQuestionnaire(
  client: webApi.WebClient,
  triggerId: string,
  target: Target,
  values?: FormValues,
): Promise<void> {
  await client.views.open({
    trigger_id: triggerId,
    view: questionnaireView({
      privateMetadata: encodeTarget(target),
      ...(values ? { values } : {}),
    }),
  });
}
