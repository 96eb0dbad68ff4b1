/** Catalog storage: products and their photos. */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Photo, Product, ProductPage, ProductQuery, ProductUpdate } from '../protocol/api.js';
import { type Category, ProductAttributes, tryOnKind } from '../protocol/catalog.js';
import type { Database, PhotosTable, ProductsTable } from './schema.js';
import { inTransaction } from './tx.js';

export type ProductRow = Selectable<ProductsTable>;
type PhotoRow = Selectable<PhotosTable>;

/** Public URL of a stored photo; names are content-unique so they can be cached forever. */
export function photoUrls(id: string): { url: string; thumbUrl: string } {
  return { url: `/media/${id}.webp`, thumbUrl: `/media/${id}-thumb.webp` };
}

export function toPhoto(row: Pick<PhotoRow, 'id' | 'width' | 'height'>): Photo {
  return { id: row.id, ...photoUrls(row.id), width: row.width, height: row.height };
}

function searchText(p: { name: string; description: string; category: string }): string {
  return `${p.name} ${p.description} ${p.category}`.toLowerCase();
}

export function newProductId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug || 'product'}-${randomBytes(3).toString('hex')}`;
}

export function toProduct(row: ProductRow, photos: PhotoRow[]): Product {
  const category = row.category as Category;
  const attrs = typeof row.attributes === 'string' ? JSON.parse(row.attributes) : row.attributes;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    category,
    price: { amount: row.price_minor, currency: row.currency.trim() },
    stock: row.stock,
    attributes: ProductAttributes.parse(attrs),
    photos: photos.map(toPhoto),
    tryOn: tryOnKind(category),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function withPhotos(db: Kysely<Database>, rows: ProductRow[]): Promise<Product[]> {
  if (rows.length === 0) return [];
  const photos = await db
    .selectFrom('photos')
    .selectAll()
    .where(
      'product_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  const byProduct = new Map<string, PhotoRow[]>();
  for (const p of photos) {
    const list = byProduct.get(p.product_id) ?? [];
    list.push(p);
    byProduct.set(p.product_id, list);
  }
  return rows.map((r) => toProduct(r, byProduct.get(r.id) ?? []));
}

/** Lists products matching a text query and filters, newest first, one page at a time. */
export async function listProducts(db: Kysely<Database>, q: ProductQuery): Promise<ProductPage> {
  let query = db.selectFrom('products');
  const terms = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  for (const term of terms) {
    const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where('search_text', 'like', `%${escaped}%`);
  }
  if (q.category) query = query.where('category', '=', q.category);
  // price_minor is a 32-bit integer: a larger bound is out of range for the database, not a bad filter.
  const INT4_MAX = 2 ** 31 - 1;
  if (q.minPrice !== undefined) query = query.where('price_minor', '>=', Math.min(q.minPrice, INT4_MAX));
  if (q.maxPrice !== undefined) query = query.where('price_minor', '<=', Math.min(q.maxPrice, INT4_MAX));
  if (q.inStock !== undefined) query = query.where('stock', q.inStock ? '>' : '=', 0);
  const [{ total }] = (await query.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [
    { total: number },
  ];
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { items: await withPhotos(db, rows), total: Number(total), limit: q.limit, offset: q.offset };
}

export async function getProducts(db: Kysely<Database>, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('products').selectAll().where('id', 'in', ids).execute();
  return withPhotos(db, rows);
}

export async function getProduct(db: Kysely<Database>, id: string): Promise<Product | undefined> {
  const [p] = await getProducts(db, [id]);
  return p;
}

export interface NewProduct {
  id?: string;
  name: string;
  description: string;
  category: Category;
  price: { amount: number; currency: string };
  stock: number;
  attributes: ProductAttributes;
}

export async function insertProduct(db: Kysely<Database>, p: NewProduct): Promise<string> {
  const id = p.id ?? newProductId(p.name);
  await db
    .insertInto('products')
    .values({
      id,
      name: p.name,
      description: p.description,
      category: p.category,
      price_minor: p.price.amount,
      currency: p.price.currency,
      stock: p.stock,
      attributes: JSON.stringify(p.attributes),
      search_text: searchText(p),
    })
    .execute();
  return id;
}

/** Applies a partial update; returns false when the product does not exist. */
export async function updateProduct(db: Kysely<Database>, id: string, u: ProductUpdate): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('products').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) return false;
    const next = {
      name: u.name ?? row.name,
      description: u.description ?? row.description,
      category: u.category ?? row.category,
    };
    await trx
      .updateTable('products')
      .set({
        ...next,
        ...(u.price ? { price_minor: u.price.amount, currency: u.price.currency } : {}),
        ...(u.stock !== undefined ? { stock: u.stock } : {}),
        ...(u.attributes ? { attributes: JSON.stringify(u.attributes) } : {}),
        search_text: searchText(next),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    return true;
  });
}

export async function deleteProduct(db: Kysely<Database>, id: string): Promise<string[] | null> {
  return inTransaction(db, async (trx) => {
    const photos = await trx.selectFrom('photos').select('id').where('product_id', '=', id).execute();
    const res = await trx.deleteFrom('products').where('id', '=', id).executeTakeFirst();
    return Number(res.numDeletedRows) > 0 ? photos.map((p) => p.id) : null;
  });
}

export async function addPhoto(
  db: Kysely<Database>,
  productId: string,
  photo: { id: string; width: number; height: number },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { next } = (await trx
      .selectFrom('photos')
      .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)).as('next'))
      .where('product_id', '=', productId)
      .executeTakeFirstOrThrow()) as { next: number };
    await trx
      .insertInto('photos')
      .values({ id: photo.id, product_id: productId, position: Number(next) + 1, width: photo.width, height: photo.height })
      .execute();
    await trx.updateTable('products').set({ updated_at: new Date() }).where('id', '=', productId).execute();
  });
}

export async function removePhoto(db: Kysely<Database>, productId: string, photoId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('photos')
    .where('product_id', '=', productId)
    .where('id', '=', photoId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
