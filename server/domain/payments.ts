/**
 * Payment providers behind one interface; the built-in test provider needs no network. A charge is
 * idempotent per order (as real providers do with an idempotency key): charging an order again
 * answers its first result, so a retried or resumed checkout can never charge twice, and `lookup`
 * tells a server that crashed mid-checkout what happened to an order's charge.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Money } from '../protocol/money.js';
import type { Database } from '../store/schema.js';

export interface ChargeRequest {
  orderId: string;
  amount: Money;
  token: string;
}

export type ChargeResult = { status: 'paid'; ref: string } | { status: 'failed'; ref: string; reason: string };

export interface PaymentProvider {
  readonly name: string;
  /** Charges an order once; a second call for the same order answers the first result. */
  charge(req: ChargeRequest): Promise<ChargeResult>;
  /** The charge made for an order, or undefined when none was made. */
  lookup(orderId: string): Promise<ChargeResult | undefined>;
  /** Voids an order's payment unless it went through: answers what stands (a later charge answers it too). */
  void(orderId: string): Promise<ChargeResult>;
}

/** Why a voided order did not pay. */
export const INTERRUPTED = 'The checkout was interrupted before the payment went through; nothing was charged.';

/** Test tokens, as in the card networks' test modes: one pays, the others fail for a stated reason. */
export const TEST_TOKENS = {
  tok_visa: 'paid',
  tok_declined: 'Your card was declined.',
  tok_insufficient_funds: 'Your card has insufficient funds.',
} as const;

/** Where the test provider keeps its charges: first write per order wins. */
export interface ChargeLedger {
  get(orderId: string): Promise<ChargeResult | undefined>;
  /** Stores the result unless the order has one; returns what is stored. */
  putIfAbsent(orderId: string, result: ChargeResult): Promise<ChargeResult>;
}

/** A ledger in memory (one process; unit tests). */
export function memoryLedger(): ChargeLedger {
  const charges = new Map<string, ChargeResult>();
  return {
    get: async (orderId) => charges.get(orderId),
    async putIfAbsent(orderId, result) {
      if (!charges.has(orderId)) charges.set(orderId, result);
      return charges.get(orderId)!;
    },
  };
}

/** A ledger in the shop's database, shared by every process and kept across crashes. */
export function databaseLedger(db: Kysely<Database>): ChargeLedger {
  const get = async (orderId: string): Promise<ChargeResult | undefined> => {
    const row = await db.selectFrom('test_charges').selectAll().where('order_id', '=', orderId).executeTakeFirst();
    if (!row) return undefined;
    return row.status === 'paid' ? { status: 'paid', ref: row.ref } : { status: 'failed', ref: row.ref, reason: row.reason ?? 'The payment failed.' };
  };
  return {
    get,
    async putIfAbsent(orderId, result) {
      await db
        .insertInto('test_charges')
        .values({ order_id: orderId, status: result.status, ref: result.ref, reason: result.status === 'failed' ? result.reason : null })
        .onConflict((oc) => oc.column('order_id').doNothing())
        .execute();
      return (await get(orderId))!;
    },
  };
}

/** A provider that settles locally: `tok_visa` pays, every other token fails with a reason. */
export function testPaymentProvider(opts: { latencyMs?: number; ledger?: ChargeLedger } = {}): PaymentProvider {
  const ledger = opts.ledger ?? memoryLedger();
  return {
    name: 'test',
    async charge(req) {
      const done = await ledger.get(req.orderId);
      if (done) return done;
      if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
      const ref = `test_${randomUUID()}`;
      const reason = (TEST_TOKENS as Record<string, string>)[req.token] ?? `Unknown test payment token "${req.token}".`;
      return ledger.putIfAbsent(req.orderId, req.token === 'tok_visa' ? { status: 'paid', ref } : { status: 'failed', ref, reason });
    },
    lookup: (orderId) => ledger.get(orderId),
    void: (orderId) => ledger.putIfAbsent(orderId, { status: 'failed', ref: `void_${randomUUID()}`, reason: INTERRUPTED }),
  };
}
