/** The built-in test payment provider: the card-network test tokens and their outcomes. */
import { describe, expect, it } from 'vitest';
import { TEST_TOKENS, testPaymentProvider } from '../../server/domain/payments.js';

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
    const res = await provider.charge({ orderId: 'ord_1', amount, token });
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

  it('gives every charge its own reference', async () => {
    const refs = await Promise.all(Array.from({ length: 50 }, () => provider.charge({ orderId: 'ord_1', amount, token: 'tok_visa' })));
    expect(new Set(refs.map((r) => r.ref)).size).toBe(50);
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
