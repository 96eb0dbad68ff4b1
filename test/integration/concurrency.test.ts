/** The last units under load, on both stores: 200 shoppers check out 10 units at once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Shopper } from '../support/http.js';
import { STORES, startTestServer, type TestServer } from '../support/server.js';
import { createProduct, newKey, stockOf } from './helpers.js';

const SHOPPERS = 200;
const STOCK = 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe.each(STORES)('concurrent checkout on %s', (store) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ store });
  });
  afterAll(() => server?.close());

  it(`sells exactly ${STOCK} units to ${SHOPPERS} shoppers checking out at once, never going below zero`, async () => {
    const product = await createProduct(server, { name: 'Limited Lamp', price: { amount: 9900, currency: 'EUR' }, stock: STOCK });
    const shoppers = Array.from({ length: SHOPPERS }, () => new Shopper(server.url));
    // Every shopper has the product in the cart first (stock is only taken at checkout).
    for (let i = 0; i < SHOPPERS; i += 50) {
      const adds = await Promise.all(shoppers.slice(i, i + 50).map((s) => s.post('/api/cart/lines', { productId: product.id })));
      expect(adds.every((r) => r.status === 201)).toBe(true);
    }

    // Watch the stock in the database while the checkouts run.
    let watching = true;
    let lowest = Number.POSITIVE_INFINITY;
    let samples = 0;
    const watcher = (async () => {
      while (watching) {
        lowest = Math.min(lowest, await stockOf(server, product.id));
        samples += 1;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    const t0 = performance.now();
    const results = await Promise.all(
      shoppers.map(async (s) => {
        const start = performance.now();
        const res = await s.post('/api/checkout', {}, { 'idempotency-key': newKey() });
        return { res, ms: performance.now() - start };
      }),
    );
    const wall = performance.now() - t0;
    watching = false;
    await watcher;

    const statuses = new Map<number, number>();
    for (const { res } of results) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `[concurrency] ${store}: ${SHOPPERS} parallel checkouts for ${STOCK} units in ${Math.round(wall)} ms ` +
        `(latency p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms, ` +
        `max ${Math.round(latencies.at(-1)!)} ms); statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `lowest stock seen ${lowest} over ${samples} samples`,
    );

    const won = results.filter((r) => r.res.status === 201);
    const lost = results.filter((r) => r.res.status === 409);
    expect(won).toHaveLength(STOCK);
    expect(lost).toHaveLength(SHOPPERS - STOCK);
    for (const { res } of won) expect(res.body).toMatchObject({ status: 'paid', total: { amount: 9900 } });
    for (const { res } of lost) {
      expect(res.body.error.code).toBe('OUT_OF_STOCK');
      expect(res.body.error.details.lines).toEqual([{ productId: product.id, name: 'Limited Lamp', requested: 1, available: 0 }]);
    }

    expect(await stockOf(server, product.id)).toBe(0);
    expect(lowest).toBeGreaterThanOrEqual(0);
    const db = server.db.kysely;
    const orders = await db
      .selectFrom('orders')
      .innerJoin('order_lines', 'order_lines.order_id', 'orders.id')
      .select(['orders.id', 'orders.status', 'orders.shopper_id'])
      .where('order_lines.product_id', '=', product.id)
      .execute();
    expect(orders).toHaveLength(STOCK);
    expect(orders.every((o) => o.status === 'paid')).toBe(true);
    expect(new Set(orders.map((o) => o.shopper_id)).size).toBe(STOCK);
    const sold = await db.selectFrom('order_lines').select((eb) => eb.fn.sum<number>('quantity').as('n')).where('product_id', '=', product.id).executeTakeFirstOrThrow();
    expect(Number(sold.n)).toBe(STOCK);
    // Winners' carts are empty; losers keep theirs to try something else.
    const { n: cartLines } = (await db.selectFrom('cart_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('product_id', '=', product.id).executeTakeFirstOrThrow()) as { n: number };
    expect(Number(cartLines)).toBe(SHOPPERS - STOCK);
  });
  it('keeps paid units plus stock equal to the starting stock when half of 100 parallel payments are declined', async () => {
    const product = await createProduct(server, { name: 'Flaky Card Lamp', price: { amount: 5000, currency: 'EUR' }, stock: STOCK });
    const shoppers = Array.from({ length: 100 }, () => new Shopper(server.url));
    for (let i = 0; i < shoppers.length; i += 50) {
      await Promise.all(shoppers.slice(i, i + 50).map((s) => s.post('/api/cart/lines', { productId: product.id })));
    }
    const t0 = performance.now();
    const results = await Promise.all(
      shoppers.map((s, i) => s.post('/api/checkout', { paymentToken: i % 2 ? 'tok_declined' : 'tok_visa' }, { 'idempotency-key': newKey() })),
    );
    const counts = { paid: 0, declined: 0, outOfStock: 0 };
    for (const r of results) {
      if (r.status === 201) counts.paid += 1;
      else if (r.status === 402) counts.declined += 1;
      else if (r.status === 409 && r.body.error.code === 'OUT_OF_STOCK') counts.outOfStock += 1;
      else throw new Error(`unexpected answer ${r.status} ${JSON.stringify(r.body)}`);
    }
    console.log(`[concurrency] ${store}: 100 checkouts, half declined, for ${STOCK} units in ${Math.round(performance.now() - t0)} ms: ${JSON.stringify(counts)}`);
    // Declined units go back to stock, so a later shopper may still buy them: never more than STOCK are sold.
    expect(counts.paid).toBeGreaterThanOrEqual(1);
    expect(counts.paid).toBeLessThanOrEqual(STOCK);
    expect(counts.declined).toBeGreaterThanOrEqual(1);
    const db = server.db.kysely;
    const paid = await db.selectFrom('orders').innerJoin('order_lines', 'order_lines.order_id', 'orders.id').select('orders.id').where('order_lines.product_id', '=', product.id).where('orders.status', '=', 'paid').execute();
    expect(paid).toHaveLength(counts.paid);
    expect(await stockOf(server, product.id)).toBe(STOCK - counts.paid);
    const failed = await db.selectFrom('orders').innerJoin('order_lines', 'order_lines.order_id', 'orders.id').select('orders.id').where('order_lines.product_id', '=', product.id).where('orders.status', '=', 'failed').execute();
    expect(failed).toHaveLength(counts.declined);
  });
});
