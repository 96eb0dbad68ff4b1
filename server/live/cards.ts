/** Product cards as the live stream shows them, built from the shop's products. */
import type { Kysely } from 'kysely';
import type { Product } from '../protocol/api.js';
import { AppError } from '../protocol/errors.js';
import type { ProductCard } from '../protocol/live.js';
import { getProduct, getProducts } from '../store/products.js';
import type { Database } from '../store/schema.js';

export function toCard(p: Product): ProductCard {
  const photo = p.photos[0];
  return {
    id: p.id,
    name: p.name,
    price: p.price,
    stock: p.stock,
    photoUrl: photo?.url ?? null,
    thumbUrl: photo?.thumbUrl ?? null,
    sizes: p.attributes.sizes ?? [],
    colorOptions: p.attributes.colorOptions ?? [],
    tryOn: p.tryOn,
  };
}

/** The card of one product or NOT_FOUND. */
export async function cardOf(db: Kysely<Database>, productId: string): Promise<ProductCard> {
  const p = await getProduct(db, productId);
  if (!p) throw new AppError('NOT_FOUND', `No product ${productId}.`);
  return toCard(p);
}

/** Cards of several products in the given order, skipping deleted ones. */
export async function cardsOf(db: Kysely<Database>, ids: string[]): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await getProducts(db, ids)).map((p) => [p.id, toCard(p)]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
