/**
 * Catalogs past what a phone downloads: the index endpoint tells the device to search on the server,
 * and POST /api/discovery/search answers from pgvector's HNSW index on PGlite and from the in-memory
 * int8 index on a PostgreSQL without the extension, with the same answers on the demo catalog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddingDims, embeddingModel } from '../../client/vision/embed/spec.js';
import { VectorIndex } from '../../client/vision/search/index.js';
import { discoveryFeature } from '../../server/discovery/routes.js';
import { currentEmbeddings, type StoredEmbedding } from '../../server/discovery/store.js';
import type { IndexStatus } from '../../server/protocol/discovery.js';
import { DEMO_PRODUCTS } from '../../server/seed/catalog.js';
import { Shopper } from '../support/http.js';
import { startTestServer, STORES, type TestServer } from '../support/server.js';

describe.each(STORES)('server-side visual search on %s', (store) => {
  let server: TestServer;
  let shopper: Shopper;
  let rows: StoredEmbedding[];

  beforeAll(async () => {
    server = await startTestServer({ store, seed: true, features: [discoveryFeature], config: { indexInBackground: true, deviceIndexMaxProducts: 10 } });
    shopper = new Shopper(server.url);
    const deadline = Date.now() + 110_000;
    let s: IndexStatus;
    do {
      await new Promise((r) => setTimeout(r, 250));
      s = (await shopper.get('/api/discovery/status')).body;
    } while (!(s.total > 0 && s.indexed === s.total) && Date.now() < deadline);
    rows = (await currentEmbeddings(server.db.kysely, embeddingModel())).rows;
  }, 150_000);

  afterAll(async () => {
    await server?.close();
  });

  const search = (vector: ArrayLike<number>, extra: Record<string, unknown> = {}) =>
    shopper.post('/api/discovery/search', { model: embeddingModel(), vector: Array.from(vector), k: 5, ...extra });

  it('tells the device to send vectors instead of downloading an index past the size limit, and names the search backend', async () => {
    expect(rows).toHaveLength(DEMO_PRODUCTS.length);
    const index = (await shopper.get('/api/discovery/index')).body;
    expect(index).toMatchObject({ mode: 'server', count: DEMO_PRODUCTS.length, codes: '', ids: [], server: store === 'pglite' ? 'pgvector' : 'memory' });
  });

  it('finds each demo product first from its own vector, and agrees with an exact scan on the rest of the top 5', async () => {
    const exact = new VectorIndex(rows, embeddingDims());
    let overlap = 0;
    for (const r of rows) {
      const res = await search(r.vector);
      expect(res.status).toBe(200);
      const got = (res.body.items as { product: { id: string }; score: number }[]).map((m) => m.product.id);
      expect(got[0]).toBe(r.productId);
      expect(res.body.items[0].score).toBeGreaterThan(0.98);
      const want = exact.search(r.vector, 5, { exact: true }).map((m) => m.productId);
      overlap += got.filter((id) => want.includes(id)).length;
    }
    // int8 codes and float vectors rank near-ties differently now and then; the sets nearly agree.
    expect(overlap / (rows.length * 5)).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('keeps to the asked categories and still returns k products when the nearest ones are elsewhere', async () => {
    const watch = rows.find((r) => r.category === 'watches')!;
    const res = await search(watch.vector, { categories: ['sunglasses', 'optical'] });
    expect(res.status).toBe(200);
    const wanted = rows.filter((r) => r.category === 'sunglasses' || r.category === 'optical').length;
    expect(res.body.items).toHaveLength(Math.min(5, wanted));
    for (const m of res.body.items) expect(['sunglasses', 'optical']).toContain(m.product.category);
  });

  it('refuses a vector of the wrong length or from another model version with stable codes', async () => {
    const short = await search(new Array(8).fill(0.1));
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');
    const other = await shopper.post('/api/discovery/search', { model: { ...embeddingModel(), version: 'old' }, vector: Array.from(rows[0]!.vector), k: 5 });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('CONFLICT');
  });
});
