import type { Selectable } from 'kysely';
import type { OutboxTable } from '../schema.js';

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

export function entryOf(row: Selectable<OutboxTable>): OutboxEntry {
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
