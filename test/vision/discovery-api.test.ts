/**
 * Discovery through a real server on PGlite: the catalog indexer embeds real product photos, the
 * compact index lets the engine match the street photo's sunglasses to the sunglasses product,
 * and the merchant embedding endpoint refuses what does not fit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddingDims, embeddingModel } from '../../client/vision/embed/spec.js';
import { fromCompact } from '../../client/vision/search/compact.js';
import { FIXTURES } from '../../server/discovery/eval/fixtures.js';
import { indexCatalog } from '../../server/discovery/indexer.js';
import { decodePhoto } from '../../server/discovery/decode.js';
import { discoverPhoto, nodeEngine } from '../../server/discovery/node-engine.js';
import { discoveryFeature } from '../../server/discovery/routes.js';
import { Shopper } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const streetPath = join(FIXTURES, 'fashion', 'street-blazer-sunglasses.jpg');

let server: TestServer;
let merchant: Shopper;
let shopper: Shopper;
const ids: Record<string, string> = {};
const photoIds: Record<string, string> = {};

async function addProduct(key: string, name: string, category: string, photo: Buffer): Promise<void> {
  const created = await merchant.post('/api/products', { name, category, price: { amount: 4900, currency: 'EUR' }, stock: 5 });
  expect(created.status).toBe(201);
  ids[key] = created.body.id;
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `${key}.jpg`);
  const up = await merchant.post(`/api/products/${created.body.id}/photos`, form);
  expect(up.status).toBeLessThan(300);
  photoIds[key] = (await merchant.get(`/api/products/${created.body.id}`)).body.photos[0].id;
}

// Product photos cut from real fixtures: the sunglasses and jeans of the street photo, a cup and a
// chair from home-goods photos.
const crop = (path: string, [left, top, width, height]: number[]) => sharp(path).extract({ left: left!, top: top!, width: width!, height: height! }).jpeg().toBuffer();

beforeAll(async () => {
  server = await startTestServer({ store: 'pglite', features: [discoveryFeature] });
  merchant = new Shopper(server.url, server.merchantToken);
  shopper = new Shopper(server.url);
  const home = join(FIXTURES, 'home-goods', 'images');
  await addProduct('sunglasses', 'Aviator sunglasses', 'sunglasses', await crop(streetPath, [300, 125, 150, 75]));
  await addProduct('jeans', 'Dark denim jeans', 'apparel', await crop(streetPath, [235, 680, 275, 344]));
  await addProduct('cup', 'Stoneware cup', 'home', await crop(join(home, '2007_000999.jpg'), [330, 91, 73, 70]));
  await addProduct('chair', 'Dining chair', 'home', await crop(join(home, '2007_001416.jpg'), [260, 116, 94, 155]));
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('catalog indexing and search', () => {
  it('indexes every product photo once and leaves indexed ones alone on the next run', async () => {
    const seen: number[] = [];
    const first = await indexCatalog(server.db.kysely, server.config.dataDir, { onProgress: (p) => seen.push(p.done) });
    expect(first).toEqual({ indexed: 4, failed: 0, total: 4 });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(await indexCatalog(server.db.kysely, server.config.dataDir)).toEqual({ indexed: 0, failed: 0, total: 0 });
  }, 120_000);

  it('serves a compact index that matches the street photo\'s sunglasses and jeans to those products', async () => {
    const res = await shopper.get('/api/discovery/index');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ model: embeddingModel(), dims: embeddingDims(), count: 4, missing: 0 });
    const index = fromCompact(res.body);
    const result = await discoverPhoto(readFileSync(streetPath), { index, k: 3 });
    const eyewear = result.items.find((i) => i.label === 'eyewear')!;
    expect(eyewear.matches[0]!.productId).toBe(ids.sunglasses);
    expect(eyewear.matches[0]!.score).toBeGreaterThan(0.6);
    const bottom = result.items.find((i) => i.label === 'bottom')!;
    // The bottom region searches apparel only, where the jeans are.
    expect(bottom.matches.map((m) => m.productId)).toEqual([ids.jeans]);
  }, 120_000);

  it('answers server-side search with products, best first', async () => {
    const engine = await nodeEngine();
    const decoded = await decodePhoto(readFileSync(streetPath));
    const items = await engine.discover(decoded.image);
    const eyewear = items.find((i) => i.label === 'eyewear')!;
    const [vector] = await engine.embedBoxes(decoded.image, [eyewear.box]);
    expect(vector).toHaveLength(embeddingDims());
    const res = await shopper.post('/api/discovery/search', { model: embeddingModel(), vector: [...vector!], k: 2 });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0].product).toMatchObject({ id: ids.sunglasses, name: 'Aviator sunglasses', tryOn: 'eyewear' });
    expect(res.body.items[0].score).toBeGreaterThan(res.body.items[1].score);
  }, 120_000);
});

describe('merchant embedding upload', () => {
  const vector = () => Array.from({ length: embeddingDims() }, (_, i) => (i === 0 ? 1 : 0));

  it('stores a vector computed on the merchant device and serves it in the index', async () => {
    const put = await merchant.request('PUT', `/api/products/${ids.cup}/embedding`, { photoId: photoIds.cup, model: embeddingModel(), vector: vector() });
    expect(put.status).toBe(204);
    const index = fromCompact((await shopper.get('/api/discovery/index')).body);
    const [best] = index.search(Float32Array.from(vector()), 1);
    expect(best).toEqual({ productId: ids.cup, score: 1 });
  });

  it('refuses shoppers, stale photos, other model versions and wrong lengths without changing anything', async () => {
    const before = (await shopper.get('/api/discovery/index')).body.codes;
    const body = { photoId: photoIds.chair, model: embeddingModel(), vector: vector() };
    expect((await shopper.request('PUT', `/api/products/${ids.chair}/embedding`, body)).status).toBe(401);
    const stale = await merchant.request('PUT', `/api/products/${ids.chair}/embedding`, { ...body, photoId: photoIds.cup });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONFLICT']);
    const old = await merchant.request('PUT', `/api/products/${ids.chair}/embedding`, { ...body, model: { id: 'mobilenet-v2-mid', version: 'old' } });
    expect([old.status, old.body.error.code]).toEqual([409, 'CONFLICT']);
    const short = await merchant.request('PUT', `/api/products/${ids.chair}/embedding`, { ...body, vector: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5] });
    expect([short.status, short.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await shopper.get('/api/discovery/index')).body.codes).toBe(before);
  });

  it('drops a product from the index when its main photo is removed, until it is indexed again', async () => {
    const del = await merchant.del(`/api/products/${ids.chair}/photos/${photoIds.chair}`);
    expect(del.status).toBeLessThan(300);
    const res = await shopper.get('/api/discovery/index');
    expect(res.body.count).toBe(3);
    expect(res.body.ids).not.toContain(ids.chair);
  });
});
