import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { AppContext } from '../context.js';
import { deliveryKey } from './keys.js';
import type { DuplicateStore } from './store.js';

/** Where the middleware claims keys: this process's memory, and the store shared by processes. */
export interface DuplicateStores {
  readonly local: DuplicateStore;
  readonly shared: DuplicateStore;
}

/**
 * Global middleware, after the request logger: a delivery already seen (same event_id or
 * trigger_id, within the store's window) is acknowledged and goes no further, so a retried
 * command opens one modal and a redelivered event is handled once.
 *
 * Events (the only requests Slack retries with X-Slack-Retry-Num, possibly to another process)
 * are claimed in the shared store: Bolt has acknowledged an event before any middleware runs, so
 * the database is not on the path to its ack. Commands, shortcuts and clicks are claimed in
 * memory: their listener must ack and call views.open within the 3 seconds a trigger_id lives,
 * and no database round trip may stand in front of that.
 * @see https://docs.slack.dev/apis/events-api#retries
 */
export function dropDuplicates(stores: DuplicateStores): Middleware<AnyMiddlewareArgs, AppContext> {
  return async (args) => {
    const body = args.body as Record<string, unknown>;
    const key = deliveryKey(body);
    const store = typeof body.event_id === 'string' ? stores.shared : stores.local;
    if (key === undefined || (await store.claim(key))) {
      await args.next();
      return;
    }
    if ('ack' in args && typeof args.ack === 'function') await args.ack();
    const { retryNum, retryReason } = args.context;
    const { event_id: eventId, trigger_id: triggerId } = body;
    args.context.logger.info(
      { eventId, triggerId, retryNum, retryReason },
      'duplicate delivery ignored',
    );
  };
}
