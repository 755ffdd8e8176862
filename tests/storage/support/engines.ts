import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { Logger } from '../../../src/logger.js';
import { createLogger } from '../../../src/logger.js';
import {
  type DatabaseConfig,
  type OpenStoreOptions,
  openStore,
  type Store,
} from '../../../src/storage/index.js';
import { LogSink } from '../../support/log-sink.js';

/** The shared server of the development and CI machines (trust auth). */
export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** One engine for a test file: a fresh database (SQLite file, or PostgreSQL schema) of its own. */
export interface TestDatabase {
  readonly engine: 'sqlite' | 'postgres';
  readonly database: DatabaseConfig;
  /** The PostgreSQL schema (undefined for SQLite). */
  readonly schema: string | undefined;
  /** Opens a store on it, logging to `sink`. */
  open(extra?: Partial<OpenStoreOptions>): Promise<Store>;
  /** Runs SQL directly, bypassing the store (to corrupt rows, inspect tables). */
  raw(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  readonly sink: LogSink;
  readonly logger: Logger;
  /** Drops the schema or deletes the folder. */
  drop(): Promise<void>;
}

export const ENGINES = ['sqlite', 'postgres'] as const;

/** Two stores on one fresh database (two processes' connections), on a clock the test moves. */
export interface TwoStores {
  readonly db: TestDatabase;
  readonly one: Store;
  readonly two: Store;
  /** Epoch ms both stores read as now. */
  now: number;
}

/** Registers the hooks that open {@link TwoStores} for a suite and drop its database after. */
export function useTwoStores(engine: 'sqlite' | 'postgres', tag: string, start: number): TwoStores {
  const opened: { db?: TestDatabase; one?: Store; two?: Store } = {};
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the stores are not open: use them inside a test');
    return value;
  };
  const stores = {
    now: start,
    get db() {
      return ready(opened.db);
    },
    get one() {
      return ready(opened.one);
    },
    get two() {
      return ready(opened.two);
    },
  };
  beforeAll(async () => {
    opened.db = await testDatabase(engine, tag);
    opened.one = await opened.db.open({ now: () => stores.now });
    opened.two = await opened.db.open({ now: () => stores.now });
  });
  afterAll(async () => {
    await opened.one?.close();
    await opened.two?.close();
    await opened.db?.drop();
  });
  return stores;
}

export function testLogger(): { sink: LogSink; logger: Logger } {
  const sink = new LogSink();
  return { sink, logger: createLogger({ level: 'debug', format: 'json', destination: sink }) };
}

/** A fresh database on `engine`, named after the test file (`tag`) with a random suffix. */
export async function testDatabase(
  engine: 'sqlite' | 'postgres',
  tag: string,
): Promise<TestDatabase> {
  const { sink, logger } = testLogger();
  const suffix = randomBytes(4).toString('hex');
  if (engine === 'sqlite') {
    const folder = mkdtempSync(path.join(tmpdir(), `chip-advice-${tag}-`));
    const file = path.join(folder, 'store.db');
    const database: DatabaseConfig = { engine, file, isDefault: false };
    return {
      engine,
      database,
      schema: undefined,
      sink,
      logger,
      open: (extra) => openStore({ database, logger, ...extra }),
      async raw(sql, params = []) {
        const db = new Database(file);
        try {
          const statement = db.prepare(sql);
          if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
          statement.run(...params);
          return [];
        } finally {
          db.close();
        }
      },
      async drop() {
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${tag.replace(/[^a-z0-9]/g, '_')}_${suffix}`;
  await query(`create schema ${schema}`);
  const database: DatabaseConfig = { engine, url: POSTGRES_URL, password: undefined };
  return {
    engine,
    database,
    schema,
    sink,
    logger,
    open: (extra) => openStore({ database, logger, schema, ...extra }),
    raw: (sql, params) => query(sql, params, schema),
    drop: async () => {
      await query(`drop schema if exists ${schema} cascade`);
    },
  };
}

/** One statement on the shared server, in `schema` when given. */
export async function query(
  sql: string,
  params: unknown[] = [],
  schema?: string,
  url = POSTGRES_URL,
) {
  const client = new pg.Client({
    connectionString: url,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
