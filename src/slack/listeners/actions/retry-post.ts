import { type ButtonArgs, type ListenerDeps, respondIfAny } from '../../context.js';
import { deliverSafely } from '../../delivery/deliver.js';
import { decodeRetry } from '../../delivery/retry-value.js';
import { tellClickerIfUnreadable } from './tell-clicker.js';

/**
 * "Post again" on a notice that the advice could not be posted: posts it where the first attempt
 * was going (the signed origin on the button; a direct message if it does not verify). On
 * success the notice is removed; on failure a new notice comes with the same buttons.
 */
export function retryPost({ advisor, signer, recent, fetch }: ListenerDeps) {
  return async ({ ack, action, body, client, context, respond }: ButtonArgs) => {
    await ack();
    await tellClickerIfUnreadable(respond, context.logger, async () => {
      const { answers, metadata } = decodeRetry(action.value);
      const notice = String(body.container.message_ts ?? body.trigger_id);
      if (!recent.claim(`retry:${body.user.id}:${notice}`)) {
        context.logger.info('"Post again" already pressed on this notice; ignored');
        return;
      }
      const origin = signer.originFor(metadata, body.user.id, context.logger);
      const advice = await advisor.advise(answers);
      const replyTo = respondIfAny(respond);
      const delivered = await deliverSafely(
        client,
        { advice, userId: body.user.id, origin, respond: replyTo },
        { signer, logger: context.logger, fetch },
      );
      await replyTo?.({ delete_original: true }).catch((error: unknown) => {
        context.logger.warn({ err: error }, 'could not remove the notice');
      });
      context.logger.info({ chip: advice.recommendation.chip, ...delivered }, 'advice delivered');
    });
  };
}
