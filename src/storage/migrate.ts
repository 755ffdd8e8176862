import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { StorageMigrationFailedError, StorageTooNewError } from '../errors.js';
import type { Logger } from '../logger.js';

export interface MigrateOptions {
  readonly migrations: Record<string, Migration>;
  /** The PostgreSQL schema of the tables (undefined: the default). */
  readonly schema: string | undefined;
  /** How the database is named in messages. */
  readonly described: string;
  readonly logger: Logger;
}

const MIGRATION_TABLE = 'kysely_migration';

/**
 * Brings the database to the latest migration. Kysely's Migrator runs the pending migrations in
 * one transaction, under PostgreSQL's advisory lock (and SQLite's write lock, see
 * `engines/sqlite.ts`), so when several processes start at once one migrates and the others
 * find the work done. A database that has run a migration this code does not know was migrated
 * by a newer version: that stops the start (StorageTooNewError) before anything is changed.
 */
export async function migrate(db: Kysely<unknown>, options: MigrateOptions): Promise<string[]> {
  const { migrations, schema, described, logger } = options;
  const unknown = (await executedMigrations(db, schema)).filter((name) => !(name in migrations));
  if (unknown.length > 0) throw new StorageTooNewError(described, unknown);

  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // 0003-outbox came after 0004-installations had shipped: a database migrated to 0004 runs
    // 0003 next instead of stopping as "corrupted". Each migration creates its own table.
    allowUnorderedMigrations: true,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    // Not a migration's own failure (reading the state, taking the lock): the caller says why.
    if (failed === undefined) throw error;
    throw new StorageMigrationFailedError(described, failed, { cause: error });
  }
  const ran = results.filter((result) => result.status === 'Success').map((r) => r.migrationName);
  if (ran.length > 0) logger.info({ migrations: ran, database: described }, 'database migrated');
  return ran;
}

/** Names of the migrations the database has run; none when it has never been migrated. */
async function executedMigrations(db: Kysely<unknown>, schema: string | undefined) {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  const exists = tables.some(
    (table) => table.name === MIGRATION_TABLE && (schema === undefined || table.schema === schema),
  );
  if (!exists) return [];
  const table =
    schema === undefined ? sql.table(MIGRATION_TABLE) : sql.table(`${schema}.${MIGRATION_TABLE}`);
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
  return rows.map((row) => row.name);
}
