/**
 * One cart, one order: each of 200 shoppers pays the same cart from two tabs at once (two keys).
 * Exactly one tab places the order; the other learns the cart was just ordered; stock adds up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Shopper } from '../support/http.js';
import { STORES, startTestServer, type TestServer } from '../support/server.js';
import { createProduct, newKey, stockOf } from './helpers.js';

const SHOPPERS = 200;

describe.each(STORES)('two tabs paying one cart on %s', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ store });
  });
  afterAll(() => server?.close());

  it(`${SHOPPERS} two-tab races end in exactly one order per cart`, async () => {
    const product = await createProduct(server, { stock: SHOPPERS * 2 });
    const shoppers = Array.from({ length: SHOPPERS }, () => new Shopper(server.url));
    for (const s of shoppers) expect((await s.post('/api/cart/lines', { productId: product.id, quantity: 1 })).status).toBe(201);
    const t0 = performance.now();
    const answers = await Promise.all(
      shoppers.map((s) =>
        Promise.all([
          s.post('/api/checkout', { paymentToken: 'tok_visa' }, { 'idempotency-key': newKey() }),
          s.post('/api/checkout', { paymentToken: 'tok_visa' }, { 'idempotency-key': newKey() }),
        ]),
      ),
    );
    console.log(`[cart-race] ${store}: ${SHOPPERS * 2} checkouts in ${Math.round(performance.now() - t0)} ms`);
    let doubles = 0;
    for (const [a, b] of answers) {
      const statuses = [a.status, b.status].sort();
      if (statuses[0] === 201 && statuses[1] === 201) doubles += 1;
      expect(statuses).toEqual([201, 409]);
      const refused = a.status === 409 ? a : b;
      const placed = a.status === 201 ? a : b;
      expect(refused.body.error.code).toBe('CART_EMPTY');
      expect(refused.body.error.details.orderId).toBe(placed.body.id);
    }
    expect(doubles).toBe(0);
    for (const s of shoppers.slice(0, 20)) expect((await s.get('/api/orders')).body.total).toBe(1);
    expect(await stockOf(server, product.id)).toBe(SHOPPERS);
  }, 180_000);
});
