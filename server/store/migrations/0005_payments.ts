/**
 * The built-in test payment provider's ledger: one charge per order, kept in the shop's database so
 * that, like a real provider's, it outlives a crashed server (recovery asks it what happened).
 */
import { type Kysely, type Migration, sql } from 'kysely';

export const payments: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('test_charges')
      .addColumn('order_id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    // Recovery looks for pending orders by age.
    await db.schema.createIndex('orders_pending_updated').on('orders').columns(['status', 'updated_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('orders_pending_updated').execute();
    await db.schema.dropTable('test_charges').execute();
  },
};
