/** GET /metrics: Prometheus text with route-level latency, sockets, live events, checkout outcomes and Node's own figures, behind the merchant token. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, createSession, LiveClient, startLiveServer } from '../live/helpers.js';
import { Shopper } from '../support/http.js';
import type { TestServer } from '../support/server.js';

const TOKEN = 'merchant-test-token';
let server: TestServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server?.close());

const scrape = async () => (await new Shopper(server.url, TOKEN).get('/metrics')).body as string;
const value = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ')[1]) : Number.NaN;
};

describe('metrics', () => {
  it('are refused without the merchant token', async () => {
    expect((await new Shopper(server.url).get('/metrics')).status).toBe(401);
  });

  it('count checkouts by outcome, live events by type, open sockets, and time requests by route pattern', async () => {
    const productId = await createProduct(server.url, TOKEN, { stock: 5 });
    for (const token of ['tok_visa', 'tok_declined']) {
      const s = new Shopper(server.url);
      await s.post('/api/cart/lines', { productId, quantity: 1 });
      await s.post('/api/checkout', { paymentToken: token }, { 'idempotency-key': `key_${crypto.randomUUID()}` });
    }
    await new Shopper(server.url).get(`/api/products/${productId}`);
    const { session, hostKey } = await createSession(server.url, TOKEN);
    const host = await LiveClient.open(server.url);
    try {
      await host.ok('session:join', { v: 1, sessionId: session.id, name: 'Host', hostKey });
      await host.ok('product:push', { productId });
      const text = await scrape();
      expect(value(text, 'shopsee_checkouts_total{outcome="paid"}')).toBe(1);
      expect(value(text, 'shopsee_checkouts_total{outcome="failed"}')).toBe(1);
      expect(value(text, 'shopsee_live_events_total{type="product:pushed"}')).toBeGreaterThanOrEqual(1);
      expect(value(text, 'shopsee_socket_connections')).toBeGreaterThanOrEqual(1);
      // One series for every product page, whatever the id.
      expect(text).toContain('shopsee_http_request_duration_seconds_count{method="GET",route="/api/products/:id",status="200"}');
      expect(text).not.toContain(`route="/api/products/${productId}"`);
      expect(value(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    } finally {
      host.close();
    }
  });
});
