/**
 * Orders left pending by a crash or a lost provider answer are settled from the provider's record:
 * paid if the charge went through, otherwise the payment is voided (so a late charge cannot land)
 * and the order fails with its stock and cart lines given back.
 */
import type { RouteContext } from '../http/context.js';
import { getOrder, settleOrder } from '../store/orders.js';

export interface RecoveryOutcome {
  paid: number;
  failed: number;
  /** Orders the provider could not be asked about this time (retried on the next pass). */
  skipped: number;
}

/** Settles every order pending for longer than `olderThanMs`. */
export async function recoverStaleOrders(ctx: RouteContext, olderThanMs: number): Promise<RecoveryOutcome> {
  const { db, payments, events } = ctx;
  const cutoff = new Date(ctx.now().getTime() - olderThanMs);
  const stale = await db
    .selectFrom('orders')
    .select(['id', 'shopper_id'])
    .where('status', '=', 'pending')
    .where('updated_at', '<', cutoff)
    .orderBy('updated_at')
    .limit(500)
    .execute();
  const out: RecoveryOutcome = { paid: 0, failed: 0, skipped: 0 };
  for (const { id, shopper_id } of stale) {
    const result = await payments.void(id).catch(() => undefined);
    if (!result) {
      out.skipped += 1;
      continue;
    }
    if (!(await settleOrder(db, id, result))) continue;
    const order = (await getOrder(db, id))!;
    ctx.metrics?.recovery.inc({ result: result.status });
    if (result.status === 'paid') {
      out.paid += 1;
      events.emit('order:paid', { id, sessionId: order.sessionId ?? null, totalMinor: order.total.amount, currency: order.total.currency, shopperId: shopper_id });
    } else {
      out.failed += 1;
      events.emit('stock:changed', order.lines.map((l) => l.productId));
    }
  }
  return out;
}

/** Runs recovery now and then every `everyMs`; the returned stop waits for a pass under way. */
export function startRecovery(
  ctx: RouteContext,
  options: { everyMs: number; olderThanMs: number; log: { info(o: object, m: string): void; error(o: object, m: string): void } },
): () => Promise<void> {
  let current: Promise<void> | undefined;
  const pass = (): void => {
    if (current) return;
    current = recoverStaleOrders(ctx, options.olderThanMs)
      .then((r) => {
        if (r.paid || r.failed || r.skipped) options.log.info({ recovery: r }, 'pending orders recovered');
      })
      .catch((err: unknown) => options.log.error({ err }, 'order recovery failed'))
      .finally(() => {
        current = undefined;
      });
  };
  pass();
  const timer = setInterval(pass, options.everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}
