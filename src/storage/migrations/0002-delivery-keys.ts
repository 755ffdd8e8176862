import type { Kysely, Migration } from 'kysely';

/** Duplicate-delivery keys shared by every process on the database, each with its expiry. */
export const deliveryKeys: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('delivery_keys')
      .addColumn('key', 'text', (col) => col.primaryKey())
      .addColumn('expires_at', 'bigint', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('delivery_keys_expires_at')
      .on('delivery_keys')
      .column('expires_at')
      .execute();
  },
};
