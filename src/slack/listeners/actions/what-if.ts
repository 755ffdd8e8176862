import { whatIfMessage } from '../../blocks/what-if-message.js';
import type { ButtonArgs, ListenerDeps } from '../../context.js';
import { decodeWhatIf } from '../../payloads/answers-value.js';
import { threadOf } from '../../payloads/target.js';
import { evaluateWhatIf } from '../../services/what-if.js';
import { tellClickerIfUnreadable } from './tell-clicker.js';

/**
 * "What if…" on a counterfactual: re-evaluates the answers with that change and replies in the
 * thread with the new recommendation and how it differs.
 */
export function whatIf({ advisor }: ListenerDeps) {
  return async ({ ack, action, body, client, context, respond }: ButtonArgs) => {
    await ack();
    const channel = body.channel?.id;
    const message = body.message;
    if (!channel || !message) return;
    await tellClickerIfUnreadable(respond, context.logger, async () => {
      const outcome = await evaluateWhatIf(advisor, decodeWhatIf(action.value));
      await client.chat.postMessage({
        channel,
        thread_ts: threadOf(message),
        ...whatIfMessage({ ...outcome, userId: body.user.id }),
        unfurl_links: false,
      });
      context.logger.info({ condition: outcome.condition }, 'what-if answered');
    });
  };
}
