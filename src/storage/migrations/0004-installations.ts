import type { Kysely, Migration } from 'kysely';

/**
 * One row per installation (multi-workspace mode), keyed by enterprise, team and whether it is
 * an org-wide install; `''` stands for "none" in the key columns, since a primary key cannot
 * hold NULL. The tokens live only in `sealed` (AES-256-GCM, see `installations/cipher.ts`).
 * Numbered 0004: 0003 is left for the outbox.
 */
export const installations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('installations')
      .addColumn('enterprise_id', 'text', (col) => col.notNull())
      .addColumn('team_id', 'text', (col) => col.notNull())
      .addColumn('is_enterprise_install', 'integer', (col) => col.notNull())
      .addColumn('app_id', 'text')
      .addColumn('bot_user_id', 'text')
      .addColumn('installer_user_id', 'text')
      .addColumn('sealed', 'text', (col) => col.notNull())
      // When the bot token expires (token rotation on), epoch ms; NULL when it does not.
      .addColumn('bot_expires_at', 'bigint')
      .addColumn('installed_at', 'bigint', (col) => col.notNull())
      .addColumn('updated_at', 'bigint', (col) => col.notNull())
      .addPrimaryKeyConstraint('installations_key', [
        'enterprise_id',
        'team_id',
        'is_enterprise_install',
      ])
      .execute();
  },
};
