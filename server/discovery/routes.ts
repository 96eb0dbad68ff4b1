/**
 * The discovery feature: the server indexes its catalog in the background (merchants' devices may
 * store vectors first, as a fast path), shoppers' devices download the compact catalog index (or,
 * for huge catalogs, search on the server).
 */
import type { ShopApp } from '../app.js';
import { embeddingDims, embeddingModel } from '../../client/vision/embed/spec.js';
import { toCompact } from '../../client/vision/search/compact.js';
import { VectorIndex } from '../../client/vision/search/index.js';
import { parse, sendError } from '../http/errors.js';
import { requireMerchant } from '../http/identity.js';
import { Id } from '../protocol/api.js';
import { DiscoverySearch, EmbeddingUpload, ReindexRequest } from '../protocol/discovery.js';
import { getProducts } from '../store/products.js';
import { BackgroundIndexer } from './background.js';
import { detectPgvector, ensureVectorTable, searchVectors, syncVectors, tuneSession, vectorCount } from './pgvector.js';
import { currentEmbeddings, firstPhotoId, indexCounts, saveEmbedding } from './store.js';
import { workerEmbedder } from './worker-embedder.js';

/** Products past which phones search on the server (10k × 484 bytes ≈ 4.8 MB of index to download). */
export const DEVICE_INDEX_MAX_PRODUCTS = 10_000;

/** How often the pgvector table is checked against product_embeddings at search time. */
const CONSISTENCY_CHECK_MS = 5000;

