/** Visual discovery: one embedding per product, of its first photo, tagged with the model that made it. */
import { type Kysely, type Migration, sql } from 'kysely';

export const discovery: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('product_embeddings')
      .addColumn('product_id', 'text', (c) => c.primaryKey().references('products.id').onDelete('cascade'))
      .addColumn('photo_id', 'text', (c) => c.notNull())
      .addColumn('model_id', 'text', (c) => c.notNull())
      .addColumn('model_version', 'text', (c) => c.notNull())
      .addColumn('dims', 'integer', (c) => c.notNull())
      // float32 little-endian: compact and identical on PGlite and PostgreSQL.
      .addColumn('vector', 'bytea', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('product_embeddings').execute();
  },
};
