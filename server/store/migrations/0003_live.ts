/** Live shopping sessions: sessions, their numbered event log, viewers, flash deals and reservations. */
import { type Kysely, type Migration, sql } from 'kysely';

export const live: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('live_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'timestamptz')
      .addColumn('cover_product_id', 'text')
      .addColumn('stream_url', 'text')
      .addColumn('host_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('live'))
      .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('pins', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('peak_viewers', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('pushes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('adds', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('orders', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('revenue_minor', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('currency', 'char(3)', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('ended_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('live_sessions_created').on('live_sessions').column('created_at').execute();

    await db.schema
      .createTable('live_events')
      .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('body', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('live_events_pk', ['session_id', 'seq'])
      .execute();

    await db.schema
      .createTable('live_viewers')
      .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
      .addColumn('viewer_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('muted', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('banned', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('live_viewers_pk', ['session_id', 'viewer_id'])
      .execute();

    await db.schema
      .createTable('live_deals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
      .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
      .addColumn('price_minor', 'integer', (c) => c.notNull().check(sql`price_minor >= 0`))
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('remaining', 'integer', (c) => c.notNull().check(sql`remaining >= 0`))
      .addColumn('per_viewer', 'integer', (c) => c.notNull())
      .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
      .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
      .addColumn('reservation_expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('live_deals_session').on('live_deals').columns(['session_id', 'ends_at']).execute();

    // taken counts every unit a shopper got at the deal price (the per-viewer limit); held counts
    // the units still reserved (taken out of product stock) until checkout or expiry.
    await db.schema
      .createTable('live_reservations')
      .addColumn('deal_id', 'text', (c) => c.notNull().references('live_deals.id').onDelete('cascade'))
      .addColumn('shopper_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('taken', 'integer', (c) => c.notNull().check(sql`taken >= 0`))
      .addColumn('held', 'integer', (c) => c.notNull().check(sql`held >= 0`))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('live_reservations_pk', ['deal_id', 'shopper_id'])
      .execute();
    await db.schema.createIndex('live_reservations_held').on('live_reservations').columns(['held', 'expires_at']).execute();
  },
};
