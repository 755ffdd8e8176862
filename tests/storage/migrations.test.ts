import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageMigrationFailedError, StorageTooNewError } from '../../src/errors.js';
import { migrationsFor } from '../../src/storage/migrations/index.js';
import { runTogether } from './support/children.js';
import { ENGINES, type TestDatabase, testDatabase } from './support/engines.js';

const tablesOf = async (db: TestDatabase) =>
  (db.engine === 'postgres'
    ? await db.raw(
        'select table_name as name from information_schema.tables where table_schema = $1',
        [db.schema],
      )
    : await db.raw(`select name from sqlite_master where type = 'table'`)
  )
    .map((row) => String(row.name))
    .filter((name) => !name.startsWith('sqlite_'))
    .sort();

const executed = async (db: TestDatabase) =>
  (await db.raw('select name from kysely_migration order by name')).map((row) => row.name);

describe.each(ENGINES)('migrations on %s', (engine) => {
  let db: TestDatabase;
  afterEach(async () => {
    await db?.drop();
  });

  it('creates the tables on first open, and does nothing on the next', async () => {
    db = await testDatabase(engine, 'migrate');
    await (await db.open()).close();
    expect(await tablesOf(db)).toEqual([
      'decisions',
      'delivery_keys',
      'installations',
      'kysely_migration',
      'kysely_migration_lock',
      'outbox',
    ]);
    expect(await executed(db)).toEqual(Object.keys(migrationsFor(engine)));
    expect(db.sink.entries().filter((e) => e.msg === 'database migrated')).toHaveLength(1);
    await (await db.open()).close();
    expect(db.sink.entries().filter((e) => e.msg === 'database migrated')).toHaveLength(1);
  });

  it('runs 0003-outbox on a database already migrated to 0004 (it came later)', async () => {
    db = await testDatabase(engine, 'migrate');
    const { '0003-outbox': _later, ...before } = migrationsFor(engine);
    await (await db.open({ migrations: before })).close();
    expect(await tablesOf(db)).not.toContain('outbox');
    await (await db.open()).close();
    expect(await tablesOf(db)).toContain('outbox');
    expect((await executed(db)).sort()).toEqual(Object.keys(migrationsFor(engine)).sort());
  });

  it('four processes starting at once on a new database: all start, each migration runs once', async () => {
    db = await testDatabase(engine, 'migrate');
    const open = { database: db.database, schema: db.schema, task: 'open' } as const;
    const results = await runTogether([open, open, open, open]);
    for (const result of results) expect(result).not.toHaveProperty('error');
    expect(await executed(db)).toEqual(Object.keys(migrationsFor(engine)));
    expect(await tablesOf(db)).toContain('decisions');
  });

  it('stops with a clear error when the database was migrated by a newer version', async () => {
    db = await testDatabase(engine, 'migrate');
    const newer = {
      ...migrationsFor(engine),
      '9999-future': { up: async () => undefined },
    };
    await (await db.open({ migrations: newer })).close();
    const error = await db.open().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageTooNewError);
    expect((error as StorageTooNewError).code).toBe('chip_advice_storage_too_new');
    expect((error as Error).message).toMatch(
      /^DATABASE_URL \((SQLite file \/.+store\.db|PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:5432\/test)\) was migrated by a newer version of chip-advice \(unknown migrations: 9999-future\): run that version or newer, or point DATABASE_URL at another database$/,
    );
  });

  it('a failing migration stops the start and leaves nothing of itself behind', async () => {
    db = await testDatabase(engine, 'migrate');
    await (await db.open()).close();
    const broken = {
      ...migrationsFor(engine),
      '9999-broken': {
        async up(kysely: Kysely<unknown>) {
          await kysely.schema.createTable('half_done').addColumn('id', 'integer').execute();
          await sql`select * from no_such_table`.execute(kysely);
        },
      },
    };
    const error = await db.open({ migrations: broken }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageMigrationFailedError);
    expect((error as Error).message).toMatch(/migration 9999-broken failed: .*no_such_table/);
    expect(await tablesOf(db)).not.toContain('half_done');
    // The database is as the previous version left it, so the fixed code starts from there.
    expect(await executed(db)).toEqual(Object.keys(migrationsFor(engine)));
  });
});
