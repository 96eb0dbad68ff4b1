/** Carts on both stores: merging lines, sizes, quantities, server-side totals, cookies and separation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOPPER_COOKIE } from '../../server/http/identity.js';
import { Shopper } from '../support/http.js';
import { STORES, startTestServer, type TestServer } from '../support/server.js';
import { createProduct, expectError, merchantOf, rowCounts } from './helpers.js';

describe.each(STORES)('carts on %s', (store) => {
  let server: TestServer;
  let lamp: any;
  let shirt: any;
  let vase: any;

  beforeAll(async () => {
    server = await startTestServer({ store });
    lamp = await createProduct(server, { name: 'Desk Lamp', price: { amount: 4990, currency: 'EUR' }, stock: 20 });
    shirt = await createProduct(server, {
      name: 'Linen Shirt',
      category: 'apparel',
      price: { amount: 5900, currency: 'EUR' },
      stock: 6,
      attributes: { sizes: ['S', 'M', 'L'] },
    });
    vase = await createProduct(server, { name: 'Glass Vase', price: { amount: 1250, currency: 'EUR' }, stock: 3 });
  });
  afterAll(() => server?.close());

  it('starts empty with zero totals in the shop currency', async () => {
    const res = await new Shopper(server.url).get('/api/cart');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ lines: [], itemCount: 0, subtotal: { amount: 0, currency: 'EUR' }, total: { amount: 0, currency: 'EUR' } });
  });

  it('merges the same product and variant into one line and keeps different sizes apart', async () => {
    const s = new Shopper(server.url);
    expect((await s.post('/api/cart/lines', { productId: lamp.id })).status).toBe(201);
    const merged = await s.post('/api/cart/lines', { productId: lamp.id, quantity: 2 });
    expect(merged.status).toBe(201);
    expect(merged.body.lines).toHaveLength(1);
    expect(merged.body.lines[0]).toMatchObject({ productId: lamp.id, variant: '', quantity: 3, name: 'Desk Lamp', available: 20 });

    await s.post('/api/cart/lines', { productId: shirt.id, variant: 'M' });
    const sized = await s.post('/api/cart/lines', { productId: shirt.id, variant: 'L' });
    expect(sized.body.lines.map((l: any) => `${l.productId}:${l.variant}:${l.quantity}`)).toEqual([
      `${lamp.id}::3`,
      `${shirt.id}:M:1`,
      `${shirt.id}:L:1`,
    ]);
    const again = await s.post('/api/cart/lines', { productId: shirt.id, variant: 'M', quantity: 2 });
    expect(again.body.lines.find((l: any) => l.variant === 'M').quantity).toBe(3);
    expect(again.body.lines).toHaveLength(3);
  });

  it('requires a listed size for a sized product and refuses a size on an unsized one, writing nothing', async () => {
    const s = new Shopper(server.url);
    await s.get('/api/me');
    const before = await rowCounts(server);
    const missing = await s.post('/api/cart/lines', { productId: shirt.id });
    expectError(missing, 400, 'VALIDATION_FAILED');
    expect(missing.body.error.message).toContain('S, M, L');
    expectError(await s.post('/api/cart/lines', { productId: shirt.id, variant: 'XXL' }), 400, 'VALIDATION_FAILED');
    expectError(await s.post('/api/cart/lines', { productId: lamp.id, variant: 'M' }), 400, 'VALIDATION_FAILED');
    expect(await rowCounts(server)).toEqual(before);
  });

  it('computes line totals, item count and total on the server from current prices', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: lamp.id, quantity: 2 });
    const res = await s.post('/api/cart/lines', { productId: vase.id, quantity: 3 });
    expect(res.body.itemCount).toBe(5);
    expect(res.body.lines.map((l: any) => l.lineTotal.amount)).toEqual([9980, 3750]);
    expect(res.body.lines[0].unitPrice).toEqual({ amount: 4990, currency: 'EUR' });
    expect(res.body.subtotal).toEqual({ amount: 13730, currency: 'EUR' });
    expect(res.body.total).toEqual({ amount: 13730, currency: 'EUR' });

    // A price change shows up in the cart on the next read: the client never sends prices.
    const other = await createProduct(server, { name: 'Repriced', price: { amount: 1000, currency: 'EUR' } });
    await s.post('/api/cart/lines', { productId: other.id, quantity: 2 });
    await merchantOf(server).patch(`/api/products/${other.id}`, { price: { amount: 1500, currency: 'EUR' } });
    const after = await s.get('/api/cart');
    expect(after.body.lines[2].lineTotal.amount).toBe(3000);
    expect(after.body.total.amount).toBe(13730 + 3000);
  });

  it('changes a quantity, removes a line with quantity 0 or DELETE, and refuses more than the stock', async () => {
    const s = new Shopper(server.url);
    const added = await s.post('/api/cart/lines', { productId: vase.id });
    const lineId = added.body.lines[0].id;
    const changed = await s.patch(`/api/cart/lines/${lineId}`, { quantity: 3 });
    expect(changed.status).toBe(200);
    expect(changed.body.lines[0].quantity).toBe(3);
    expect(changed.body.total.amount).toBe(3750);

    const tooMany = await s.patch(`/api/cart/lines/${lineId}`, { quantity: 4 });
    expectError(tooMany, 409, 'OUT_OF_STOCK');
    expect(tooMany.body.error.details).toMatchObject({ available: 3 });
    expect((await s.get('/api/cart')).body.lines[0].quantity).toBe(3);
    expectError(await s.post('/api/cart/lines', { productId: vase.id }), 409, 'OUT_OF_STOCK');

    const zero = await s.patch(`/api/cart/lines/${lineId}`, { quantity: 0 });
    expect(zero.body.lines).toEqual([]);
    const again = await s.post('/api/cart/lines', { productId: lamp.id });
    const removed = await s.del(`/api/cart/lines/${again.body.lines[0].id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ lines: [], itemCount: 0, total: { amount: 0 } });
    expectError(await s.del(`/api/cart/lines/${again.body.lines[0].id}`), 404, 'NOT_FOUND');
  });

  it('keeps the cart across a reload with the same cookie', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: lamp.id, quantity: 2 });
    const cookie = s.cookieHeader;
    expect(cookie).toMatch(new RegExp(`^${SHOPPER_COOKIE}=`));
    // A new client with only the cookie, as a browser after a reload.
    const reloaded = await fetch(`${server.url}/api/cart`, { headers: { cookie } });
    expect(reloaded.headers.getSetCookie()).toEqual([]);
    const body = await reloaded.json();
    expect(body.lines).toHaveLength(1);
    expect(body.lines[0]).toMatchObject({ productId: lamp.id, quantity: 2 });
  });

  it('gives a forged or tampered cookie a new anonymous shopper with an empty cart', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: lamp.id });
    const me = (await s.get('/api/me')).body.shopperId as string;
    const value = decodeURIComponent(s.cookieHeader.split('=').slice(1).join('='));
    const [id, signature] = [value.slice(0, value.lastIndexOf('.')), value.slice(value.lastIndexOf('.') + 1)];
    expect(id).toBe(me);
    const forgeries = [
      `${SHOPPER_COOKIE}=shp_aaaaaaaaaaaaaaaaaaaa`,
      `${SHOPPER_COOKIE}=${encodeURIComponent(`shp_bbbbbbbbbbbbbbbb.${signature}`)}`,
      `${SHOPPER_COOKIE}=${encodeURIComponent(`${id}.${signature.slice(0, -2)}xx`)}`,
    ];
    for (const cookie of forgeries) {
      const res = await fetch(`${server.url}/api/me`, { headers: { cookie } });
      const body = await res.json();
      expect(body.shopperId).not.toBe(me);
      expect(body.shopperId).toMatch(/^shp_/);
      expect(res.headers.getSetCookie()[0]).toMatch(new RegExp(`^${SHOPPER_COOKIE}=`));
      const cart = await (await fetch(`${server.url}/api/cart`, { headers: { cookie } })).json();
      expect(cart.lines).toEqual([]);
    }
  });

  it("keeps two shoppers' carts separate, and one cannot change the other's line", async () => {
    const ann = new Shopper(server.url);
    const bob = new Shopper(server.url);
    const a = await ann.post('/api/cart/lines', { productId: lamp.id, quantity: 2 });
    const b = await bob.post('/api/cart/lines', { productId: vase.id });
    expect(a.body.lines.map((l: any) => l.productId)).toEqual([lamp.id]);
    expect(b.body.lines.map((l: any) => l.productId)).toEqual([vase.id]);
    const annLine = a.body.lines[0].id;
    expectError(await bob.patch(`/api/cart/lines/${annLine}`, { quantity: 1 }), 404, 'NOT_FOUND');
    expectError(await bob.del(`/api/cart/lines/${annLine}`), 404, 'NOT_FOUND');
    expect((await ann.get('/api/cart')).body.lines[0].quantity).toBe(2);
  });
});
