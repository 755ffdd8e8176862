import { type Destination, threadOf } from '../../delivery/destination.js';
import { decodeAnswers } from '../../messages/button-values.js';
import { openQuestionnaire } from '../../questionnaire/open-questionnaire.js';
import { type ButtonArgs, type ListenerDeps, respondIfAny } from '../args.js';
import { tellClickerIfUnreadable } from './tell-clicker.js';

/**
 * "Change answers" (on a summary, a what-if reply or a notice that posting failed) or "Use these
 * answers" (on a what-if reply): reopens the questionnaire pre-filled with the answers the
 * button carries; the new advice goes in the same thread as the message the button is on.
 */
export function changeAnswers({ signer }: ListenerDeps) {
  return async ({ ack, action, body, client, context, respond }: ButtonArgs) => {
    await ack();
    await tellClickerIfUnreadable(respond, context.logger, async () => {
      const answers = decodeAnswers(action.value);
      const channel = body.channel?.id;
      const responseUrl = body.response_url ? { responseUrl: body.response_url } : {};
      const destination: Destination =
        channel && body.message
          ? { kind: 'channel', channel, threadTs: threadOf(body.message), ...responseUrl }
          : { kind: 'dm', ...responseUrl };
      await openQuestionnaire(
        client,
        signer,
        {
          triggerId: body.trigger_id,
          userId: body.user.id,
          destination,
          values: answers,
          respond: respondIfAny(respond),
          channel,
        },
        context.logger,
      );
    });
  };
}
