/** The built-in test payment provider: the card-network test tokens and their outcomes. */
import { describe, expect, it } from 'vitest';
import { INTERRUPTED, TEST_TOKENS, testPaymentProvider } from '../../server/domain/payments.js';

const amount = { amount: 12900, currency: 'EUR' };

describe('testPaymentProvider', () => {
  const provider = testPaymentProvider();

  it('is named "test"', () => {
    expect(provider.name).toBe('test');
  });

  it.each([
    ['tok_visa', 'paid', undefined],
    ['tok_declined', 'failed', 'Your card was declined.'],
    ['tok_insufficient_funds', 'failed', 'Your card has insufficient funds.'],
    ['tok_unknown', 'failed', 'Unknown test payment token "tok_unknown".'],
    ['', 'failed', 'Unknown test payment token "".'],
  ])('answers token %j with %s', async (token, status, reason) => {
    // One order per token: a charge is idempotent per order.
    const res = await provider.charge({ orderId: `ord_token_${token}`, amount, token });
    expect(res.status).toBe(status);
    expect(res.ref).toMatch(/^test_[0-9a-f-]{36}$/);
    if (res.status === 'failed') expect(res.reason).toBe(reason);
  });

  it('lists a failure reason for every test token except the one that pays', () => {
    for (const [token, outcome] of Object.entries(TEST_TOKENS)) {
      if (token === 'tok_visa') expect(outcome).toBe('paid');
      else expect(outcome).toMatch(/^Your card .+\.$/);
    }
  });

  it('gives every order its own charge reference', async () => {
    const refs = await Promise.all(Array.from({ length: 50 }, (_, i) => provider.charge({ orderId: `ord_each_${i}`, amount, token: 'tok_visa' })));
    expect(new Set(refs.map((r) => r.ref)).size).toBe(50);
  });

  it('voids an order that was never charged, so a late charge of it fails; a paid order stays paid', async () => {
    const p = testPaymentProvider();
    const voided = await p.void('ord_void');
    expect(voided).toMatchObject({ status: 'failed', reason: INTERRUPTED });
    expect(await p.charge({ orderId: 'ord_void', amount, token: 'tok_visa' })).toEqual(voided);
    const paid = await p.charge({ orderId: 'ord_paid', amount, token: 'tok_visa' });
    expect(await p.void('ord_paid')).toEqual(paid);
  });

  it('charges an order once: concurrent and later charges of it answer the first result, and lookup finds it', async () => {
    const p = testPaymentProvider({ latencyMs: 20 });
    expect(await p.lookup('ord_once')).toBeUndefined();
    const results = await Promise.all([
      p.charge({ orderId: 'ord_once', amount, token: 'tok_visa' }),
      p.charge({ orderId: 'ord_once', amount, token: 'tok_declined' }),
      p.charge({ orderId: 'ord_once', amount, token: 'tok_visa' }),
    ]);
    expect(new Set(results.map((r) => r.ref)).size).toBe(1);
    expect(await p.charge({ orderId: 'ord_once', amount, token: 'tok_declined' })).toEqual(results[0]);
    expect(await p.lookup('ord_once')).toEqual(results[0]);
  });

  it('waits the configured latency before answering, like a real provider', async () => {
    const slow = testPaymentProvider({ latencyMs: 120 });
    const t0 = performance.now();
    await slow.charge({ orderId: 'ord_1', amount, token: 'tok_visa' });
    const ms = performance.now() - t0;
    // Timers may fire a little early or late; the point is that it waits, not the exact figure.
    expect(ms).toBeGreaterThanOrEqual(100);
    expect(ms).toBeLessThan(2000);
  });
});
