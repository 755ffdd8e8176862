import type { Logger } from '../logger.js';
import type { Decisions } from './decisions/decisions.js';
import type { DeliveryKeys } from './delivery-keys/delivery-keys.js';

export interface RetentionOptions {
  readonly decisions: Pick<Decisions, 'pruneDecidedBefore'>;
  readonly deliveryKeys: Pick<DeliveryKeys, 'pruneExpired'>;
  /** DECISION_RETENTION_DAYS: records older than this are deleted; undefined keeps them all. */
  readonly retentionDays: number | undefined;
  readonly logger: Logger;
  readonly now?: () => number;
}

export interface Pruned {
  readonly decisions: number;
  readonly deliveryKeys: number;
}

export interface Retention {
  /** Deletes expired delivery keys, and decisions past the retention period. */
  pruneNow(): Promise<Pruned>;
  /**
   * Prunes every `everyMs` until the returned function is called: first at once when
   * `immediately` is set, else after one period. A prune starts only once the one before has
   * finished, so a slow database never has two of this process's prunes at once.
   */
  schedule(everyMs?: number, options?: { readonly immediately?: boolean }): () => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What is kept and for how long. Every process may run the schedule: a prune is an idempotent
 * DELETE by time, so two replicas pruning at once only do the work twice.
 */
export function createRetention(options: RetentionOptions): Retention {
  const { decisions, deliveryKeys, retentionDays, logger, now = Date.now } = options;

  async function pruneNow(): Promise<Pruned> {
    const at = now();
    const keys = await deliveryKeys.pruneExpired(new Date(at));
    const old =
      retentionDays === undefined
        ? 0
        : await decisions.pruneDecidedBefore(new Date(at - retentionDays * DAY_MS));
    if (old > 0 || keys > 0) {
      logger.info({ decisions: old, deliveryKeys: keys, retentionDays }, 'pruned old records');
    }
    return { decisions: old, deliveryKeys: keys };
  }

  return {
    pruneNow,
    schedule(everyMs = 60 * 60 * 1000, { immediately = false } = {}) {
      let timer: NodeJS.Timeout | undefined;
      let stopped = false;
      const tick = () => {
        pruneNow()
          .catch((error: unknown) => {
            logger.warn({ err: error }, 'could not prune old records; will try again');
          })
          .finally(next);
      };
      const next = () => {
        if (stopped) return;
        timer = setTimeout(tick, everyMs);
        timer.unref();
      };
      if (immediately) tick();
      else next();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
  };
}
