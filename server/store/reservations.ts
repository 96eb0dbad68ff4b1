/** Flash-deal reservations at checkout: reserved units are already out of stock, so checkout consumes them. */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/**
 * Consumes the shopper's live reservations for the products being bought (inside the checkout
 * transaction) and returns, per product, how many units they cover. Reserved units beyond what
 * is bought go back to stock.
 */
export async function consumeReservations(
  trx: Kysely<Database>,
  shopperId: string,
  wanted: Map<string, { qty: number }>,
): Promise<Map<string, number>> {
  const covered = new Map<string, number>();
  const held = await trx
    .selectFrom('live_reservations')
    .select(['deal_id', 'product_id', 'held'])
    .where('shopper_id', '=', shopperId)
    .where('held', '>', 0)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('product_id')
    .forUpdate()
    .execute();
  for (const r of held) {
    const w = wanted.get(r.product_id);
    if (!w) continue;
    const use = Math.min(r.held, w.qty - (covered.get(r.product_id) ?? 0));
    covered.set(r.product_id, (covered.get(r.product_id) ?? 0) + use);
    await trx.updateTable('live_reservations').set({ held: 0 }).where('deal_id', '=', r.deal_id).where('shopper_id', '=', shopperId).execute();
    if (r.held > use) {
      await trx.updateTable('products').set({ stock: sql`stock + ${r.held - use}` }).where('id', '=', r.product_id).execute();
    }
  }
  return covered;
}
