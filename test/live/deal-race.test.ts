/**
 * 500 viewers race for a 20-unit flash deal: exactly 20 win, the rest get SOLD_OUT, stock never
 * goes below zero; a winner checks out at the deal price without taking stock twice; an
 * unpaid reservation gives its unit back when it expires.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Shopper } from '../support/http.js';
import type { TestServer } from '../support/server.js';
import { createProduct, createSession, LiveClient, startLiveServer } from './helpers.js';

const VIEWERS = 500;
const UNITS = 20;
let srv: TestServer;
let host: LiveClient;
let viewers: LiveClient[] = [];
let productId: string;
let sessionId: string;

beforeAll(async () => {
  // 500 viewers from one loopback address: the per-address join limit is not under test here.
  srv = await startLiveServer({ store: 'postgres', live: { sweepMs: 200 }, config: { liveLimits: { join: { points: 10_000 } } } });
  productId = await createProduct(srv.url, srv.merchantToken, { name: 'Limited Watch', stock: UNITS, price: { amount: 20_000, currency: 'EUR' } });
  const s = await createSession(srv.url, srv.merchantToken);
  sessionId = s.session.id;
  host = await LiveClient.open(srv.url);
  await host.ok('session:join', { v: 1, sessionId, name: 'Host', hostKey: s.hostKey });
  // Open in batches so the handshake backlog stays small on two cores.
  for (let i = 0; i < VIEWERS; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, VIEWERS - i) }, () => LiveClient.open(srv.url)));
    await Promise.all(batch.map((c, j) => c.ok('session:join', { v: 1, sessionId, name: `Viewer ${i + j}` })));
    viewers.push(...batch);
  }
}, 120_000);

afterAll(async () => {
  for (const c of viewers) c.close();
  host?.close();
  await srv?.close();
});

describe('a flash deal race', () => {
  it('exactly 20 of 500 simultaneous adds win, the rest are SOLD_OUT, stock ends at 0 and never below', async () => {
    const deal = await host.ok('deal:start', { productId, priceMinor: 9_900, durationSeconds: 120, quantity: UNITS, perViewer: 1 });
    const t0 = performance.now();
    const acks = await Promise.all(viewers.map((v) => v.emit('cart:add', { productId, dealId: deal.deal.id })));
    console.log(`500 deal adds answered in ${Math.round(performance.now() - t0)} ms`);
    const won = acks.filter((x) => x.ok);
    const codes = acks.filter((x) => !x.ok).map((x) => (x.ok ? '' : x.error.code));
    expect(won).toHaveLength(UNITS);
    expect(codes).toHaveLength(VIEWERS - UNITS);
    expect(new Set(codes)).toEqual(new Set(['SOLD_OUT']));
    const product = await new Shopper(srv.url).get(`/api/products/${productId}`);
    expect(product.body.stock).toBe(0);
    const row = await srv.db.kysely.selectFrom('live_deals').select(['remaining']).where('id', '=', deal.deal.id).executeTakeFirstOrThrow();
    expect(row.remaining).toBe(0);
    const held = await srv.db.kysely.selectFrom('live_reservations').select(sql<number>`sum(held)::int`.as('n')).executeTakeFirstOrThrow();
    expect(held.n).toBe(UNITS);
    // Every stock change any viewer saw is within 0..20.
    const seen = viewers[0]!.events.filter((e) => e.type === 'stock:changed').map((e) => (e.type === 'stock:changed' ? e.stock : -1));
    expect(seen.every((s) => s >= 0 && s <= UNITS)).toBe(true);
  });

  it('a winner checks out at the deal price and the reserved unit is not taken from stock a second time', async () => {
    const winners = [];
    for (const v of viewers) {
      const cart = await v.shopper.get('/api/cart');
      if (cart.body.itemCount === 1) winners.push({ v, cart: cart.body });
      if (winners.length === 2) break;
    }
    expect(winners).toHaveLength(2);
    const [first, second] = winners;
    expect(first!.cart.lines[0]).toMatchObject({ productId, unitPrice: { amount: 9_900 } });
    const order = await first!.v.shopper.post('/api/checkout', { sessionId }, { 'idempotency-key': 'race-winner-1' });
    expect(order.status).toBe(201);
    expect(order.body.total.amount).toBe(9_900);
    expect((await new Shopper(srv.url).get(`/api/products/${productId}`)).body.stock).toBe(0);
    // A shopper outside the deal cannot buy a reserved unit.
    const outsider = new Shopper(srv.url);
    expect((await outsider.post('/api/cart/lines', { productId })).status).toBe(409);

    // The second winner never pays: once the reservation expires its unit returns to stock and everyone is told.
    const shopperId = (await second!.v.shopper.get('/api/me')).body.shopperId as string;
    const mark = host.events.length;
    await srv.db.kysely.updateTable('live_reservations').set({ expires_at: new Date(Date.now() - 1000) }).where('shopper_id', '=', shopperId).execute();
    await host.until(() => host.events.slice(mark).some((e) => e.type === 'stock:changed' && e.stock === 1), 5000, 'released unit');
    expect((await new Shopper(srv.url).get(`/api/products/${productId}`)).body.stock).toBe(1);
    const cart = await second!.v.shopper.get('/api/cart');
    expect(cart.body.lines[0].unitPrice.amount).toBe(20_000);
  });
});
