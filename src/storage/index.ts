/**
 * The storage layer: decision records, duplicate-delivery keys and installations, in SQLite (default) or
 * PostgreSQL, behind one small module per table. Nothing outside this folder writes SQL, and
 * nothing here imports from the Slack adapter.
 */
export {
  DATABASE_URL_HOW_TO_FIX,
  type DatabaseConfig,
  DEFAULT_SQLITE_FILE,
  databaseUrlSchema,
  describeDatabase,
} from './database-url.js';
export type { Decision, NewDecision, StoredRankedChip } from './decisions/decision-row.js';
export type { DecisionList, Decisions, ListOptions } from './decisions/decisions.js';
export {
  createRecordWriter,
  DECISION_LOST,
  type RecordWriter,
  type RecordWriterOptions,
  type WriteOutcome,
} from './decisions/record-writer.js';
export {
  CLAIMS_IN_MEMORY,
  createDuplicateClaims,
  type DuplicateClaims,
  type DuplicateClaimsOptions,
} from './delivery-keys/claims.js';
export type { Claim, DeliveryKeys } from './delivery-keys/delivery-keys.js';
export { DEFAULT_POSTGRES_TIMEOUTS, type PostgresTimeouts } from './engines/postgres.js';
export { createTokenCipher, type TokenCipher } from './installations/cipher.js';
export type {
  InstallationKey,
  Installations,
  NewInstallation,
  Renewal,
  StoredInstallation,
} from './installations/installations.js';
export type {
  NewOutboxEntry,
  Outbox,
  OutboxEntry,
  OutboxStats,
} from './outbox/outbox.js';
export {
  createRetention,
  type Pruned,
  type Retention,
  type RetentionOptions,
} from './retention.js';
export { rulesVersion } from './rules-version.js';
export type { Engine } from './schema.js';
export { type OpenStoreOptions, openStore, type Store } from './store.js';
