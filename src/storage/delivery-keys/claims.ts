import type { Logger } from '../../logger.js';
import type { Claim, DeliveryKeys } from './delivery-keys.js';
import { MemoryKeys } from './memory-keys.js';

export interface DuplicateClaimsOptions {
  readonly keys: Pick<DeliveryKeys, 'claim'>;
  readonly logger: Logger;
  /** How long a key is remembered: 10 minutes covers Slack's retries (three, over about 5 minutes). */
  readonly ttlMs?: number;
  /** Longest wait for the database before the claim is made in memory. */
  readonly timeoutMs?: number;
  /** While the database is failing, how often one claim tries it again (the rest use memory). */
  readonly probeEveryMs?: number;
  /** Most keys remembered in memory. */
  readonly maxInMemory?: number;
  readonly now?: () => number;
}

/** Duplicate-delivery claims that never fail and never wait long. */
export interface DuplicateClaims {
  /** `first` when this process should do the work for `key`, `repeat` when it was done. */
  claim(key: string): Promise<Claim>;
  /** True while claims are made in memory because the database fails or is slow. */
  readonly inMemory: boolean;
}

/** The log line's code when claims move to memory. */
export const CLAIMS_IN_MEMORY = 'chip_advice_claims_in_memory';

class TimedOut extends Error {}

/**
 * Claims in the database, shared by every process, with memory as the fallback: a claim the
 * database fails or does not answer within `timeoutMs` is made in this process's memory, and the
 * logs say so once per outage. While it fails, one claim per `probeEveryMs` tries it again and
 * the others go straight to memory, so an outage costs no request a wait. When it answers again,
 * the keys claimed in memory meanwhile are written to it, so that a late retry that reaches
 * another process is still recognised. Keys are also remembered in memory when the database
 * claims them, which answers this process's own repeats without a round trip.
 */
export function createDuplicateClaims(options: DuplicateClaimsOptions): DuplicateClaims {
  const { keys, logger, now = Date.now } = options;
  const { ttlMs = 10 * 60_000, timeoutMs = 500, probeEveryMs = 2000 } = options;
  const memory = new MemoryKeys(options.maxInMemory ?? 10_000, ttlMs, now);
  /** Keys claimed in memory during the outage, with when, to write to the database later. */
  let backlog: [string, number][] = [];
  let failingSince: number | undefined;
  let lastProbe = 0;

  async function inDatabase(key: string): Promise<Claim> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimedOut(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([keys.claim(key, ttlMs), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function recovered(): void {
    logger.info(
      {
        code: CLAIMS_IN_MEMORY,
        claimedInMemory: backlog.length,
        forMs: now() - (failingSince ?? now()),
      },
      'duplicate claims are back in the database',
    );
    failingSince = undefined;
    const late = backlog;
    backlog = [];
    void (async () => {
      for (const [key, at] of late) {
        const left = at + ttlMs - now();
        if (left > 0) await keys.claim(key, left).catch(() => undefined);
      }
    })();
  }

  function inMemory(key: string, error: unknown): Claim {
    if (failingSince === undefined) {
      failingSince = now();
      logger.warn(
        {
          code: CLAIMS_IN_MEMORY,
          err: error instanceof TimedOut ? undefined : error,
          reason: String(error),
        },
        'duplicate claims fall back to memory: the database failed or was slow; a retry that reaches another process may be done twice',
      );
    }
    if (!memory.claim(key)) return 'repeat';
    if (backlog.length >= memory.max) backlog.shift();
    backlog.push([key, now()]);
    return 'first';
  }

  return {
    async claim(key) {
      if (memory.has(key)) return 'repeat';
      if (failingSince !== undefined && now() - lastProbe < probeEveryMs) {
        return inMemory(key, 'still failing');
      }
      lastProbe = now();
      let claim: Claim;
      try {
        claim = await inDatabase(key);
      } catch (error) {
        return inMemory(key, error);
      }
      if (failingSince !== undefined) recovered();
      // Another claim of this key in this process may have gone to memory meanwhile.
      return memory.claim(key) ? claim : 'repeat';
    },
    get inMemory() {
      return failingSince !== undefined;
    },
  };
}
