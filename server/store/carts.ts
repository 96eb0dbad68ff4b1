/** Cart storage: one cart per anonymous shopper, one line per product and variant. */
import { type Kysely, sql } from 'kysely';
import { MAX_LINE_QUANTITY } from '../protocol/api.js';
import type { PricedLine } from '../domain/cart.js';
import type { ColorOption } from '../protocol/variant.js';
import type { Database } from './schema.js';
import { toPhoto } from './products.js';

/** Reads a shopper's cart lines with current prices and stock, oldest line first. */
export async function readCartLines(db: Kysely<Database>, shopperId: string): Promise<PricedLine[]> {
  const rows = await db
    .selectFrom('cart_lines as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    // A flash-deal line keeps the deal price while its reservation holds (live sessions, issue 3).
    .leftJoin('live_reservations as r', (j) =>
      j
        .onRef('r.deal_id', '=', 'l.deal_id')
        .onRef('r.shopper_id', '=', 'l.shopper_id')
        .on('r.held', '>', 0)
        .on('r.expires_at', '>', sql<Date>`now()`),
    )
    .leftJoin('live_deals as d', 'd.id', 'r.deal_id')
    .select([
      'r.held',
      'd.price_minor as deal_price_minor',
      'l.id',
      'l.product_id',
      'l.variant',
      'l.quantity',
      'p.name',
      'p.price_minor',
      'p.currency',
      'p.stock',
      sql<string | null>`(p.attributes->'colorOptions')::text`.as('color_options'),
      (eb) =>
        eb
          .selectFrom('photos')
          .select(sql<string>`json_build_object('id', id, 'width', width, 'height', height)::text`.as('photo'))
          .whereRef('photos.product_id', '=', 'l.product_id')
          .orderBy('position')
          .limit(1)
          .as('photo'),
    ])
    .where('l.shopper_id', '=', shopperId)
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    productId: r.product_id,
    variant: r.variant,
    ...(r.color_options ? { colorOptions: JSON.parse(r.color_options) as ColorOption[] } : {}),
    quantity: r.quantity,
    name: r.name,
    photo: r.photo ? toPhoto(JSON.parse(r.photo)) : null,
    unitPriceMinor: r.held != null && r.deal_price_minor != null && r.quantity <= r.held ? r.deal_price_minor : r.price_minor,
    currency: r.currency.trim(),
    // Reserved units were already taken out of stock for this shopper.
    available: r.stock + (r.held ?? 0),
  }));
}

/** Adds to a line, merging with an existing line of the same product and variant; returns the new quantity. */
export async function addToCart(
  db: Kysely<Database>,
  shopperId: string,
  line: { productId: string; variant: string; quantity: number },
): Promise<number> {
  const row = await db
    .insertInto('cart_lines')
    .values({ shopper_id: shopperId, product_id: line.productId, variant: line.variant, quantity: line.quantity })
    .onConflict((oc) =>
      oc.constraint('cart_lines_unique').doUpdateSet({
        quantity: sql`least(cart_lines.quantity + excluded.quantity, ${MAX_LINE_QUANTITY})`,
      }),
    )
    .returning('quantity')
    .executeTakeFirstOrThrow();
  return row.quantity;
}

export async function getCartLine(db: Kysely<Database>, shopperId: string, lineId: number) {
  return db
    .selectFrom('cart_lines')
    .selectAll()
    .where('shopper_id', '=', shopperId)
    .where('id', '=', lineId)
    .executeTakeFirst();
}

export async function setLineQuantity(db: Kysely<Database>, shopperId: string, lineId: number, quantity: number) {
  const q = db.deleteFrom('cart_lines').where('shopper_id', '=', shopperId).where('id', '=', lineId);
  if (quantity === 0) return Number((await q.executeTakeFirst()).numDeletedRows) > 0;
  const res = await db
    .updateTable('cart_lines')
    .set({ quantity })
    .where('shopper_id', '=', shopperId)
    .where('id', '=', lineId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function clearCart(db: Kysely<Database>, shopperId: string): Promise<void> {
  await db.deleteFrom('cart_lines').where('shopper_id', '=', shopperId).execute();
}
