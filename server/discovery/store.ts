/** Product embeddings in the database: stored per product for its first photo and model version. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface StoredEmbedding {
  productId: string;
  category: string;
  vector: Float32Array;
}

/** Float32 vector ↔ little-endian bytes. */
export function vectorToBytes(v: Float32Array): Uint8Array {
  const out = new Uint8Array(v.length * 4);
  const view = new DataView(out.buffer);
  v.forEach((x, i) => view.setFloat32(i * 4, x, true));
  return out;
}

export function bytesToVector(b: Uint8Array): Float32Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out = new Float32Array(b.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** The id of a product's first photo (lowest position), or undefined when it has none. */
export async function firstPhotoId(db: Kysely<Database>, productId: string): Promise<string | undefined> {
  const row = await db.selectFrom('photos').select('id').where('product_id', '=', productId).orderBy('position').orderBy('created_at').limit(1).executeTakeFirst();
  return row?.id;
}

/** Inserts or replaces a product's embedding. */
export async function saveEmbedding(db: Kysely<Database>, e: { productId: string; photoId: string; modelId: string; modelVersion: string; vector: Float32Array }): Promise<void> {
  const values = { product_id: e.productId, photo_id: e.photoId, model_id: e.modelId, model_version: e.modelVersion, dims: e.vector.length, vector: vectorToBytes(e.vector) };
  await db
    .insertInto('product_embeddings')
    .values(values)
    .onConflict((oc) => oc.column('product_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

/** Current embeddings for a model version: only those made from each product's present first photo. */
export async function currentEmbeddings(db: Kysely<Database>, model: { id: string; version: string }): Promise<{ rows: StoredEmbedding[]; missing: number }> {
  const photos = await db.selectFrom('photos').select(['product_id', 'id', 'position', 'created_at']).orderBy('position').orderBy('created_at').execute();
  const first = new Map<string, string>();
  for (const p of photos) if (!first.has(p.product_id)) first.set(p.product_id, p.id);
  const rows = await db
    .selectFrom('product_embeddings as e')
    .innerJoin('products as p', 'p.id', 'e.product_id')
    .select(['e.product_id', 'e.photo_id', 'e.vector', 'p.category'])
    .where('e.model_id', '=', model.id)
    .where('e.model_version', '=', model.version)
    .orderBy('e.product_id')
    .execute();
  const current = rows.filter((r) => first.get(r.product_id) === r.photo_id);
  return {
    rows: current.map((r) => ({ productId: r.product_id, category: r.category, vector: bytesToVector(r.vector) })),
    missing: first.size - current.length,
  };
}

/** Products whose first photo has no embedding for this model version (what the indexer must do). */
export async function productsToIndex(db: Kysely<Database>, model: { id: string; version: string }, all = false): Promise<{ productId: string; photoId: string }[]> {
  const photos = await db.selectFrom('photos').select(['product_id', 'id']).orderBy('position').orderBy('created_at').execute();
  const first = new Map<string, string>();
  for (const p of photos) if (!first.has(p.product_id)) first.set(p.product_id, p.id);
  const done = new Set(
    all
      ? []
      : (await db.selectFrom('product_embeddings').select(['product_id', 'photo_id']).where('model_id', '=', model.id).where('model_version', '=', model.version).execute())
          .filter((r) => first.get(r.product_id) === r.photo_id)
          .map((r) => r.product_id),
  );
  return [...first].filter(([id]) => !done.has(id)).map(([productId, photoId]) => ({ productId, photoId }));
}

/** How many products have a photo, and how many of those carry a current vector for the model. */
export async function indexCounts(db: Kysely<Database>, model: { id: string; version: string }): Promise<{ total: number; indexed: number }> {
  const total = await db.selectFrom('photos').select((eb) => eb.fn.count<number>('product_id').distinct().as('n')).executeTakeFirstOrThrow();
  const indexed = await db
    .selectFrom('product_embeddings as e')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('e.model_id', '=', model.id)
    .where('e.model_version', '=', model.version)
    .whereRef('e.photo_id', '=', (eb) =>
      eb.selectFrom('photos as p').select('p.id').whereRef('p.product_id', '=', 'e.product_id').orderBy('p.position').orderBy('p.created_at').limit(1),
    )
    .executeTakeFirstOrThrow();
  return { total: Number(total.n), indexed: Number(indexed.n) };
}
