/**
 * Flash deal storage: deals and per-shopper reservations. Reserving takes units out of product
 * stock at once (so nobody else can buy them) inside one transaction with conditional updates;
 * checkout consumes the reservation, expiry gives the units back.
 */
import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { MAX_LINE_QUANTITY } from '../protocol/api.js';
import { AppError } from '../protocol/errors.js';
import type { DealView } from '../protocol/live.js';
import type { Database, LiveDealsTable } from '../store/schema.js';
import { inTransaction } from '../store/tx.js';
import { checkPerViewer, type DealInput, type DealWindow, requireDealOpen } from './deals.js';

type Db = Kysely<Database>;
export type DealRow = Selectable<LiveDealsTable>;

export function toDealView(d: DealRow, currency: string): DealView {
  return {
    id: d.id,
    productId: d.product_id,
    price: { amount: d.price_minor, currency },
    quantity: d.quantity,
    remaining: d.remaining,
    perViewer: d.per_viewer,
    startsAt: new Date(d.starts_at).toISOString(),
    endsAt: new Date(d.ends_at).toISOString(),
  };
}

export async function insertDeal(db: Db, sessionId: string, input: DealInput, w: DealWindow): Promise<DealRow> {
  return db
    .insertInto('live_deals')
    .values({
      id: `deal_${randomBytes(8).toString('hex')}`,
      session_id: sessionId,
      product_id: input.productId,
      price_minor: input.priceMinor,
      quantity: input.quantity,
      remaining: input.quantity,
      per_viewer: input.perViewer,
      starts_at: w.startsAt,
      ends_at: w.endsAt,
      reservation_expires_at: w.reservationExpiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The session's latest deal, running or not. */
export async function latestDeal(db: Db, sessionId: string): Promise<DealRow | undefined> {
  return db.selectFrom('live_deals').selectAll().where('session_id', '=', sessionId).orderBy('starts_at', 'desc').limit(1).executeTakeFirst();
}

export async function getDeal(db: Db, dealId: string): Promise<DealRow | undefined> {
  return db.selectFrom('live_deals').selectAll().where('id', '=', dealId).executeTakeFirst();
}

/**
 * Reserves `quantity` deal units for a shopper and puts them in the cart at the deal price,
 * all or nothing: LIMIT_REACHED past the per-viewer limit, SOLD_OUT when the deal or the
 * product has no units left, DEAL_EXPIRED outside the deal's window.
 */
export async function reserveDealUnits(
  db: Db,
  a: { dealId: string; sessionId: string; shopperId: string; productId: string; variant: string; quantity: number; now: Date },
): Promise<{ deal: DealRow; stock: number }> {
  // Cheap checks outside the transaction first: once sold out, the losing racers never queue
  // for the deal row's lock. The conditional updates below remain the arbiter.
  const deal = await getDeal(db, a.dealId);
  if (!deal || deal.session_id !== a.sessionId || deal.product_id !== a.productId) {
    throw new AppError('NOT_FOUND', 'No such flash deal for this product in this session.');
  }
  requireDealOpen({ startsAt: new Date(deal.starts_at), endsAt: new Date(deal.ends_at) }, a.now);
  if (deal.remaining < a.quantity) throw new AppError('SOLD_OUT', 'The flash deal is sold out.');
  return inTransaction(db, async (trx) => {
    // The deal row is the hot row every racer updates: the conditional decrement is the arbiter.
    const left = await trx
      .updateTable('live_deals')
      .set({ remaining: sql`remaining - ${a.quantity}` })
      .where('id', '=', a.dealId)
      .where('remaining', '>=', a.quantity)
      .returningAll()
      .executeTakeFirst();
    if (!left) throw new AppError('SOLD_OUT', 'The flash deal is sold out.');
    const mine = await trx
      .selectFrom('live_reservations')
      .select(['taken'])
      .where('deal_id', '=', a.dealId)
      .where('shopper_id', '=', a.shopperId)
      .forUpdate()
      .executeTakeFirst();
    checkPerViewer(mine?.taken ?? 0, a.quantity, deal.per_viewer);
    const stock = await trx
      .updateTable('products')
      .set({ stock: sql`stock - ${a.quantity}` })
      .where('id', '=', a.productId)
      .where('stock', '>=', a.quantity)
      .returning('stock')
      .executeTakeFirst();
    if (!stock) throw new AppError('SOLD_OUT', 'The product is sold out.');
    await trx
      .insertInto('live_reservations')
      .values({
        deal_id: a.dealId,
        shopper_id: a.shopperId,
        product_id: a.productId,
        taken: a.quantity,
        held: a.quantity,
        expires_at: deal.reservation_expires_at,
      })
      .onConflict((oc) =>
        oc.columns(['deal_id', 'shopper_id']).doUpdateSet({
          taken: sql`live_reservations.taken + excluded.taken`,
          held: sql`live_reservations.held + excluded.held`,
        }),
      )
      .execute();
    await trx
      .insertInto('cart_lines')
      .values({ shopper_id: a.shopperId, product_id: a.productId, variant: a.variant, quantity: a.quantity, deal_id: a.dealId })
      .onConflict((oc) =>
        oc.constraint('cart_lines_unique').doUpdateSet({
          quantity: sql`least(cart_lines.quantity + excluded.quantity, ${MAX_LINE_QUANTITY})`,
          deal_id: sql`excluded.deal_id`,
        }),
      )
      .execute();
    return { deal: left, stock: stock.stock };
  });
}

/** Gives back the stock of reservations past their expiry; returns the products whose stock changed. */
export async function releaseExpired(db: Db, now: Date): Promise<string[]> {
  return inTransaction(db, async (trx) => {
    const expired = await trx
      .selectFrom('live_reservations')
      .select(['deal_id', 'shopper_id', 'product_id', 'held'])
      .where('held', '>', 0)
      .where('expires_at', '<=', now)
      .forUpdate()
      .execute();
    for (const r of expired) {
      // Conditional on held being unchanged: a checkout that consumed it meanwhile wins.
      const res = await trx
        .updateTable('live_reservations')
        .set({ held: 0 })
        .where('deal_id', '=', r.deal_id)
        .where('shopper_id', '=', r.shopper_id)
        .where('held', '=', r.held)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) continue;
      await trx.updateTable('products').set({ stock: sql`stock + ${r.held}` }).where('id', '=', r.product_id).execute();
    }
    return [...new Set(expired.map((r) => r.product_id))];
  });
}
