import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Engine, OutboxTable, StorageSchema } from '../schema.js';

/** Advice to post later, as the app hands it over. */
export interface NewOutboxEntry {
  readonly teamId: string | undefined;
  readonly enterpriseId: string | undefined;
  readonly userId: string;
  /** What is needed to post it, JSON-serialisable; never a token. */
  readonly payload: unknown;
  /** Epoch ms after which it is given up. */
  readonly deadlineAt: number;
  /** Why it could not be posted at once. */
  readonly error: string;
}

export interface OutboxEntry {
  readonly id: string;
  readonly teamId: string | undefined;
  readonly enterpriseId: string | undefined;
  readonly userId: string;
  /** As written; the caller validates it. */
  readonly payload: unknown;
  readonly acceptedAt: number;
  readonly deadlineAt: number;
  /** Attempts made from the outbox before this claim. */
  readonly attempts: number;
  readonly lastError: string | undefined;
}

export interface OutboxStats {
  readonly pending: number;
  /** When the oldest pending entry was accepted (epoch ms); undefined when none is. */
  readonly oldestAcceptedAt: number | undefined;
}

/** Advice kept in the database until it is posted or its deadline passes. */
export interface Outbox {
  /** Keeps an entry, due at `firstAt` (default: now); returns its id. */
  add(entry: NewOutboxEntry, firstAt?: number): Promise<string>;
  /**
   * Claims up to `limit` entries that are due and not leased, for `leaseMs`, as `owner`.
   * Atomic across processes: an entry is claimed by one owner at a time (PostgreSQL: `for
   * update skip locked`, and the lease re-checked by the update; SQLite: one statement under
   * the write lock).
   */
  claimDue(owner: string, leaseMs: number, limit: number): Promise<OutboxEntry[]>;
  /** Releases a claimed entry to be tried at `nextAt`, with a new payload (progress) if given. */
  retryLater(
    id: string,
    owner: string,
    change: { nextAt: number; error: string; payload?: unknown },
  ): Promise<boolean>;
  /** Deletes a claimed entry (posted, or given up); false if `owner` no longer holds it. */
  finish(id: string, owner: string): Promise<boolean>;
  stats(): Promise<OutboxStats>;
  /** Deletes every entry of a workspace (it was uninstalled) and returns them. */
  dropWorkspace(teamId: string): Promise<OutboxEntry[]>;
  /** Deletes every entry of an Enterprise Grid organisation (an org-wide uninstall). */
  dropEnterprise(enterpriseId: string): Promise<OutboxEntry[]>;
}

const none = (value: string) => (value === '' ? undefined : value);

function entryOf(row: Selectable<OutboxTable>): OutboxEntry {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    payload = undefined;
  }
  return {
    id: row.id,
    teamId: none(row.team_id),
    enterpriseId: none(row.enterprise_id),
    userId: row.user_id,
    payload,
    acceptedAt: Number(row.accepted_at),
    deadlineAt: Number(row.deadline_at),
    attempts: Number(row.attempts),
    lastError: row.last_error ?? undefined,
  };
}

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
