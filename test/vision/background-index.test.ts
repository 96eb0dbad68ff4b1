/**
 * The server indexes its own catalog: a real server on PGlite with the demo catalog indexes every
 * photo in its worker thread with no command, picks up new and replaced main photos by itself,
 * reports progress, and survives photos it cannot read and models that are missing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddingModel } from '../../client/vision/embed/spec.js';
import { BackgroundIndexer } from '../../server/discovery/background.js';
import { FIXTURES } from '../../server/discovery/eval/fixtures.js';
import { discoveryFeature } from '../../server/discovery/routes.js';
import { currentEmbeddings } from '../../server/discovery/store.js';
import { workerEmbedder } from '../../server/discovery/worker-embedder.js';
import { mediaDir, storePhoto } from '../../server/media/photos.js';
import type { IndexStatus } from '../../server/protocol/discovery.js';
import { DEMO_PRODUCTS } from '../../server/seed/catalog.js';
import { addPhoto, insertProduct } from '../../server/store/products.js';
import { Shopper } from '../support/http.js';
import { openTestDb, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let merchant: Shopper;
let shopper: Shopper;

/** Polls the status until `done` holds (bounded), returning the last status. */
async function waitFor(done: (s: IndexStatus) => boolean, ms = 90_000): Promise<IndexStatus> {
  const deadline = Date.now() + ms;
  let s = (await shopper.get('/api/discovery/status')).body as IndexStatus;
  while (!done(s) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    s = (await shopper.get('/api/discovery/status')).body as IndexStatus;
  }
  return s;
}

const chairPhoto = () => sharp(join(FIXTURES, 'home-goods', 'images', '2007_001416.jpg')).extract({ left: 260, top: 116, width: 94, height: 155 }).jpeg().toBuffer();
const cupPhoto = () => sharp(join(FIXTURES, 'home-goods', 'images', '2007_000999.jpg')).extract({ left: 330, top: 91, width: 73, height: 70 }).jpeg().toBuffer();

async function upload(productId: string, photo: Buffer): Promise<void> {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'p.jpg');
  const up = await merchant.post(`/api/products/${productId}/photos`, form);
  expect(up.status).toBeLessThan(300);
}

