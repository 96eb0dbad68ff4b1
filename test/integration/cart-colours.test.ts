/**
 * Colour as a choice on both stores: a cart line names size and colour ("M / Navy"), the server
 * checks both with the one variant rule and says which is missing or unknown, identical choices
 * merge, and the order (the shopper's and the merchant's) keeps the colour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Shopper } from '../support/http.js';
import { STORES, startTestServer, type TestServer } from '../support/server.js';
import { createProduct, expectError, merchantOf, newKey, rowCounts } from './helpers.js';

const NAVY = { name: 'Navy', hex: '#2d3a4f' };
const SAND = { name: 'Sand', hex: '#d8c9a8' };

describe.each(STORES)('colour choice in carts on %s', (store) => {
  let server: TestServer;
  let tee: any;
  let tote: any;
  let lamp: any;

  beforeAll(async () => {
    server = await startTestServer({ store });
    tee = await createProduct(server, { name: 'Crew Tee', category: 'apparel', price: { amount: 2500, currency: 'EUR' }, stock: 10, attributes: { sizes: ['S', 'M', 'L'], colorOptions: [NAVY, SAND] } });
    tote = await createProduct(server, { name: 'Canvas Tote', category: 'bags', price: { amount: 3900, currency: 'EUR' }, stock: 10, attributes: { colorOptions: [NAVY, SAND] } });
    lamp = await createProduct(server, { name: 'Desk Lamp', price: { amount: 4990, currency: 'EUR' }, stock: 10 });
  });
  afterAll(() => server?.close());

  it('merges the same size and colour into one line, keeps other colours apart and reads the colour back with its swatch', async () => {
    const s = new Shopper(server.url);
    expect((await s.post('/api/cart/lines', { productId: tee.id, variant: 'M / Navy' })).status).toBe(201);
    // The colour as the product spells it: "navy" is the same line.
    await s.post('/api/cart/lines', { productId: tee.id, variant: 'M / navy', quantity: 2 });
    const res = await s.post('/api/cart/lines', { productId: tee.id, variant: 'M / Sand' });
    expect(res.body.lines.map((l: any) => [l.variant, l.size, l.color, l.quantity])).toEqual([
      ['M / Navy', 'M', NAVY, 3],
      ['M / Sand', 'M', SAND, 1],
    ]);
    const bag = await s.post('/api/cart/lines', { productId: tote.id, variant: 'Sand' });
    expect(bag.body.lines[2]).toMatchObject({ productId: tote.id, variant: 'Sand', size: '', color: SAND, quantity: 1 });
  });

  it.each([
    ['a size without a colour', () => tee, 'M', 'missing_color', 'Choose a colour for Crew Tee: Navy, Sand.'],
    ['a colour the tee does not come in', () => tee, 'M / Red', 'unknown_color', 'Crew Tee does not come in Red; choose Navy, Sand.'],
    ['a colour without a size', () => tee, 'Navy', 'missing_size', 'Choose a size for Crew Tee: S, M, L.'],
    ['no colour for the tote', () => tote, '', 'missing_color', 'Choose a colour for Canvas Tote: Navy, Sand.'],
    ['a colour on a lamp that has none', () => lamp, 'Navy', 'no_sizes', 'Desk Lamp has no sizes or colours to choose from.'],
  ])('refuses %s with VALIDATION_FAILED and a stable issue code, writing nothing', async (_name, product, variant, code, message) => {
    const s = new Shopper(server.url);
    await s.get('/api/me');
    const before = await rowCounts(server);
    const res = await s.post('/api/cart/lines', { productId: product().id, variant });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.issues).toEqual([{ path: ['variant'], code, message }]);
    expect(res.body.error.message).toContain(message);
    expect(await rowCounts(server)).toEqual(before);
  });

  it('keeps the colour on the order the shopper sees and on the merchant order list', async () => {
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: tee.id, variant: 'L / Sand', quantity: 2 });
    await s.post('/api/cart/lines', { productId: tote.id, variant: 'Navy' });
    const order = await s.post('/api/checkout', {}, { 'idempotency-key': newKey() });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body.lines.map((l: any) => [l.name, l.variant, l.quantity])).toEqual([
      ['Crew Tee', 'L / Sand', 2],
      ['Canvas Tote', 'Navy', 1],
    ]);
    const merchant = await merchantOf(server).get('/api/merchant/orders?limit=100');
    const seen = merchant.body.items.find((o: any) => o.id === order.body.id);
    expect(seen.lines.map((l: any) => l.variant)).toEqual(['L / Sand', 'Navy']);
  });

  it('keeps a line added before the product had colours readable, and then asks new adds for a colour', async () => {
    const cap = await createProduct(server, { name: 'Wool Cap', category: 'hats', stock: 5, attributes: { sizes: ['S', 'M'] } });
    const s = new Shopper(server.url);
    await s.post('/api/cart/lines', { productId: cap.id, variant: 'M' });
    const edit = await merchantOf(server).patch(`/api/products/${cap.id}`, { attributes: { sizes: ['S', 'M'], colorOptions: [NAVY] } });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const cart = await s.get('/api/cart');
    expect(cart.body.lines.map((l: any) => [l.variant, l.size, l.color])).toEqual([['M', 'M', null]]);
    const again = await s.post('/api/cart/lines', { productId: cap.id, variant: 'M' });
    expect(again.body.error.issues.map((i: any) => i.code)).toEqual(['missing_color']);
  });

  it('lets the merchant set colour options and refuses a name given twice, pointing at the field', async () => {
    const m = merchantOf(server);
    const bad = await m.patch(`/api/products/${tote.id}`, { attributes: { colorOptions: [NAVY, { name: 'navy', hex: '#000000' }] } });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.issues[0].path).toEqual(['attributes', 'colorOptions', 1, 'name']);
    const ok = await m.patch(`/api/products/${tote.id}`, { attributes: { colorOptions: [NAVY, SAND, { name: 'Olive', hex: '#6b6b3a' }] } });
    expect(ok.status).toBe(200);
    expect((await new Shopper(server.url).get(`/api/products/${tote.id}`)).body.attributes.colorOptions.map((c: any) => c.name)).toEqual(['Navy', 'Sand', 'Olive']);
  });
});
