import { type Kysely, type Migration, sql } from 'kysely';
import { isCodedError } from '../core/index.js';
import type { Logger } from '../logger.js';
import { type DatabaseConfig, describeDatabase } from './database-url.js';
import { createDecisions, type Decisions } from './decisions/decisions.js';
import { createDeliveryKeys, type DeliveryKeys } from './delivery-keys/delivery-keys.js';
import { postgresOpenError, sqliteOpenError } from './engines/open-errors.js';
import {
  DEFAULT_POSTGRES_TIMEOUTS,
  openPostgres,
  type PostgresTimeouts,
} from './engines/postgres.js';
import { openSqlite } from './engines/sqlite.js';
import { createTokenCipher } from './installations/cipher.js';
import { createInstallations, type Installations } from './installations/installations.js';
import { migrate } from './migrate.js';
import { migrationsFor } from './migrations/index.js';
import { createOutbox, type Outbox } from './outbox/outbox.js';
import type { Engine, StorageSchema } from './schema.js';

export interface OpenStoreOptions {
  readonly database: DatabaseConfig;
  readonly logger: Logger;
  /** PostgreSQL only: work in this schema instead of `public` (each test file has its own). */
  readonly schema?: string | undefined;
  /** PostgreSQL connection and query bounds. */
  readonly timeouts?: PostgresTimeouts;
  /** Replaces the migrations (tests: a database migrated by a newer version). */
  readonly migrations?: Record<string, Migration>;
  /**
   * SQLite only: caps the file at this many pages (`PRAGMA max_page_count`, 4 KiB each); past it
   * writes fail with SQLITE_FULL as on a full disk. Tests use it to fill the "disk".
   */
  readonly sqliteMaxPages?: number;
  /** The clock for key expiry (tests). */
  readonly now?: () => number;
}

/** The app's storage: one module per table, over one migrated database. */
export interface Store {
  readonly engine: Engine;
  /** The database in words, without any password (for logs and messages). */
  readonly described: string;
  readonly decisions: Decisions;
  readonly deliveryKeys: DeliveryKeys;
  /** Advice accepted while Slack was unreachable, until it is posted or given up. */
  readonly outbox: Outbox;
  /**
   * The installations of multi-workspace mode, their tokens sealed with a key derived from
   * `tokenKey` (SLACK_TOKEN_ENCRYPTION_KEY, or SLACK_STATE_SECRET).
   */
  installations(tokenKey: string): Installations;
  /** Closes the connections; the store cannot be used after. */
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Longest a migration statement may run, or wait for another process's migration. */
const MIGRATION_TIMEOUT_MS = 15 * 60_000;

/**
 * Opens the database DATABASE_URL names (creating the default SQLite file and its folder on
 * first start), runs the migrations, and returns the store. Throws, to stop the start:
 * StorageUnavailableError (cannot open or reach it, with what to check), StorageTooNewError
 * (migrated by a newer version) or StorageMigrationFailedError.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { database, logger, schema } = options;
  const described = describeDatabase(database);
  if (schema !== undefined && (database.engine !== 'postgres' || !SCHEMA_NAME.test(schema))) {
    throw new RangeError('schema is for PostgreSQL, in lower-case letters, digits and _');
  }
  const timeouts = options.timeouts ?? DEFAULT_POSTGRES_TIMEOUTS;
  const connect = (queryMs: number) =>
    database.engine === 'sqlite'
      ? openSqlite(database.file, database.isDefault, options.sqliteMaxPages)
      : openPostgres({
          url: database.url,
          described,
          schema,
          timeouts: { ...timeouts, queryMs },
          logger,
        });
  // On PostgreSQL, migrations get a connection of their own without the per-query bound: waiting
  // for another replica's migration, or a long one, must not be cut off at 10 seconds.
  const migrating = await connect(MIGRATION_TIMEOUT_MS);
  try {
    await migrate(migrating as Kysely<unknown>, {
      migrations: options.migrations ?? migrationsFor(database.engine),
      schema,
      described,
      logger,
    });
  } catch (error) {
    await migrating.destroy().catch(() => undefined);
    if (isCodedError(error) && error.code.startsWith('chip_advice_')) throw error;
    // A file that opened but cannot be read (corrupt pages), a server that went away.
    throw database.engine === 'sqlite'
      ? sqliteOpenError(database.file, error)
      : postgresOpenError(described, error);
  }
  let db: Kysely<StorageSchema> = migrating;
  if (database.engine === 'postgres') {
    await migrating.destroy();
    db = await connect(timeouts.queryMs);
  }
  let closed = false;
  return {
    engine: database.engine,
    described,
    decisions: createDecisions(db, logger),
    deliveryKeys: createDeliveryKeys(db, options.now),
    outbox: createOutbox(db, database.engine, options.now),
    installations: (tokenKey) =>
      createInstallations(db, database.engine, createTokenCipher(tokenKey), options.now),
    async close() {
      if (closed) return;
      closed = true;
      if (database.engine === 'sqlite') {
        // Fold the write-ahead log into the file, so that after a clean stop the file alone
        // holds everything (libsql's close leaves the log as it is).
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db).catch((error: unknown) => {
          logger.warn({ err: error, database: described }, 'could not checkpoint the SQLite file');
        });
      }
      await db.destroy();
    },
  };
}
