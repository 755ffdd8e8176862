import type { ButtonArgs } from '../../context.js';
import { decodeAnswers } from '../../payloads/answers-value.js';
import { threadOf } from '../../payloads/target.js';
import { openQuestionnaire } from '../../services/open-questionnaire.js';
import { tellClickerIfUnreadable } from './tell-clicker.js';

/**
 * "Change answers" (on a summary) or "Use these answers" (on a what-if reply): reopens the
 * questionnaire pre-filled with the answers the button carries; the new advice goes in the
 * same thread as the message the button is on.
 */
export async function changeAnswers({ ack, action, body, client, context, respond }: ButtonArgs) {
  await ack();
  await tellClickerIfUnreadable(respond, context.logger, async () => {
    const answers = decodeAnswers(action.value);
    const channel = body.channel?.id;
    const target =
      channel && body.message
        ? { kind: 'channel' as const, channel, threadTs: threadOf(body.message) }
        : { kind: 'dm' as const };
    await openQuestionnaire(client, body.trigger_id, target, answers);
  });
}
