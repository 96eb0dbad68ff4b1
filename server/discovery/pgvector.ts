/**
 * Server-side nearest neighbours for catalogs past what a phone should download: the device sends
 * only an item's vector. pgvector's HNSW index where the extension exists (PGlite ships it), else
 * the same int8 index the phone uses, held in memory (exact to 10k products, IVF beyond).
 * The vector table is derived from product_embeddings (the source of truth) and sized at run time
 * to the embedding's dimensions, so a model change rebuilds it instead of needing a migration.
 */
import { type Kysely, sql } from 'kysely';
import type { Match } from '../../client/vision/types.js';
import type { Database } from '../store/schema.js';
import { bytesToVector } from './store.js';

/** The search path a server uses, and why when it is not pgvector. */
export type VectorBackend = { kind: 'pgvector'; version: string } | { kind: 'memory'; reason: string };

// Seven significant digits: what float32 holds, and a third of the text of full doubles to parse.
const literal = (v: ArrayLike<number>): string => `[${Array.from(v, (x) => (Number.isFinite(x) ? Number(x.toPrecision(7)) : 0)).join(',')}]`;

/** Search settings for the whole session (PGlite has one connection): a query is then one statement. */
export async function tuneSession(db: Kysely<Database>, efSearch = 40): Promise<void> {
  await sql`select set_config('hnsw.ef_search', ${String(efSearch)}, false), set_config('hnsw.iterative_scan', 'relaxed_order', false)`.execute(db);
}

/** Enables pgvector when the database has it; otherwise says why the in-memory index serves. */
export async function detectPgvector(db: Kysely<Database>): Promise<VectorBackend> {
  try {
    const installed = await sql<{ extversion: string }>`select extversion from pg_extension where extname = 'vector'`.execute(db);
    if (installed.rows.length) return { kind: 'pgvector', version: installed.rows[0]!.extversion };
    // PGlite loads its bundled extensions without listing them in pg_available_extensions: just try.
    await sql`create extension if not exists vector`.execute(db);
    const v = await sql<{ extversion: string }>`select extversion from pg_extension where extname = 'vector'`.execute(db);
    return { kind: 'pgvector', version: v.rows[0]?.extversion ?? 'unknown' };
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] ?? '';
    return { kind: 'memory', reason: /could not open extension control file|is not available/.test(message) ? 'the pgvector extension is not installed on this PostgreSQL' : `pgvector could not be enabled (${message})` };
  }
}

/** Creates (or, when the dimensions changed, recreates) the vector table and its HNSW index. */
export async function ensureVectorTable(db: Kysely<Database>, dims: number): Promise<void> {
  const current = await sql<{ dims: number }>`
    select a.atttypmod as dims from pg_attribute a
    where a.attrelid = to_regclass('product_vectors') and a.attname = 'embedding'`.execute(db);
  if (current.rows.length && Number(current.rows[0]!.dims) !== dims) await sql`drop table product_vectors`.execute(db);
  await sql`
    create table if not exists product_vectors (
      product_id text primary key references products(id) on delete cascade,
      model_version text not null,
      category text not null,
      embedding vector(${sql.raw(String(Math.trunc(dims)))}) not null
    )`.execute(db);
  await sql`create index if not exists product_vectors_hnsw on product_vectors using hnsw (embedding vector_cosine_ops)`.execute(db);
}

/**
 * Brings the vector table in line with product_embeddings for the given products (all when
 * omitted): current vectors (of each product's main photo) in, stale or missing ones out.
 */
export async function syncVectors(db: Kysely<Database>, model: { id: string; version: string }, productIds?: readonly string[]): Promise<number> {
  if (productIds && productIds.length === 0) return 0;
  const only = productIds ? sql`and e.product_id in (${sql.join(productIds)})` : sql``;
  const rows = await sql<{ product_id: string; category: string; vector: Uint8Array }>`
    select e.product_id, p.category, e.vector from product_embeddings e
    join products p on p.id = e.product_id
    where e.model_id = ${model.id} and e.model_version = ${model.version}
      and e.photo_id = (select ph.id from photos ph where ph.product_id = e.product_id order by ph.position, ph.created_at limit 1)
      ${only}`.execute(db);
  await db.transaction().execute(async (trx) => {
    if (productIds) await sql`delete from product_vectors where product_id in (${sql.join(productIds)})`.execute(trx);
    else await sql`delete from product_vectors`.execute(trx);
    for (let i = 0; i < rows.rows.length; i += 200) {
      const batch = rows.rows.slice(i, i + 200);
      await sql`insert into product_vectors (product_id, model_version, category, embedding) values ${sql.join(
        batch.map((r) => sql`(${r.product_id}, ${model.version}, ${r.category}, ${literal(bytesToVector(r.vector))}::vector)`),
      )}`.execute(trx);
    }
  });
  // Fresh statistics, or the planner guesses a tiny table and scans it all instead of using HNSW
  // (PGlite runs no autovacuum): after a full sync, and after every thousand single changes.
  const changed = (sinceAnalyze.get(db) ?? 0) + (productIds?.length ?? Infinity);
  sinceAnalyze.set(db, changed >= 1000 ? 0 : changed);
  if (changed >= 1000) await sql`analyze product_vectors`.execute(db);
  return rows.rows.length;
}

const sinceAnalyze = new WeakMap<object, number>();

/** How many vectors the table holds for a model version. */
export async function vectorCount(db: Kysely<Database>, version: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from product_vectors where model_version = ${version}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * k nearest products by cosine through the HNSW index. Iterative scans (pgvector ≥ 0.8) keep
 * walking the graph until k rows pass the category filter instead of returning fewer. With
 * `sessionTuned` (see tuneSession) one statement; otherwise the settings are set for one transaction.
 */
export async function searchVectors(
  db: Kysely<Database>,
  version: string,
  vector: ArrayLike<number>,
  k: number,
  options: { categories?: readonly string[]; efSearch?: number; sessionTuned?: boolean } = {},
): Promise<Match[]> {
  const q = literal(vector);
  const categories = options.categories?.length ? sql`and category in (${sql.join(options.categories)})` : sql``;
  const query = (on: Kysely<Database>) =>
    sql<{ product_id: string; distance: number }>`
      select product_id, embedding <=> ${q}::vector as distance from product_vectors
      where model_version = ${version} ${categories}
      order by distance limit ${k}`.execute(on);
  const rows = options.sessionTuned
    ? (await query(db)).rows
    : await db.transaction().execute(async (trx) => {
        await sql`select set_config('hnsw.ef_search', ${String(Math.max(k, options.efSearch ?? 40))}, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`.execute(trx);
        return (await query(trx)).rows;
      });
  // relaxed_order may return rows slightly out of order: sort the few we got.
  return rows.map((row) => ({ productId: row.product_id, score: Math.round((1 - Number(row.distance)) * 1000) / 1000 })).sort((a, b) => b.score - a.score);
}
