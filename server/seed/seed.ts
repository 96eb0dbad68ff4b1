/** Seeds the demo catalog on a store with no products: products, attributes and generated photos. */
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Config } from '../config.js';
import { type StoredPhoto, storePhoto } from '../media/photos.js';
import { addPhoto, insertProduct } from '../store/products.js';
import type { Database } from '../store/schema.js';
import { DEMO_PRODUCTS } from './catalog.js';

/** Inserts the demo products when the catalog is empty; returns how many were added. */
export async function seedDemoCatalog(db: Kysely<Database>, config: Pick<Config, 'dataDir' | 'currency'>): Promise<number> {
  const { n } = (await db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()) as {
    n: number;
  };
  if (Number(n) > 0) return 0;
  // Render every photo first, then insert all rows in one transaction: a crash leaves no half catalog.
  const photos: StoredPhoto[] = [];
  for (const p of DEMO_PRODUCTS) {
    const png = await sharp(Buffer.from(p.art())).png().toBuffer();
    photos.push(await storePhoto(config.dataDir, png));
  }
  await db.transaction().execute(async (trx) => {
    for (const [i, p] of DEMO_PRODUCTS.entries()) {
      await insertProduct(trx, { ...p, price: { amount: p.price, currency: config.currency } });
      await addPhoto(trx, p.id, photos[i]!);
    }
  });
  return DEMO_PRODUCTS.length;
}
