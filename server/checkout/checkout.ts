/**
 * Checkout from cart to settled order: place the order (stock taken, cart consumed, one
 * transaction), charge it (idempotent per order), record the outcome. A retry with the same
 * Idempotency-Key resumes a pending order instead of answering "pending" forever: the provider
 * charges an order at most once. Fault points let tests kill the process between the steps.
 */
import type { RouteContext } from '../http/context.js';
import type { ChargeResult } from '../domain/payments.js';
import type { Order } from '../protocol/api.js';
import { hasJoined } from '../live/store.js';
import { getOrder, placeOrder, settleOrder } from '../store/orders.js';

/** Places between the steps where a crash is most costly; tests inject a kill -9 there. */
export const FAULT_POINTS = ['after-order-insert', 'after-charge', 'before-status-update'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];
export type CheckoutFaults = Partial<Record<FaultPoint, () => void | Promise<void>>>;

export type CheckoutResult =
  /** The order was settled earlier (a retry of a finished attempt). */
  | { kind: 'existing'; order: Order }
  | { kind: 'paid'; order: Order }
  | { kind: 'failed'; order: Order; reason: string }
  /** The merchant cancelled while the charge was in flight. */
  | { kind: 'cancelled'; order: Order; charged: boolean }
  /** The provider could not be asked: the order stays pending and recovery settles it. */
  | { kind: 'pending'; order: Order };

export interface CheckoutArgs {
  shopperId: string;
  idempotencyKey: string;
  paymentToken: string;
  sessionId?: string;
}

/** Runs one checkout attempt to a definite answer where the provider can give one. */
export async function checkout(ctx: RouteContext, args: CheckoutArgs, faults: CheckoutFaults = {}): Promise<CheckoutResult> {
  const { db, events, config } = ctx;
  // An order counts for a live session only if this shopper joined it (any id used to count).
  const sessionId = args.sessionId && (await hasJoined(db, args.sessionId, args.shopperId)) ? args.sessionId : undefined;
  const { order, created } = await placeOrder(db, {
    shopperId: args.shopperId,
    idempotencyKey: args.idempotencyKey,
    currency: config.currency,
    ...(sessionId ? { sessionId } : {}),
  });
  if (created) {
    events.emit('stock:changed', order.lines.map((l) => l.productId));
    await faults['after-order-insert']?.();
  }
  if (order.status !== 'pending') return { kind: 'existing', order };
  return chargeAndSettle(ctx, order, args, faults);
}

async function chargeAndSettle(ctx: RouteContext, order: Order, args: CheckoutArgs, faults: CheckoutFaults): Promise<CheckoutResult> {
  const { db, payments, events } = ctx;
  let result: ChargeResult | undefined;
  try {
    result = await payments.charge({ orderId: order.id, amount: order.total, token: args.paymentToken });
  } catch {
    // The provider may or may not have charged: ask it rather than guess.
    result = await payments.lookup(order.id).catch(() => undefined);
    if (!result) return { kind: 'pending', order: (await getOrder(db, order.id, args.shopperId))! };
  }
  await faults['after-charge']?.();
  const applied = await settleOrder(db, order.id, result, { beforeUpdate: faults['before-status-update'] });
  const settled = (await getOrder(db, order.id, args.shopperId))!;
  if (!applied) {
    // Settled by someone else meanwhile: a concurrent retry (same answer) or the merchant's cancel.
    if (settled.status === 'cancelled') return { kind: 'cancelled', order: settled, charged: result.status === 'paid' };
    return { kind: 'existing', order: settled };
  }
  if (result.status === 'failed') {
    events.emit('stock:changed', order.lines.map((l) => l.productId));
    return { kind: 'failed', order: settled, reason: result.reason };
  }
  events.emit('order:paid', { id: order.id, sessionId: settled.sessionId ?? null, totalMinor: settled.total.amount, currency: settled.total.currency, shopperId: args.shopperId });
  return { kind: 'paid', order: settled };
}
