import type { Kysely } from 'kysely';
import type { StorageSchema } from '../schema.js';

/** `first`: this process does the work. `repeat`: someone already claimed the key. */
export type Claim = 'first' | 'repeat';

/** Duplicate-delivery keys in the database, shared by every process that uses it. */
export interface DeliveryKeys {
  /**
   * Claims `key` for `ttlMs`. Atomic across processes: of any number of claims of a key within
   * its lifetime, exactly one is `first`. An expired key can be claimed again.
   */
  claim(key: string, ttlMs: number): Promise<Claim>;
  /** Deletes keys that expired before `now`; returns how many. */
  pruneExpired(now?: Date): Promise<number>;
}

/** Longest key accepted: the app's keys are digests, far shorter. */
export const MAX_KEY_LENGTH = 512;

/** The delivery-keys module over a migrated database; `now` is the clock (tests pass their own). */
export function createDeliveryKeys(
  db: Kysely<StorageSchema>,
  now: () => number = Date.now,
): DeliveryKeys {
  return {
    async claim(key, ttlMs) {
      if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
        throw new RangeError(`a delivery key must be 1 to ${MAX_KEY_LENGTH} characters`);
      }
      if (!(ttlMs > 0 && Number.isFinite(ttlMs))) throw new RangeError('ttlMs must be > 0');
      const at = now();
      // One statement, so two processes cannot both win: the insert succeeds for a new key; for
      // an existing key the update runs only if it has expired; otherwise no row changes.
      const result = await db
        .insertInto('delivery_keys')
        .values({ key, expires_at: at + Math.ceil(ttlMs) })
        .onConflict((conflict) =>
          conflict
            .column('key')
            .doUpdateSet((eb) => ({ expires_at: eb.ref('excluded.expires_at') }))
            .where('delivery_keys.expires_at', '<=', at),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? 'first' : 'repeat';
    },
    async pruneExpired(when) {
      const result = await db
        .deleteFrom('delivery_keys')
        .where('expires_at', '<=', when?.getTime() ?? now())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
