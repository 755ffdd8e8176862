import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../../logger.js';
import type { StorageSchema } from '../schema.js';
import { postgresOpenError } from './open-errors.js';

/** Bounds on every connection, so a slow or silent server costs a wait, never a hang. */
export interface PostgresTimeouts {
  /** To open a connection (TCP, TLS, authentication). */
  readonly connectMs: number;
  /** For one query's answer, measured by the client (a server that stopped answering). */
  readonly queryMs: number;
}

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = { connectMs: 5000, queryMs: 10_000 };

export interface OpenPostgresOptions {
  readonly url: string;
  /** How the database is named in messages (the URL without its password). */
  readonly described: string;
  /** A schema to work in instead of `public` (each test file has its own). */
  readonly schema: string | undefined;
  readonly timeouts: PostgresTimeouts;
  readonly logger: Logger;
}

/**
 * A connection pool under Kysely's PostgresDialect, checked with one round trip so that a
 * server that cannot be reached stops the start (StorageUnavailableError saying what to check).
 * A connection the server drops (a restart, `pg_terminate_backend`, a network cut) is logged
 * and replaced on next use: pg reports it as an `error` event, which would otherwise end the process.
 */
export async function openPostgres(options: OpenPostgresOptions): Promise<Kysely<StorageSchema>> {
  const { schema, timeouts, logger } = options;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    // The server gives up too, so an abandoned query does not hold locks.
    statement_timeout: timeouts.queryMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'chip-advice',
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  pool.on('error', (error) => {
    logger.warn(
      { err: error, database: options.described },
      'an idle database connection failed; it will be replaced',
    );
  });
  // pg-pool listens for errors only while a connection is idle. One that fails while in use
  // also emits `error` on its client, which with no listener would end the process; the query
  // in flight is rejected with the same error, and the pool drops the connection on release.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      logger.debug({ err: error }, 'a database connection failed while in use');
    });
  });
  const db = new Kysely<StorageSchema>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Through Kysely, so that its driver owns the pool from here on and `destroy()` ends it
    // (it ends the pool only once a query has run).
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw postgresOpenError(options.described, error);
  }
  return db;
}
