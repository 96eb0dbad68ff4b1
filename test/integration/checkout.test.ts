/** Checkout on both stores: idempotency, stock, declined payments, order listings and merchant status. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Shopper } from '../support/http.js';
import { STORES, startTestServer, type TestServer } from '../support/server.js';
import { createProduct, expectError, merchantOf, newKey, rowCounts, stockOf } from './helpers.js';

describe.each(STORES)('checkout on %s', (store) => {
  let server: TestServer;
  let mug: any;
  let rug: any;

  beforeAll(async () => {
    server = await startTestServer({ store });
    mug = await createProduct(server, { name: 'Stoneware Mug', price: { amount: 1800, currency: 'EUR' }, stock: 50 });
    rug = await createProduct(server, { name: 'Wool Rug', price: { amount: 24000, currency: 'EUR' }, stock: 2 });
  });
  afterAll(() => server?.close());

  const checkout = (s: Shopper, key?: string, body: object = {}) =>
    s.post('/api/checkout', body, key === undefined ? {} : { 'idempotency-key': key });

  async function ordersWithKey(key: string): Promise<number> {
    const rows = await server.db.kysely.selectFrom('orders').select('id').where('idempotency_key', '=', key).execute();
    return rows.length;
  }

  it('places a paid order, takes the stock and empties the cart', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: mug.id, quantity: 3 });
    const stock = await stockOf(server, mug.id);
    const res = await checkout(s, newKey());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'paid',
      total: { amount: 5400, currency: 'EUR' },
      lines: [{ productId: mug.id, name: 'Stoneware Mug', quantity: 3, unitPrice: { amount: 1800 }, lineTotal: { amount: 5400 } }],
    });
    expect(res.body.id).toMatch(/^ord_/);
    expect(res.body.paymentRef).toMatch(/^test_/);
    expect(await stockOf(server, mug.id)).toBe(stock - 3);
    expect((await s.get('/api/cart')).body.lines).toEqual([]);
  });

  it('requires an Idempotency-Key header and a well-formed one, writing nothing without it', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: mug.id });
    const before = await rowCounts(server);
    expectError(await checkout(s), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    expectError(await checkout(s, 'short'), 400, 'VALIDATION_FAILED');
    expectError(await checkout(s, 'has spaces and !'), 400, 'VALIDATION_FAILED');
    expect(await rowCounts(server)).toEqual(before);
  });

  it('answers CART_EMPTY for an empty cart', async () => {
    const s = new Shopper(server.url);
    const before = await rowCounts(server);
    expectError(await checkout(s, newKey()), 409, 'CART_EMPTY');
    expect(await rowCounts(server)).toEqual(before);
  });

  it('returns the same order with 200 when a checkout is retried with the same key, and stores one order', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: mug.id, quantity: 2 });
    const key = newKey();
    const stock = await stockOf(server, mug.id);
    const first = await checkout(s, key);
    expect(first.status).toBe(201);
    const retry = await checkout(s, key);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await ordersWithKey(key)).toBe(1);
    expect(await stockOf(server, mug.id)).toBe(stock - 2);
  });

  it('settles a double submit sent at the same moment as one order', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: mug.id, quantity: 1 });
    const key = newKey();
    const stock = await stockOf(server, mug.id);
    const results = await Promise.all([checkout(s, key), checkout(s, key), checkout(s, key)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await ordersWithKey(key)).toBe(1);
    expect(await stockOf(server, mug.id)).toBe(stock - 1);
  });

  it('answers a double submit of the last unit with the one order, not OUT_OF_STOCK', async () => {
    const last = await createProduct(server, { name: 'Last Lantern', stock: 1 });
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: last.id });
    const key = newKey();
    const results = await Promise.all([checkout(s, key), checkout(s, key)]);
    expect(results.map((r) => r.status).sort(), JSON.stringify(results.map((r) => r.body))).toEqual([200, 201]);
    expect(results[0]!.body.id).toBe(results[1]!.body.id);
    expect(await stockOf(server, last.id)).toBe(0);
  });

  it('refuses the same key with a different cart with 422 IDEMPOTENCY_KEY_REUSED, writing nothing', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: mug.id });
    const key = newKey();
    expect((await checkout(s, key)).status).toBe(201);
    await s.post('/api/cart/lines', { productId: mug.id, quantity: 4 });
    const before = await rowCounts(server);
    const stock = await stockOf(server, mug.id);
    expectError(await checkout(s, key), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await rowCounts(server)).toEqual(before);
    expect(await stockOf(server, mug.id)).toBe(stock);
    expect((await s.get('/api/cart')).body.lines[0].quantity).toBe(4);
    // The same key used by another shopper is that shopper's own first attempt.
    const other = new Shopper(server.url);
    await other.post('/api/cart/lines', { productId: mug.id });
    expect((await checkout(other, key)).status).toBe(201);
  });

  it('answers 409 OUT_OF_STOCK naming each short line and how many are left, changing nothing', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: mug.id });
    await s.post('/api/cart/lines', { productId: rug.id, quantity: 2 });
    // Someone else buys a rug between add-to-cart and checkout.
    const rival = new Shopper(server.url);
    await rival.post('/api/cart/lines', { productId: rug.id });
    expect((await checkout(rival, newKey())).status).toBe(201);

    const before = await rowCounts(server);
    const mugStock = await stockOf(server, mug.id);
    const res = await checkout(s, newKey());
    expectError(res, 409, 'OUT_OF_STOCK');
    expect(res.body.error.details.lines).toEqual([{ productId: rug.id, name: 'Wool Rug', requested: 2, available: 1 }]);
    expect(res.body.error.message).toContain('Wool Rug (1 left)');
    expect(await rowCounts(server)).toEqual(before);
    expect(await stockOf(server, mug.id)).toBe(mugStock);
    expect(await stockOf(server, rug.id)).toBe(1);
    expect((await s.get('/api/cart')).body.itemCount).toBe(3);
  });

  it('refuses an order whose total does not fit one order with 409 LIMIT_REACHED, taking nothing', async () => {
    // 99 x 1,000,000.00 EUR = 9.9e9 cents: past the 32-bit order total the store keeps.
    const bar = await createProduct(server, { name: 'Gold Bar', price: { amount: 100_000_000, currency: 'EUR' }, stock: 99 });
    const s = new Shopper(server.url);
    const cart = await s.post('/api/cart/lines', { productId: bar.id, quantity: 99 });
    expect(cart.body.total.amount).toBe(9_900_000_000);
    const before = await rowCounts(server);
    const res = await checkout(s, newKey());
    expectError(res, 409, 'LIMIT_REACHED');
    expect(res.body.error.details.maxTotalMinor).toBe(2 ** 31 - 1);
    expect(await rowCounts(server)).toEqual(before);
    expect(await stockOf(server, bar.id)).toBe(99);
    // 21 bars (2.1e9 cents) still fit.
    await s.patch(`/api/cart/lines/${cart.body.lines[0].id}`, { quantity: 21 });
    const ok = await checkout(s, newKey());
    expect(ok.status).toBe(201);
    expect(ok.body.total.amount).toBe(2_100_000_000);
  });

  it('answers 402 PAYMENT_FAILED for a declined card and gives back the stock and the cart', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: mug.id, quantity: 2 });
    const cartBefore = (await s.get('/api/cart')).body;
    const stock = await stockOf(server, mug.id);
    const res = await checkout(s, newKey(), { paymentToken: 'tok_declined' });
    expectError(res, 402, 'PAYMENT_FAILED');
    expect(res.body.error.message).toContain('declined');
    expect(res.body.error.details.order).toMatchObject({ status: 'failed', total: { amount: 3600 } });
    expect(await stockOf(server, mug.id)).toBe(stock);
    const cartAfter = (await s.get('/api/cart')).body;
    expect(cartAfter.total).toEqual(cartBefore.total);
    expect(cartAfter.lines.map((l: any) => [l.productId, l.variant, l.quantity])).toEqual([[mug.id, '', 2]]);
    // A fresh attempt with a good card then goes through.
    const paid = await checkout(s, newKey(), { paymentToken: 'tok_visa' });
    expect(paid.status).toBe(201);
    expect(await stockOf(server, mug.id)).toBe(stock - 2);
  });

  it('lists a shopper their own orders only, and the merchant everyone', async () => {
    const ann = new Shopper(server.url);
    const bob = new Shopper(server.url);
    await ann.post('/api/cart/lines', { productId: mug.id });
    const a1 = (await checkout(ann, newKey())).body;
    await ann.post('/api/cart/lines', { productId: mug.id, quantity: 2 });
    const a2 = (await checkout(ann, newKey())).body;
    await bob.post('/api/cart/lines', { productId: mug.id });
    const b1 = (await checkout(bob, newKey())).body;

    const mine = await ann.get('/api/orders');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(2);
    expect(mine.body.items.map((o: any) => o.id).sort()).toEqual([a1.id, a2.id].sort());
    expect((await ann.get(`/api/orders/${a1.id}`)).body.id).toBe(a1.id);
    expectError(await bob.get(`/api/orders/${a1.id}`), 404, 'NOT_FOUND');
    expectError(await ann.get('/api/merchant/orders'), 401, 'UNAUTHORIZED');

    const all = await merchantOf(server).get('/api/merchant/orders?limit=100');
    expect(all.status).toBe(200);
    const { n } = (await server.db.kysely.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()) as { n: number };
    expect(all.body.total).toBe(Number(n));
    const byId = new Map(all.body.items.map((o: any) => [o.id, o]));
    expect(byId.get(b1.id)).toMatchObject({ shopperId: expect.stringMatching(/^shp_/) });
    expect((byId.get(a1.id) as any).shopperId).not.toBe((byId.get(b1.id) as any).shopperId);
    const failed = await merchantOf(server).get('/api/merchant/orders?status=failed');
    expect(failed.body.items.every((o: any) => o.status === 'failed')).toBe(true);
    expect(failed.body.total).toBeGreaterThanOrEqual(1);
  });

  it('lets the merchant ship a paid order and cancel another, which restocks; other moves are refused', async () => {
    const merchant = merchantOf(server);
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: mug.id, quantity: 2 });
    const toShip = (await checkout(s, newKey())).body;
    await s.post('/api/cart/lines', { productId: mug.id, quantity: 5 });
    const toCancel = (await checkout(s, newKey())).body;
    const stock = await stockOf(server, mug.id);

    expectError(await s.request('PATCH', `/api/merchant/orders/${toShip.id}`, { status: 'shipped' }), 401, 'UNAUTHORIZED');
    const shipped = await merchant.patch(`/api/merchant/orders/${toShip.id}`, { status: 'shipped' });
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('shipped');
    expect((await s.get(`/api/orders/${toShip.id}`)).body.status).toBe('shipped');
    expectError(await merchant.patch(`/api/merchant/orders/${toShip.id}`, { status: 'cancelled' }), 409, 'CONFLICT');
    expect(await stockOf(server, mug.id)).toBe(stock);

    const cancelled = await merchant.patch(`/api/merchant/orders/${toCancel.id}`, { status: 'cancelled' });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await stockOf(server, mug.id)).toBe(stock + 5);
    // Cancelling twice must not restock twice.
    expectError(await merchant.patch(`/api/merchant/orders/${toCancel.id}`, { status: 'cancelled' }), 409, 'CONFLICT');
    expect(await stockOf(server, mug.id)).toBe(stock + 5);
    expectError(await merchant.patch(`/api/merchant/orders/${toCancel.id}`, { status: 'paid' }), 400, 'VALIDATION_FAILED');
    expectError(await merchant.patch('/api/merchant/orders/ord_nope', { status: 'shipped' }), 404, 'NOT_FOUND');
  });
});
