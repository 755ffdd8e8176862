import { setTimeout as sleep } from 'node:timers/promises';
import { StoredDataInvalidError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { NewDecision } from './decision-row.js';
import type { Decisions } from './decisions.js';

export interface RecordWriterOptions {
  readonly decisions: Pick<Decisions, 'record'>;
  readonly logger: Logger;
  /** Most records kept while the database fails; past it the oldest is logged as lost. */
  readonly maxPending?: number;
  /** First wait before a retry; it doubles after each failure, up to `maxDelayMs`. */
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
}

/** `written` (or was already); `queued`: kept and retried; `lost`: logged as lost. */
export type WriteOutcome = 'written' | 'queued' | 'lost';

/** Writes decision records without ever holding up (or failing) the delivery they record. */
export interface RecordWriter {
  /**
   * Writes the record now, or keeps it and retries until it is written. Never rejects. Resolves
   * after the first attempt, which a slow database can hold for its query bound (10 s): call it
   * once the advice is delivered, without awaiting it on the way to the person.
   */
  write(decision: NewDecision): Promise<WriteOutcome>;
  /** Records waiting to be written. */
  readonly pending: number;
  /**
   * For shutdown: keeps retrying for up to `timeoutMs`, then logs what is still waiting as lost
   * and stops. Later writes are tried once.
   */
  close(timeoutMs: number): Promise<{ readonly lost: number }>;
}

/** The log line's code for a record that will never be written. */
export const DECISION_LOST = 'chip_advice_decision_lost';

/**
 * A record writer: the first attempt is immediate; while the database fails, records wait in
 * memory (bounded by `maxPending`), in order, and one retry loop with exponential backoff and
 * jitter writes them when it answers again. A record that cannot be kept is logged, whole, as
 * lost, so an operator can replay it: it holds no tokens or secrets.
 */
export function createRecordWriter(options: RecordWriterOptions): RecordWriter {
  const { decisions, logger, maxPending = 1000, firstDelayMs = 250, maxDelayMs = 30_000 } = options;
  const queue: NewDecision[] = [];
  let delayMs = firstDelayMs;
  let attempts = 0;
  let timer: NodeJS.Timeout | undefined;
  let draining: Promise<void> | undefined;
  let closed = false;
  /** First attempts under way (not yet queued), for close() to wait for. */
  const inFlight = new Set<Promise<unknown>>();

  const lose = (decision: NewDecision, reason: string) => {
    logger.error(
      { code: DECISION_LOST, reason, decision },
      `a decision record was lost: ${reason}`,
    );
  };

  /** One write: `written`, `lost` (invalid: retrying cannot help) or `failed` (retry it). */
  async function attempt(decision: NewDecision): Promise<'written' | 'lost' | 'failed'> {
    try {
      await decisions.record(decision);
      return 'written';
    } catch (error) {
      if (error instanceof StoredDataInvalidError) {
        lose(decision, error.message);
        return 'lost';
      }
      attempts += 1;
      logger.warn(
        { err: error, pending: queue.length, attempts, retryInMs: delayMs },
        'could not write a decision record; it is kept and will be retried',
      );
      return 'failed';
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      if ((await attempt(queue[0] as NewDecision)) === 'failed') return schedule();
      queue.shift();
      delayMs = firstDelayMs;
    }
    if (attempts > 0) logger.info({ afterAttempts: attempts }, 'decision records written again');
    attempts = 0;
  }

  function schedule(): void {
    if (closed) return;
    // Full jitter between half and all of the delay, so replicas do not retry in step.
    const wait = delayMs / 2 + Math.random() * (delayMs / 2);
    delayMs = Math.min(maxDelayMs, delayMs * 2);
    timer = setTimeout(runDrain, wait);
    timer.unref();
  }

  function runDrain(): Promise<void> {
    timer = undefined;
    draining ??= drain().finally(() => {
      draining = undefined;
    });
    return draining;
  }

  function keep(decision: NewDecision): void {
    if (queue.length >= maxPending) {
      lose(
        queue.shift() as NewDecision,
        `more than ${maxPending} records were waiting for the database`,
      );
    }
    queue.push(decision);
  }

  return {
    async write(decision) {
      if (closed) {
        const outcome = await attempt(decision);
        if (outcome === 'failed') lose(decision, 'the writer was closed');
        return outcome === 'written' ? 'written' : 'lost';
      }
      // While others wait, a new record waits behind them instead of adding an attempt.
      if (queue.length > 0 || draining) {
        keep(decision);
        return 'queued';
      }
      const writing = (async (): Promise<WriteOutcome> => {
        const outcome = await attempt(decision);
        if (outcome !== 'failed') return outcome;
        keep(decision);
        if (timer === undefined && !draining) schedule();
        return 'queued';
      })();
      inFlight.add(writing);
      void writing.finally(() => inFlight.delete(writing));
      return writing;
    },
    get pending() {
      return queue.length;
    },
    async close(timeoutMs) {
      closed = true;
      if (timer) clearTimeout(timer);
      const deadline = Date.now() + timeoutMs;
      await Promise.all([draining, ...inFlight]);
      while (queue.length > 0 && Date.now() < deadline) {
        if ((await attempt(queue[0] as NewDecision)) !== 'failed') queue.shift();
        else await sleep(Math.min(delayMs, Math.max(0, deadline - Date.now())));
      }
      const lost = queue.length;
      for (const decision of queue.splice(0))
        lose(decision, 'the app stopped before the database answered');
      return { lost };
    },
  };
}
