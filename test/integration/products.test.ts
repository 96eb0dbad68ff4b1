/** Catalog API on both stores: search, filters, paging, detail, and the merchant's token. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Shopper } from '../support/http.js';
import { STORES, startTestServer, type TestServer } from '../support/server.js';
import { createProduct, expectError, merchantOf, rowCounts } from './helpers.js';

describe.each(STORES)('products on %s', (store) => {
  let server: TestServer;
  let shopper: Shopper;
  const made: Record<string, any> = {};

  beforeAll(async () => {
    server = await startTestServer({ store });
    shopper = new Shopper(server.url);
    // A small known catalog: 3 sunglasses, 2 watches, 1 sold-out bag; prices spread to test ranges.
    const specs = [
      ['aviator', { name: 'Aviator Gold', category: 'sunglasses', price: { amount: 12900, currency: 'EUR' }, stock: 5 }],
      ['round', { name: 'Round Tortoise', description: 'Round frames in tortoise shell.', category: 'sunglasses', price: { amount: 9900, currency: 'EUR' }, stock: 3 }],
      ['sport', { name: 'Sport Wrap', description: 'Wraparound shades for running.', category: 'sunglasses', price: { amount: 4900, currency: 'EUR' }, stock: 8 }],
      ['field', { name: 'Field Watch 38', category: 'watches', price: { amount: 18900, currency: 'EUR' }, stock: 2 }],
      ['diver', { name: 'Diver Gold 42', description: 'A gold diver watch.', category: 'watches', price: { amount: 45000, currency: 'EUR' }, stock: 1 }],
      ['tote', { name: 'Canvas Tote', category: 'bags', price: { amount: 3500, currency: 'EUR' }, stock: 0 }],
    ] as const;
    for (const [key, spec] of specs) made[key] = await createProduct(server, spec as any);
  });
  afterAll(() => server?.close());

  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((p) => p.id).sort();

  it('lists every product with the total when no filter is given', async () => {
    const res = await shopper.get('/api/products');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(6);
    expect(res.body.items).toHaveLength(6);
    expect(res.body).toMatchObject({ limit: 24, offset: 0 });
  });

  it('finds products by words in the name, description or category, case-insensitively', async () => {
    const gold = await shopper.get('/api/products?q=GOLD');
    expect(ids(gold)).toEqual([made.aviator.id, made.diver.id].sort());
    expect(gold.body.total).toBe(2);
    const both = await shopper.get('/api/products?q=gold%20watch');
    expect(ids(both)).toEqual([made.diver.id]);
    const byDescription = await shopper.get('/api/products?q=tortoise');
    expect(ids(byDescription)).toEqual([made.round.id]);
    const none = await shopper.get('/api/products?q=umbrella');
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('treats % and _ in the search text as plain characters', async () => {
    const res = await shopper.get('/api/products?q=%25');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    const underscore = await shopper.get('/api/products?q=_');
    expect(underscore.body.total).toBe(0);
  });

  it('filters by category, price range and stock, and the filters combine', async () => {
    const watches = await shopper.get('/api/products?category=watches');
    expect(ids(watches)).toEqual([made.field.id, made.diver.id].sort());
    const mid = await shopper.get('/api/products?minPrice=4900&maxPrice=12900');
    expect(ids(mid)).toEqual([made.aviator.id, made.round.id, made.sport.id].sort());
    const inStock = await shopper.get('/api/products?inStock=true');
    expect(inStock.body.total).toBe(5);
    expect(ids(inStock)).not.toContain(made.tote.id);
    const soldOut = await shopper.get('/api/products?inStock=false');
    expect(ids(soldOut)).toEqual([made.tote.id]);
    const combined = await shopper.get('/api/products?category=sunglasses&maxPrice=10000&inStock=true');
    expect(ids(combined)).toEqual([made.round.id, made.sport.id].sort());
    expect(combined.body.total).toBe(2);
  });

  it('treats a price bound beyond any price as no bound instead of failing', async () => {
    const all = await shopper.get('/api/products?maxPrice=9007199254740991');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(6);
    const none = await shopper.get('/api/products?minPrice=99999999999999');
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('pages through results newest first with the same total on every page and no repeats', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 6; offset += 4) {
      const page = await shopper.get(`/api/products?limit=4&offset=${offset}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(6);
      expect(page.body).toMatchObject({ limit: 4, offset });
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    // Created last, so listed first.
    expect(seen[0]).toBe(made.tote.id);
    const past = await shopper.get('/api/products?limit=4&offset=40');
    expect(past.body).toMatchObject({ items: [], total: 6 });
  });

  it('refuses filters it does not know and out-of-range paging with VALIDATION_FAILED', async () => {
    expectError(await shopper.get('/api/products?color=red'), 400, 'VALIDATION_FAILED');
    expectError(await shopper.get('/api/products?limit=0'), 400, 'VALIDATION_FAILED');
    expectError(await shopper.get('/api/products?limit=101'), 400, 'VALIDATION_FAILED');
    expectError(await shopper.get('/api/products?category=spaceships'), 400, 'VALIDATION_FAILED');
    expectError(await shopper.get('/api/products?minPrice=-1'), 400, 'VALIDATION_FAILED');
  });

  it('returns one product with its price, stock, attributes and try-on kind', async () => {
    const res = await shopper.get(`/api/products/${made.aviator.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: made.aviator.id,
      name: 'Aviator Gold',
      category: 'sunglasses',
      price: { amount: 12900, currency: 'EUR' },
      stock: 5,
      photos: [],
      tryOn: 'eyewear',
    });
    expect(Date.parse(res.body.createdAt)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expectError(await shopper.get('/api/products/no-such-product'), 404, 'NOT_FOUND');
  });

  it('lets only the merchant token create, update and delete products (401 without, 403 wrong)', async () => {
    const body = { name: 'Bucket Hat', category: 'hats', price: { amount: 2500, currency: 'EUR' }, stock: 4 };
    const before = await rowCounts(server);
    const anonymous = new Shopper(server.url);
    const wrong = new Shopper(server.url, 'not-the-token');
    expectError(await anonymous.post('/api/products', body), 401, 'UNAUTHORIZED');
    expectError(await wrong.post('/api/products', body), 403, 'FORBIDDEN');
    expectError(await anonymous.patch(`/api/products/${made.sport.id}`, { stock: 0 }), 401, 'UNAUTHORIZED');
    expectError(await wrong.patch(`/api/products/${made.sport.id}`, { stock: 0 }), 403, 'FORBIDDEN');
    expectError(await anonymous.del(`/api/products/${made.sport.id}`), 401, 'UNAUTHORIZED');
    expectError(await wrong.del(`/api/products/${made.sport.id}`), 403, 'FORBIDDEN');
    expectError(await wrong.get('/api/merchant/me'), 403, 'FORBIDDEN');
    expect(await rowCounts(server)).toEqual(before);
    expect((await shopper.get(`/api/products/${made.sport.id}`)).body.stock).toBe(8);

    const merchant = merchantOf(server);
    expect((await merchant.get('/api/merchant/me')).status).toBe(200);
    const created = await merchant.post('/api/products', { ...body, attributes: { hatStyle: 'bucket', sizes: ['S', 'M'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Bucket Hat', tryOn: 'head', attributes: { hatStyle: 'bucket', sizes: ['S', 'M'] } });
    const updated = await merchant.patch(`/api/products/${created.body.id}`, { name: 'Sun Bucket Hat', stock: 9, price: { amount: 2700, currency: 'EUR' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Sun Bucket Hat', stock: 9, price: { amount: 2700 }, attributes: { hatStyle: 'bucket' } });
    // The new name is searchable at once.
    expect(ids(await shopper.get('/api/products?q=sun%20bucket'))).toEqual([created.body.id]);
    const deleted = await merchant.del(`/api/products/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expectError(await shopper.get(`/api/products/${created.body.id}`), 404, 'NOT_FOUND');
    expectError(await merchant.del(`/api/products/${created.body.id}`), 404, 'NOT_FOUND');
    expectError(await merchant.patch(`/api/products/${created.body.id}`, { stock: 1 }), 404, 'NOT_FOUND');
    expect(await rowCounts(server)).toEqual(before);
  });
});