beforeAll(async () => {
  server = await startTestServer({ store: 'pglite', seed: true, features: [discoveryFeature], config: { indexInBackground: true } });
  merchant = new Shopper(server.url, server.merchantToken);
  shopper = new Shopper(server.url);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('the server indexing its own catalog', () => {
  it('makes every demo product searchable by photo with no command, and the index a phone downloads holds them all', async () => {
    const t0 = performance.now();
    const s = await waitFor((x) => x.total > 0 && x.indexed === x.total && !x.running);
    console.log(`[index] ${s.indexed} demo products indexed in the background in ${Math.round(performance.now() - t0)} ms after the server listened`);
    expect(s).toMatchObject({ total: DEMO_PRODUCTS.length, indexed: DEMO_PRODUCTS.length, pending: 0, failed: 0, running: false, model: embeddingModel() });
    const index = (await shopper.get('/api/discovery/index')).body;
    expect(index).toMatchObject({ count: DEMO_PRODUCTS.length, missing: 0 });
  }, 120_000);

  it('indexes a product photo the merchant adds, and the new main photo when the old one is deleted', async () => {
    const created = await merchant.post('/api/products', { name: 'Oak dining chair', category: 'home', price: { amount: 12900, currency: 'EUR' }, stock: 3 });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await upload(id, await chairPhoto());
    let s = await waitFor((x) => x.total === DEMO_PRODUCTS.length + 1 && x.indexed === x.total && !x.running);
    expect(s).toMatchObject({ total: DEMO_PRODUCTS.length + 1, indexed: DEMO_PRODUCTS.length + 1, pending: 0 });
    const first = (await currentEmbeddings(server.db.kysely, embeddingModel())).rows.find((r) => r.productId === id)!;
    expect(first).toBeDefined();

    // A second photo, then the first deleted: the second becomes the main photo and gets its own vector.
    await upload(id, await cupPhoto());
    const photos = (await merchant.get(`/api/products/${id}`)).body.photos as { id: string }[];
    expect(photos).toHaveLength(2);
    expect((await merchant.del(`/api/products/${id}/photos/${photos[0]!.id}`)).status).toBe(204);
    s = await waitFor((x) => x.indexed === x.total && !x.running);
    expect(s.indexed).toBe(DEMO_PRODUCTS.length + 1);
    const second = (await currentEmbeddings(server.db.kysely, embeddingModel())).rows.find((r) => r.productId === id)!;
    const cosine = first.vector.reduce((sum, v, i) => sum + v * second.vector[i]!, 0);
    expect(cosine).toBeLessThan(0.95);
  }, 120_000);

  it('re-indexes everything when the merchant asks, and refuses the request without the merchant token or with a bad body', async () => {
    expect((await shopper.post('/api/discovery/reindex', { all: true })).status).toBe(401);
    const bad = await merchant.post('/api/discovery/reindex', { all: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const asked = await merchant.post('/api/discovery/reindex', { all: true });
    expect(asked.status).toBe(202);
    const during = await waitFor((x) => x.running && (x.run?.done ?? 0) > 0, 60_000);
    expect(during.run!.total).toBe(DEMO_PRODUCTS.length + 1);
    const after = await waitFor((x) => !x.running, 120_000);
    expect(after).toMatchObject({ indexed: DEMO_PRODUCTS.length + 1, pending: 0, failed: 0 });
  }, 180_000);
});

describe('the background indexer on bad input', () => {
  it('counts a photo it cannot read as failed with the product named, indexes the rest, and does not retry it in a loop', async () => {
    const db = await openTestDb('pglite');
    const dataDir = mkdtempSync(join(tmpdir(), 'shopsee-index-'));
    const indexer = new BackgroundIndexer({ db: db.kysely, dataDir, embedder: workerEmbedder() });
    try {
      for (const [id, photo] of [['good-chair', await chairPhoto()], ['broken-photo', await cupPhoto()]] as const) {
        await insertProduct(db.kysely, { id, name: id, category: 'home', description: '', attributes: {}, price: { amount: 100, currency: 'EUR' }, stock: 1 });
        const stored = await storePhoto(dataDir, photo);
        await addPhoto(db.kysely, id, stored);
        if (id === 'broken-photo') writeFileSync(join(mediaDir(dataDir), `${stored.id}.webp`), 'not an image at all');
      }
      indexer.schedule({ now: true });
      await indexer.idle();
      const s = await indexer.status();
      expect(s).toMatchObject({ total: 2, indexed: 1, pending: 0, failed: 1, running: false });
      expect(s.problem).toContain('broken-photo');
      // A later change does not send the unreadable photo through the engine again.
      indexer.schedule({ now: true });
      await indexer.idle();
      expect((await indexer.status()).failed).toBe(1);
    } finally {
      await indexer.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('says the models are missing, keeps the products pending and stops trying, when the engine cannot load', async () => {
    const db = await openTestDb('pglite');
    const dataDir = mkdtempSync(join(tmpdir(), 'shopsee-index-'));
    const saved = process.env.MODELS_DIR;
    // The worker thread copies the environment when it starts: point it at an empty models folder.
    process.env.MODELS_DIR = mkdtempSync(join(tmpdir(), 'shopsee-no-models-'));
    const indexer = new BackgroundIndexer({ db: db.kysely, dataDir, embedder: workerEmbedder() });
    try {
      await insertProduct(db.kysely, { id: 'chair', name: 'chair', category: 'home', description: '', attributes: {}, price: { amount: 100, currency: 'EUR' }, stock: 1 });
      await addPhoto(db.kysely, 'chair', await storePhoto(dataDir, await chairPhoto()));
      indexer.schedule({ now: true });
      await indexer.idle();
      const s = await indexer.status();
      expect(s).toMatchObject({ total: 1, indexed: 0, pending: 1, failed: 0, running: false });
      expect(s.problem).toContain('npm run models');
    } finally {
      if (saved === undefined) delete process.env.MODELS_DIR;
      else process.env.MODELS_DIR = saved;
      await indexer.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
