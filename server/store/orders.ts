/** Order storage: checkout in one transaction (stock, order, cart), payment outcome, listings. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import { AppError } from '../protocol/errors.js';
import type { Order, OrderStatus } from '../protocol/api.js';
import { cartHash } from '../domain/cart.js';
import type { Database, OrdersTable } from './schema.js';
import { readCartLines } from './carts.js';
import { consumeReservations } from './reservations.js';

type OrderRow = Selectable<OrdersTable>;

/** Largest order total in minor units: the orders.total_minor column is a 32-bit integer. */
export const MAX_ORDER_TOTAL_MINOR = 2 ** 31 - 1;

export interface OutOfStockLine {
  productId: string;
  name: string;
  requested: number;
  available: number;
}

async function loadOrders(db: Kysely<Database>, rows: OrderRow[], withShopper: boolean): Promise<Order[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('order_lines')
    .selectAll()
    .where(
      'order_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('order_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const currency = r.currency.trim();
    return {
      id: r.id,
      status: r.status as OrderStatus,
      lines: lines
        .filter((l) => l.order_id === r.id)
        .map((l) => ({
          productId: l.product_id,
          variant: l.variant,
          name: l.name,
          quantity: l.quantity,
          unitPrice: { amount: l.unit_price_minor, currency },
          lineTotal: { amount: l.unit_price_minor * l.quantity, currency },
        })),
      total: { amount: r.total_minor, currency },
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
      paymentRef: r.payment_ref,
      sessionId: r.session_id,
      ...(withShopper ? { shopperId: r.shopper_id } : {}),
    };
  });
}

export async function getOrder(db: Kysely<Database>, id: string, shopperId?: string): Promise<Order | undefined> {
  let q = db.selectFrom('orders').selectAll().where('id', '=', id);
  if (shopperId) q = q.where('shopper_id', '=', shopperId);
  const row = await q.executeTakeFirst();
  return row ? (await loadOrders(db, [row], !shopperId))[0] : undefined;
}

export async function listOrders(
  db: Kysely<Database>,
  f: { shopperId?: string; status?: OrderStatus; limit: number; offset: number },
): Promise<{ items: Order[]; total: number }> {
  let q = db.selectFrom('orders');
  if (f.shopperId) q = q.where('shopper_id', '=', f.shopperId);
  if (f.status) q = q.where('status', '=', f.status);
  const { total } = (await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()) as {
    total: number;
  };
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { items: await loadOrders(db, rows, !f.shopperId), total: Number(total) };
}

export type CheckoutOutcome = { order: Order; created: boolean };

/**
 * Turns the shopper's cart into a pending order in one transaction: stock is taken with
 * conditional updates (never below zero), the cart is emptied. A repeated idempotency key
 * returns the first order; the same key with a different cart is refused.
 */
export async function placeOrder(
  db: Kysely<Database>,
  args: { shopperId: string; idempotencyKey: string; currency: string; sessionId?: string },
): Promise<CheckoutOutcome> {
  try {
    return await db.transaction().execute((trx) => placeOrderTx(trx, args));
  } catch (err) {
    // Two requests with one key raced: the loser finds the winner's order. The loser may also
    // fail on stock the winner just took (the last unit), so look for the winner then too.
    if (isUniqueViolation(err) || (err instanceof AppError && err.code === 'OUT_OF_STOCK')) {
      const existing = await findByKey(db, args.shopperId, args.idempotencyKey);
      if (existing) return { order: (await getOrder(db, existing.id, args.shopperId))!, created: false };
    }
    throw err;
  }
}

