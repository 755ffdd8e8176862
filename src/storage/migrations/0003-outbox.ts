import type { Kysely, Migration } from 'kysely';

/**
 * Advice accepted while Slack could not be reached, kept until it is posted or its deadline
 * passes (`outbox/outbox.ts`). `''` stands for "none" in team_id and enterprise_id. A row is
 * free when `lease_until` is past; a process claims it by setting `lease_owner` and
 * `lease_until`, and only the owner may finish or reschedule it.
 */
export const outbox: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('team_id', 'text', (col) => col.notNull())
      .addColumn('enterprise_id', 'text', (col) => col.notNull())
      .addColumn('user_id', 'text', (col) => col.notNull())
      // What is needed to post the advice (answers, destination), as JSON text; no tokens.
      .addColumn('payload', 'text', (col) => col.notNull())
      .addColumn('accepted_at', 'bigint', (col) => col.notNull())
      .addColumn('deadline_at', 'bigint', (col) => col.notNull())
      .addColumn('next_at', 'bigint', (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull())
      .addColumn('lease_owner', 'text', (col) => col.notNull())
      .addColumn('lease_until', 'bigint', (col) => col.notNull())
      .addColumn('last_error', 'text')
      .execute();
    await db.schema.createIndex('outbox_next_at').on('outbox').column('next_at').execute();
  },
};
