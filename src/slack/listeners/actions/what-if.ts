import { threadOf } from '../../delivery/destination.js';
import { encodeRetry } from '../../delivery/retry-value.js';
import { decodeWhatIf } from '../../messages/button-values.js';
import { slackErrorOf } from '../../transport/slack-error.js';
import { evaluateWhatIf } from '../../what-if/evaluate.js';
import { whatIfMessage } from '../../what-if/what-if-message.js';
import type { ButtonArgs, ListenerDeps } from '../args.js';
import { tellClickerIfUnreadable } from './tell-clicker.js';

/**
 * "What if…" on a counterfactual: re-evaluates the answers with that change and replies in the
 * thread with the new recommendation and how it differs. If the thread cannot be posted to (the
 * bot was removed, Slack keeps failing), the clicker still gets the answer, in a message only
 * they see, through the action's response_url; its "Use these answers" then still answers in
 * the thread.
 */
export function whatIf({ advisor, signer }: ListenerDeps) {
  return async ({ ack, action, body, client, context, respond }: ButtonArgs) => {
    await ack();
    const channel = body.channel?.id;
    const message = body.message;
    if (!channel || !message) return;
    await tellClickerIfUnreadable(respond, context.logger, async () => {
      const outcome = await evaluateWhatIf(advisor, decodeWhatIf(action.value));
      const reply = whatIfMessage({ ...outcome, userId: body.user.id });
      try {
        await client.chat.postMessage({
          channel,
          thread_ts: threadOf(message),
          ...reply,
          unfurl_links: false,
        });
      } catch (error) {
        context.logger.warn(
          { err: error, slackError: slackErrorOf(error) },
          'could not reply in the thread; answering the clicker only',
        );
        // A click on an ephemeral message comes without it, so "Use these answers" carries the
        // thread, signed, as a notice's buttons do (change-answers.ts reads either).
        const thread = { kind: 'channel' as const, channel, threadTs: threadOf(message) };
        const value = encodeRetry(outcome.after.answers, signer.encode(thread, body.user.id));
        const only = whatIfMessage({ ...outcome, userId: body.user.id }, value);
        await respond({ response_type: 'ephemeral', replace_original: false, ...only });
      }
      context.logger.info({ condition: outcome.condition }, 'what-if answered');
    });
  };
}
