/** Payment providers behind one interface; the built-in test provider needs no network. */
import { randomUUID } from 'node:crypto';
import type { Money } from '../protocol/money.js';

export interface ChargeRequest {
  orderId: string;
  amount: Money;
  token: string;
}

export type ChargeResult = { status: 'paid'; ref: string } | { status: 'failed'; ref: string; reason: string };

export interface PaymentProvider {
  readonly name: string;
  charge(req: ChargeRequest): Promise<ChargeResult>;
}

/** Test tokens, as in the card networks' test modes: one pays, the others fail for a stated reason. */
export const TEST_TOKENS = {
  tok_visa: 'paid',
  tok_declined: 'Your card was declined.',
  tok_insufficient_funds: 'Your card has insufficient funds.',
} as const;

/** A provider that settles in memory: `tok_visa` pays, every other token fails with a reason. */
export function testPaymentProvider(opts: { latencyMs?: number } = {}): PaymentProvider {
  return {
    name: 'test',
    async charge(req) {
      if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
      const ref = `test_${randomUUID()}`;
      if (req.token === 'tok_visa') return { status: 'paid', ref };
      const reason = (TEST_TOKENS as Record<string, string>)[req.token] ?? `Unknown test payment token "${req.token}".`;
      return { status: 'failed', ref, reason };
    },
  };
}
