import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import Database from 'libsql';
import type { StorageSchema } from '../schema.js';
import { checkSqlitePath, sqliteOpenError } from './open-errors.js';

/**
 * How long a statement waits for another process's write to finish before SQLITE_BUSY. Writes
 * here take well under a millisecond, so a wait this long means something else is wrong.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Every transaction begins IMMEDIATE: it takes the file's write lock first and waits (busy
 * timeout) for another process to finish. A deferred `begin` that reads and then writes fails
 * at once with SQLITE_BUSY when another process wrote in between, however long the timeout.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite runs DDL in transactions, so migrations may too. Kysely's own adapter says it cannot
 * and takes no lock (it assumes one process); with this, two processes migrating one file
 * queue on the write lock, and the second finds the work done.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class StoreSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/**
 * Another process holds the file for a moment: switching a new file to WAL needs it alone, and
 * of two processes doing that at once SQLite fails one with SQLITE_BUSY at once, without its
 * busy handler (it would deadlock: each holds a shared lock and wants the exclusive one). Seen
 * once in four processes starting together on a new file; the open is tried again instead.
 */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, waiting 5 ms, then twice as long each
 * time up to 200 ms, for at most `timeoutMs`; any other error, or the last busy one, is thrown.
 */
export async function whileBusy<T>(attempt: () => T, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let waitMs = 5; ; waitMs = Math.min(waitMs * 2, 200)) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      await setTimeout(waitMs);
    }
  }
}

function setUp(database: Database.Database, maxPages: number | undefined): void {
  database.exec(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // Reads the header: a file that is not a database fails here, not at the first request.
  database.exec('PRAGMA journal_mode = WAL');
  database.exec('PRAGMA synchronous = NORMAL');
  if (maxPages !== undefined) database.exec(`PRAGMA max_page_count = ${Math.trunc(maxPages)}`);
}

/**
 * Opens (creating if needed) the SQLite file with libsql's better-sqlite3-compatible driver:
 * WAL, so readers never wait for the writer and several processes can share the file; a busy
 * timeout; `synchronous=NORMAL`, which in WAL mode loses nothing on a process crash and only
 * the last commits on a power loss. Throws StorageUnavailableError saying what to check (after
 * waiting up to the busy timeout for a file another process holds).
 */
export async function openSqlite(
  file: string,
  createFolder: boolean,
  maxPages?: number,
): Promise<Kysely<StorageSchema>> {
  if (createFolder) mkdirSync(path.dirname(file), { recursive: true });
  checkSqlitePath(file);
  let database: Database.Database;
  try {
    database = new Database(file);
  } catch (error) {
    throw sqliteOpenError(file, error);
  }
  try {
    await whileBusy(() => setUp(database, maxPages), SQLITE_BUSY_TIMEOUT_MS);
  } catch (error) {
    database.close();
    throw sqliteOpenError(file, error);
  }
  return new Kysely<StorageSchema>({ dialect: new StoreSqliteDialect({ database }) });
}