/** Mounts the discovery routes and keeps one in-memory index of the current model's vectors. */
export async function discoveryFeature(app: ShopApp): Promise<void> {
  const { http, ctx, events } = app;
  const merchant = { preHandler: requireMerchant(ctx.config.merchantToken) };
  let cached: Promise<{ index: VectorIndex; missing: number }> | undefined;

  // Server-side search (catalogs past what a phone downloads): pgvector where it exists, stated at start.
  const backend = await detectPgvector(ctx.db);
  let vectorsReady: Promise<unknown> = Promise.resolve();
  if (backend.kind === 'pgvector') {
    await ensureVectorTable(ctx.db, embeddingDims());
    // PGlite is one session: tune it once and each search is a single statement.
    if (ctx.storeKind === 'pglite') await tuneSession(ctx.db);
    vectorsReady = syncVectors(ctx.db, embeddingModel()).catch((err: unknown) => http.log.error({ err }, 'pgvector sync failed'));
    http.log.info({ pgvector: backend.version }, 'server-side visual search uses pgvector');
  } else {
    http.log.info({ reason: backend.reason }, 'server-side visual search uses the in-memory int8 index');
  }
  let checkedAt = 0;
  const syncProduct = (productId: string): void => {
    if (backend.kind !== 'pgvector') return;
    vectorsReady = vectorsReady.then(() => syncVectors(ctx.db, embeddingModel(), [productId])).catch((err: unknown) => http.log.error({ err, productId }, 'pgvector sync failed'));
  };

  const invalidate = (productId?: string): void => {
    cached = undefined;
    if (productId) syncProduct(productId);
  };
  const auto = ctx.config.indexInBackground === true;
  const indexer = new BackgroundIndexer({ db: ctx.db, dataDir: ctx.config.dataDir, embedder: workerEmbedder(), onIndexed: invalidate, log: http.log });
  const onProductChanged = (productId: string): void => {
    invalidate(productId);
    if (auto) indexer.schedule();
  };
  events.on('product:changed', onProductChanged);
  if (auto) indexer.schedule({ now: true });
  http.addHook('onClose', async () => {
    events.off('product:changed', onProductChanged);
    await indexer.close();
  });

  const current = (): Promise<{ index: VectorIndex; missing: number }> => {
    cached ??= currentEmbeddings(ctx.db, embeddingModel()).then(({ rows, missing }) => ({
      index: new VectorIndex(rows.map((r) => ({ productId: r.productId, category: r.category, vector: r.vector })), embeddingDims()),
      missing,
    }));
    return cached.catch((err) => {
      cached = undefined;
      throw err;
    });
  };

  http.get('/api/discovery/index', async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    // Past a few MB the phone keeps no copy: it sends each item's vector to /api/discovery/search.
    // Counted in SQL first, so a big catalog is not quantised in memory only to say so.
    const { total, indexed } = await indexCounts(ctx.db, embeddingModel());
    if (indexed > (ctx.config.deviceIndexMaxProducts ?? DEVICE_INDEX_MAX_PRODUCTS)) {
      return { ...toCompact(new VectorIndex([], embeddingDims()), embeddingModel(), total - indexed), count: indexed, mode: 'server', server: backend.kind };
    }
    const { index, missing } = await current();
    return { ...toCompact(index, embeddingModel(), missing), mode: 'device', server: backend.kind };
  });

  http.get('/api/discovery/status', async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return indexer.status();
  });

  http.post('/api/discovery/reindex', merchant, async (req, reply) => {
    const body = parse(ReindexRequest, req.body ?? {}, 'body');
    indexer.schedule({ all: body.all, now: true });
    return reply.code(202).send(await indexer.status());
  });

  http.post('/api/discovery/search', async (req, reply) => {
    const body = parse(DiscoverySearch, req.body, 'body');
    const model = embeddingModel();
    if (body.model.id !== model.id || body.model.version !== model.version) {
      return sendError(reply, 'CONFLICT', `The catalog is indexed with ${model.id} ${model.version}; reload the page to get the current model.`, { details: { model } });
    }
    if (body.vector.length !== embeddingDims()) return sendError(reply, 'VALIDATION_FAILED', `The vector has ${body.vector.length} numbers; ${embeddingDims()} expected.`);
    const options = body.categories ? { categories: body.categories } : {};
    let matches: { productId: string; score: number }[];
    if (backend.kind === 'pgvector') {
      await vectorsReady;
      // Vectors stored behind this process's back (a command run before it took the lock, a test)
      // would be missing from the table: compare the counts in SQL, at most every few seconds
      // (a photo's items search together), rather than on every search.
      if (Date.now() - checkedAt > CONSISTENCY_CHECK_MS) {
        checkedAt = Date.now();
        if ((await indexCounts(ctx.db, model)).indexed !== (await vectorCount(ctx.db, model.version))) {
          vectorsReady = syncVectors(ctx.db, model);
          await vectorsReady;
        }
      }
      matches = await searchVectors(ctx.db, model.version, body.vector, body.k, { ...options, sessionTuned: ctx.storeKind === 'pglite' });
    } else {
      const { index } = await current();
      matches = index.size ? index.search(Float32Array.from(body.vector), body.k, options) : [];
    }
    const products = new Map((await getProducts(ctx.db, matches.map((m) => m.productId))).map((p) => [p.id, p]));
    return { model, items: matches.filter((m) => products.has(m.productId)).map((m) => ({ score: m.score, product: products.get(m.productId)! })) };
  });

  http.put('/api/products/:id/embedding', merchant, async (req, reply) => {
    const id = parse(Id, (req.params as { id: string }).id, 'path');
    const body = parse(EmbeddingUpload, req.body, 'body');
    const model = embeddingModel();
    if (body.model.id !== model.id || body.model.version !== model.version) {
      return sendError(reply, 'CONFLICT', `This shop indexes with ${model.id} ${model.version}; reload the console to compute a matching vector.`);
    }
    if (body.vector.length !== embeddingDims()) return sendError(reply, 'VALIDATION_FAILED', `The vector has ${body.vector.length} numbers; ${embeddingDims()} expected.`);
    const photoId = await firstPhotoId(ctx.db, id);
    if (!photoId) return sendError(reply, 'NOT_FOUND', `Product ${id} has no photo to index.`);
    if (photoId !== body.photoId) return sendError(reply, 'CONFLICT', 'That photo is no longer the product\'s main photo; index the current one.', { details: { photoId } });
    await saveEmbedding(ctx.db, { productId: id, photoId, modelId: model.id, modelVersion: model.version, vector: Float32Array.from(body.vector) });
    invalidate(id);
    return reply.code(204).send();
  });
}
