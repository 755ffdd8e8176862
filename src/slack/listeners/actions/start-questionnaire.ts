import { openQuestionnaire } from '../../questionnaire/open-questionnaire.js';
import type { ButtonArgs, ListenerDeps } from '../args.js';

/**
 * "Start the questionnaire" on the App Home tab. The Home tab has no channel, so the advice is
 * sent as a direct message (the DM is opened when the answers come in, not before views.open,
 * which must happen within 3 seconds of the click).
 */
export function startQuestionnaire({ signer }: ListenerDeps) {
  return async ({ ack, body, client, context }: ButtonArgs) => {
    await ack();
    await openQuestionnaire(
      client,
      signer,
      { triggerId: body.trigger_id, userId: body.user.id, destination: { kind: 'dm' } },
      context.logger,
    );
  };
}
