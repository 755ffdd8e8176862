import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { AppContext } from '../context.js';
import { deliveryKey } from './keys.js';
import type { DuplicateStore } from './store.js';

/**
 * Global middleware, after the request logger: a delivery already seen (same event_id or
 * trigger_id, within the store's window) is acknowledged and goes no further, so a retried
 * command opens one modal and a redelivered event is handled once.
 * @see https://docs.slack.dev/apis/events-api#retries
 */
export function dropDuplicates(store: DuplicateStore): Middleware<AnyMiddlewareArgs, AppContext> {
  return async (args) => {
    const key = deliveryKey(args.body as Record<string, unknown>);
    if (key === undefined || (await store.claim(key))) {
      await args.next();
      return;
    }
    if ('ack' in args && typeof args.ack === 'function') await args.ack();
    const { retryNum, retryReason } = args.context;
    const { event_id: eventId, trigger_id: triggerId } = args.body as Record<string, unknown>;
    args.context.logger.info(
      { eventId, triggerId, retryNum, retryReason },
      'duplicate delivery ignored',
    );
  };
}
