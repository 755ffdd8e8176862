import { decodeRetry } from '../../delivery/retry-value.js';
import { retryKey } from '../../duplicates/index.js';
import { type ButtonArgs, type ListenerDeps, respondIfAny, workspaceOf } from '../args.js';
import { tellClickerIfUnreadable } from './tell-clicker.js';

/**
 * "Post again" on a notice that the advice could not be posted: posts it where the first attempt
 * was going (the signed destination on the button; a direct message if it does not verify). On
 * success the notice is removed and the decision recorded; on failure a new notice comes with
 * the same buttons.
 */
export function retryPost({ advisor, signer, duplicates, delivery, history }: ListenerDeps) {
  return async ({ ack, action, body, client, context, respond }: ButtonArgs) => {
    await ack();
    await tellClickerIfUnreadable(respond, context.logger, async () => {
      const { answers, metadata } = decodeRetry(action.value);
      const userId = body.user.id;
      const notice = String(body.container.message_ts ?? body.trigger_id);
      if (!(await duplicates.claim(retryKey(userId, notice)))) {
        context.logger.info('"Post again" already pressed on this notice; ignored');
        return;
      }
      const destination = signer.destinationFor(metadata, userId, context.logger);
      const advice = await advisor.advise(answers);
      const replyTo = respondIfAny(respond);
      const { logger } = context;
      const workspace = workspaceOf(context, body);
      const posted = await delivery.deliver(advice, {
        client,
        logger,
        userId,
        destination,
        respond: replyTo,
        workspace,
      });
      // Undefined: Slack could not be reached; the outbox posts it (and records it) later.
      if (!posted) return;
      history?.recorder.record(advice, posted, { ...workspace, userId });
      await replyTo?.({ delete_original: true }).catch((error: unknown) => {
        context.logger.warn({ err: error }, 'could not remove the notice');
      });
    });
  };
}
