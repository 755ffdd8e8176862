import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../schema.js';

/** One record per delivered advice; see `schema.ts` for the column types. */
export function decisions(engine: Engine): Migration {
  const json = engine === 'postgres' ? 'jsonb' : 'text';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('decisions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('team_id', 'text', (col) => col.notNull())
        .addColumn('enterprise_id', 'text')
        .addColumn('channel_id', 'text', (col) => col.notNull())
        .addColumn('summary_ts', 'text', (col) => col.notNull())
        .addColumn('thread_ts', 'text', (col) => col.notNull())
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('workload_name', 'text')
        .addColumn('answers', json, (col) => col.notNull())
        .addColumn('chip', 'text', (col) => col.notNull())
        .addColumn('vendor', 'text', (col) => col.notNull())
        .addColumn('ranking', json, (col) => col.notNull())
        .addColumn('rules_version', 'text', (col) => col.notNull())
        .addColumn('app_version', 'text', (col) => col.notNull())
        .addColumn('decided_at', 'bigint', (col) => col.notNull())
        // Writing a record twice (a retry after a lost answer) keeps one.
        .addUniqueConstraint('decisions_summary_unique', ['team_id', 'channel_id', 'summary_ts'])
        .execute();
      // The queries: a thread's latest, a channel's recent or current, a user's recent, pruning.
      const indexes: [string, string[]][] = [
        ['decisions_thread', ['team_id', 'channel_id', 'thread_ts', 'decided_at']],
        ['decisions_channel', ['team_id', 'channel_id', 'decided_at']],
        ['decisions_user', ['team_id', 'user_id', 'decided_at']],
        ['decisions_decided_at', ['decided_at']],
      ];
      for (const [name, columns] of indexes) {
        await db.schema.createIndex(name).on('decisions').columns(columns).execute();
      }
    },
  };
}
