/** The merchant cancels an order while its payment is still going through, on both stores. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PaymentProvider, testPaymentProvider } from '../../server/domain/payments.js';
import { Shopper } from '../support/http.js';
import { STORES, startTestServer, type TestServer } from '../support/server.js';
import { createProduct, merchantOf, newKey, stockOf } from './helpers.js';

describe.each(STORES)('cancelling during payment on %s', (store) => {
  let server: TestServer;
  // The built-in test provider behind a gate the test opens, so the charge is in flight for as long
  // as the test needs, however slow the machine is.
  let gate: Promise<void> = Promise.resolve();
  let openGate = () => {};
  const inner = testPaymentProvider();
  const gated: PaymentProvider = {
    name: 'gated-test',
    async charge(req) {
      await gate;
      return inner.charge(req);
    },
    lookup: (orderId) => inner.lookup(orderId),
    void: (orderId) => inner.void(orderId),
  };

  beforeAll(async () => {
    server = await startTestServer({ store, deps: { payments: gated } });
  });
  afterAll(() => {
    openGate(); // never leave a charge hanging, or closing the server would wait for it
    return server?.close();
  });

  async function pendingOrderOf(shopper: Shopper): Promise<{ id: string }> {
    for (let i = 0; i < 500; i++) {
      const list = await shopper.get('/api/orders');
      const pending = list.body.items.find((o: { status: string }) => o.status === 'pending');
      if (pending) return pending;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the order never showed up as pending');
  }

  it.each(['tok_visa', 'tok_declined'])(
    'keeps the order cancelled, restocks once and tells the shopper when payment %s settles after the cancel',
    async (paymentToken) => {
      const product = await createProduct(server, { name: `Race ${paymentToken}`, stock: 5 });
      const shopper = new Shopper(server.url);
      await shopper.post('/api/cart/lines', { productId: product.id, quantity: 2 });
      gate = new Promise((resolve) => (openGate = resolve));
      const checkout = shopper.post('/api/checkout', { paymentToken }, { 'idempotency-key': newKey() });
      const pending = await pendingOrderOf(shopper);
      expect(await stockOf(server, product.id)).toBe(3);

      const cancel = await merchantOf(server).patch(`/api/merchant/orders/${pending.id}`, { status: 'cancelled' });
      expect(cancel.status).toBe(200);
      openGate();
      const res = await checkout;

      // The shopper is not told the order went through, and no stock is given back twice.
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.error.code).toBe('CONFLICT');
      expect(res.body.error.details.order).toMatchObject({ id: pending.id, status: 'cancelled' });
      expect(await stockOf(server, product.id)).toBe(5);
      const row = await server.db.kysely.selectFrom('orders').select(['status', 'payment_ref']).where('id', '=', pending.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('cancelled');
      // A charge that went through keeps its reference, so the merchant can refund it.
      if (paymentToken === 'tok_visa') expect(row.payment_ref).toMatch(/^test_/);
      else expect(row.payment_ref).toBe(null);
    },
  );
});
