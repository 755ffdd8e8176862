/**
 * The tables as Kysely sees them. Times are epoch milliseconds in a 64-bit integer on both
 * engines (one comparison for retention and ordering, no time-zone or driver date handling);
 * JSON columns are `jsonb` on PostgreSQL and text on SQLite, read back through
 * `decisions/decision-row.ts`, which validates them.
 */
import type { ColumnType } from 'kysely';

/** pg returns a 64-bit integer as a string; SQLite as a number. Written as a number. */
type Millis = ColumnType<number | string, number, number>;
/** jsonb comes back parsed from pg, text from SQLite; written as JSON text. */
type Json = ColumnType<unknown, string, string>;

export interface DecisionsTable {
  /** A random UUID, made by the app. */
  id: string;
  team_id: string;
  enterprise_id: string | null;
  channel_id: string;
  /** The summary message's ts: one record per summary posted (unique with team and channel). */
  summary_ts: string;
  /** The thread the summary belongs to; the latest record of a thread is its current decision. */
  thread_ts: string;
  user_id: string;
  workload_name: string | null;
  answers: Json;
  chip: string;
  vendor: string;
  ranking: Json;
  rules_version: string;
  app_version: string;
  decided_at: Millis;
}

export interface DeliveryKeysTable {
  key: string;
  expires_at: Millis;
}

/** See `migrations/0004-installations.ts`; `''` is "none" in the key columns. */
export interface InstallationsTable {
  enterprise_id: string;
  team_id: string;
  /** 1 for an org-wide (Enterprise Grid) install, 0 otherwise. */
  is_enterprise_install: number;
  app_id: string | null;
  bot_user_id: string | null;
  installer_user_id: string | null;
  /** The whole installation, tokens included, sealed with AES-256-GCM. */
  sealed: string;
  bot_expires_at: ColumnType<number | string | null, number | null, number | null>;
  installed_at: Millis;
  updated_at: Millis;
}

/** See `migrations/0003-outbox.ts`. */
export interface OutboxTable {
  id: string;
  team_id: string;
  enterprise_id: string;
  user_id: string;
  payload: string;
  accepted_at: Millis;
  deadline_at: Millis;
  next_at: Millis;
  attempts: number;
  lease_owner: string;
  lease_until: Millis;
  last_error: string | null;
}

export interface StorageSchema {
  decisions: DecisionsTable;
  outbox: OutboxTable;
  delivery_keys: DeliveryKeysTable;
  installations: InstallationsTable;
}

/** The engines the store speaks. */
export type Engine = 'sqlite' | 'postgres';
