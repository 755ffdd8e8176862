import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Engine, StorageSchema } from '../schema.js';
import { entryOf, type Outbox } from './outbox-entry.js';

export type { NewOutboxEntry, Outbox, OutboxEntry, OutboxStats } from './outbox-entry.js';

/** The outbox module over a migrated database; `now` is the clock (tests pass their own). */
export function createOutbox(
  db: Kysely<StorageSchema>,
  engine: Engine,
  now: () => number = Date.now,
): Outbox {
  return {
    async add(entry, firstAt) {
      const id = randomUUID();
      const at = now();
      await db
        .insertInto('outbox')
        .values({
          id,
          team_id: entry.teamId ?? '',
          enterprise_id: entry.enterpriseId ?? '',
          user_id: entry.userId,
          payload: JSON.stringify(entry.payload),
          accepted_at: at,
          deadline_at: entry.deadlineAt,
          next_at: firstAt ?? at,
          attempts: 0,
          lease_owner: '',
          lease_until: 0,
          last_error: entry.error.slice(0, 500),
        })
        .execute();
      return id;
    },
    async claimDue(owner, leaseMs, limit) {
      const at = now();
      let due = db
        .selectFrom('outbox')
        .select('id')
        .where('next_at', '<=', at)
        .where('lease_until', '<=', at)
        .orderBy('next_at')
        .limit(limit);
      if (engine === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('outbox')
        .set({ lease_owner: owner, lease_until: at + leaseMs })
        .where('id', 'in', due)
        // Re-checked on the row itself: a claim that raced another sees its lease and skips.
        .where('lease_until', '<=', at)
        .returningAll()
        .execute();
      return rows.map(entryOf).sort((a, b) => a.acceptedAt - b.acceptedAt);
    },
    async retryLater(id, owner, { nextAt, error, payload }) {
      const result = await db
        .updateTable('outbox')
        .set((eb) => ({
          next_at: nextAt,
          attempts: eb('attempts', '+', 1),
          lease_owner: '',
          lease_until: 0,
          last_error: error.slice(0, 500),
          ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
        }))
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async finish(id, owner) {
      const result = await db
        .deleteFrom('outbox')
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async dropWorkspace(teamId) {
      const rows = await db
        .deleteFrom('outbox')
        .where('team_id', '=', teamId)
        .returningAll()
        .execute();
      return rows.map(entryOf);
    },
    async dropEnterprise(enterpriseId) {
      const rows = await db
        .deleteFrom('outbox')
        .where('enterprise_id', '=', enterpriseId)
        .returningAll()
        .execute();
      return rows.map(entryOf);
    },
    async stats() {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => [eb.fn.countAll().as('pending'), eb.fn.min('accepted_at').as('oldest')])
        .executeTakeFirstOrThrow();
      const oldest = row.oldest === null ? undefined : Number(row.oldest);
      return { pending: Number(row.pending), oldestAcceptedAt: oldest };
    },
  };
}
