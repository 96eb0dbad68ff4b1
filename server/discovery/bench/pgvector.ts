/**
 * The server path of visual search measured on a synthetic catalog: the vectors loaded into
 * pgvector (PGlite in memory, as the embedded store runs it), an HNSW index built, and the same
 * queries answered through searchVectors against the exact int8 scan of the same catalog.
 */
import { embeddingModel } from '../../../client/vision/embed/spec.js';
import { openDb } from '../../store/db.js';
import { detectPgvector, ensureVectorTable, searchVectors, tuneSession } from '../pgvector.js';
import { sql } from 'kysely';
import type { SyntheticCatalog } from './synthetic.js';

export interface PgvectorBench {
  loadS: number;
  buildS: number;
  queryMs: number;
  exactMs: number;
  recall10: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Loads a synthetic catalog into pgvector and times HNSW queries against exact scans. */
export async function benchPgvector(cat: SyntheticCatalog, options: { queries?: number } = {}): Promise<PgvectorBench> {
  const { index, queries } = cat;
  const dims = index.dims;
  const db = await openDb({});
  try {
    const backend = await detectPgvector(db.kysely);
    if (backend.kind !== 'pgvector') throw new Error(backend.reason);
    const version = embeddingModel().version;
    // The table references products; bench rows need no product rows, so drop that constraint here.
    await ensureVectorTable(db.kysely, dims);
    await sql`drop index product_vectors_hnsw`.execute(db.kysely);
    await sql`alter table product_vectors drop constraint product_vectors_product_id_fkey`.execute(db.kysely);
    let t0 = performance.now();
    const row = new Array<number>(dims);
    for (let start = 0; start < index.size; start += 500) {
      const values = [];
      for (let r = start; r < Math.min(index.size, start + 500); r++) {
        const s = index.scales[r]!;
        for (let i = 0; i < dims; i++) row[i] = index.codes[r * dims + i]! * s;
        values.push(sql`(${index.ids[r]!}, ${version}, ${index.categories[r]!}, ${`[${row.join(',')}]`}::vector)`);
      }
      await sql`insert into product_vectors (product_id, model_version, category, embedding) values ${sql.join(values)}`.execute(db.kysely);
    }
    const loadS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    await sql`set maintenance_work_mem = '512MB'`.execute(db.kysely);
    await sql`create index product_vectors_hnsw on product_vectors using hnsw (embedding vector_cosine_ops)`.execute(db.kysely);
    await sql`analyze product_vectors`.execute(db.kysely);
    const buildS = (performance.now() - t0) / 1000;
    await tuneSession(db.kysely);
    const pg: number[] = [];
    const ex: number[] = [];
    let hit = 0;
    for (const q of queries.slice(0, options.queries ?? 50)) {
      let t = performance.now();
      const truth = new Set(index.search(q, 10, { exact: true }).map((m) => m.productId));
      ex.push(performance.now() - t);
      t = performance.now();
      const got = await searchVectors(db.kysely, version, q, 10, { sessionTuned: true });
      pg.push(performance.now() - t);
      hit += got.filter((m) => truth.has(m.productId)).length;
    }
    return { loadS, buildS, queryMs: median(pg), exactMs: median(ex), recall10: hit / (pg.length * 10) };
  } finally {
    await db.close();
  }
}