async function findByKey(db: Kysely<Database>, shopperId: string, key: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'cart_hash'])
    .where('shopper_id', '=', shopperId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

async function placeOrderTx(
  trx: Transaction<Database>,
  args: { shopperId: string; idempotencyKey: string; currency: string; sessionId?: string },
): Promise<CheckoutOutcome> {
  // One cart, one order: lock the shopper's cart lines first. A checkout from another tab (another
  // key) waits here, then finds the lines gone with the first order and stops at CART_EMPTY.
  await trx.selectFrom('cart_lines').select('id').where('shopper_id', '=', args.shopperId).forUpdate().execute();
  const lines = await readCartLines(trx, args.shopperId);
  const hash = cartHash(lines);
  const existing = await findByKey(trx, args.shopperId, args.idempotencyKey);
  if (existing) {
    if (lines.length > 0 && existing.cart_hash !== hash) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This checkout key was already used for a different cart. Start a new checkout.',
      );
    }
    return { order: (await getOrder(trx, existing.id, args.shopperId))!, created: false };
  }
  if (lines.length === 0) {
    const recent = await trx
      .selectFrom('orders')
      .select(['id'])
      .where('shopper_id', '=', args.shopperId)
      .where('created_at', '>', new Date(Date.now() - 5 * 60_000))
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (recent) throw new AppError('CART_EMPTY', `Your cart is empty: it was just ordered (order ${recent.id}), perhaps from another tab.`, { orderId: recent.id });
    throw new AppError('CART_EMPTY', 'Your cart is empty.');
  }
  const foreign = lines.find((l) => l.currency !== args.currency);
  if (foreign) {
    throw new AppError('UNSUPPORTED_CURRENCY', `"${foreign.name}" is priced in ${foreign.currency}; this shop sells in ${args.currency}.`);
  }
  // orders.total_minor is a 32-bit integer: a bigger total failed the insert with a 500.
  if (lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0) > MAX_ORDER_TOTAL_MINOR) {
    throw new AppError('LIMIT_REACHED', 'This order is larger than one order can be; split it into smaller orders.', {
      maxTotalMinor: MAX_ORDER_TOTAL_MINOR,
    });
  }

  // Take stock per product (variants of one product share its stock), in id order so
  // concurrent checkouts lock rows in the same order and cannot deadlock.
  const wanted = new Map<string, { name: string; qty: number }>();
  for (const l of lines) {
    const w = wanted.get(l.productId) ?? { name: l.name, qty: 0 };
    w.qty += l.quantity;
    wanted.set(l.productId, w);
  }
  // Units a live flash deal reserved for this shopper were taken from stock already.
  const covered = await consumeReservations(trx, args.shopperId, wanted);
  const short: OutOfStockLine[] = [];
  for (const productId of [...wanted.keys()].sort()) {
    const w = wanted.get(productId)!;
    const need = w.qty - (covered.get(productId) ?? 0);
    if (need === 0) continue;
    const res = await trx
      .updateTable('products')
      .set({ stock: sql`stock - ${need}` })
      .where('id', '=', productId)
      .where('stock', '>=', need)
      .returning('stock')
      .executeTakeFirst();
    if (!res) {
      const row = await trx.selectFrom('products').select('stock').where('id', '=', productId).executeTakeFirst();
      short.push({ productId, name: w.name, requested: w.qty, available: row?.stock ?? 0 });
    }
  }
  if (short.length > 0) {
    const names = short.map((s) => `${s.name} (${s.available} left)`).join(', ');
    throw new AppError('OUT_OF_STOCK', `Not enough stock for: ${names}.`, { lines: short });
  }

  const id = `ord_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const total = lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0);
  await trx
    .insertInto('orders')
    .values({
      id,
      shopper_id: args.shopperId,
      status: 'pending',
      total_minor: total,
      currency: args.currency,
      idempotency_key: args.idempotencyKey,
      cart_hash: hash,
      session_id: args.sessionId ?? null,
    })
    .execute();
  await trx
    .insertInto('order_lines')
    .values(
      lines.map((l, i) => ({
        order_id: id,
        position: i,
        product_id: l.productId,
        variant: l.variant,
        name: l.name,
        unit_price_minor: l.unitPriceMinor,
        quantity: l.quantity,
      })),
    )
    .execute();
  await trx.deleteFrom('cart_lines').where('shopper_id', '=', args.shopperId).execute();
  return { order: (await getOrder(trx, id))!, created: true };
}

/**
 * Records the payment outcome. A failed payment gives the stock back and the lines back to the cart.
 * Returns false when the order was no longer pending (the merchant cancelled it during the charge).
 */
export async function settleOrder(
  db: Kysely<Database>,
  orderId: string,
  outcome: { status: 'paid' | 'failed'; ref: string },
  options: { beforeUpdate?: (() => void | Promise<void>) | undefined } = {},
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await options.beforeUpdate?.();
    const res = await trx
      .updateTable('orders')
      .set({ status: outcome.status, payment_ref: outcome.ref, updated_at: new Date() })
      .where('id', '=', orderId)
      .where('status', '=', 'pending')
      .returning(['shopper_id'])
      .executeTakeFirst();
    if (!res) {
      // Cancelled while the charge was in flight (the cancel restocked): keep a charge's reference for the refund.
      if (outcome.status === 'paid') {
        await trx.updateTable('orders').set({ payment_ref: outcome.ref }).where('id', '=', orderId).where('payment_ref', 'is', null).execute();
      }
      return false;
    }
    if (outcome.status === 'paid') return true;
    await restock(trx, orderId);
    const lines = await trx.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).execute();
    for (const l of lines) {
      await trx
        .insertInto('cart_lines')
        .values({ shopper_id: res.shopper_id, product_id: l.product_id, variant: l.variant, quantity: l.quantity })
        .onConflict((oc) => oc.constraint('cart_lines_unique').doNothing())
        .execute();
    }
    return true;
  });
}

async function restock(trx: Transaction<Database>, orderId: string): Promise<void> {
  const lines = await trx.selectFrom('order_lines').select(['product_id', 'quantity']).where('order_id', '=', orderId).execute();
  for (const l of lines) {
    await trx
      .updateTable('products')
      .set({ stock: sql`stock + ${l.quantity}` })
      .where('id', '=', l.product_id)
      .execute();
  }
}

const TRANSITIONS: Record<string, OrderStatus[]> = {
  pending: ['cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: [],
  failed: [],
  cancelled: [],
};

/** Merchant status change; cancelling gives the stock back. */
export async function setOrderStatus(db: Kysely<Database>, orderId: string, status: 'shipped' | 'cancelled') {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('orders').select('status').where('id', '=', orderId).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `No order ${orderId}.`);
    if (!TRANSITIONS[row.status]?.includes(status)) {
      throw new AppError('CONFLICT', `An order that is ${row.status} cannot become ${status}.`);
    }
    await trx.updateTable('orders').set({ status, updated_at: new Date() }).where('id', '=', orderId).execute();
    if (status === 'cancelled') await restock(trx, orderId);
  });
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}
