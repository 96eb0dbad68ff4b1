/**
 * Server-side catalog indexing (`npm run index-catalog`): embeds each product's first photo with
 * the same engine and model version the merchant's browser uses, and stores the vector.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { embeddingModel } from '../../client/vision/embed/spec.js';
import { mediaDir } from '../media/photos.js';
import type { Database } from '../store/schema.js';
import { decodePhoto } from './decode.js';
import { nodeEngine } from './node-engine.js';
import { productsToIndex, saveEmbedding } from './store.js';

export interface IndexProgress {
  done: number;
  total: number;
  failed: number;
  productId: string;
}

/** Embeds every product whose first photo lacks a current vector (all with `all`); returns counts. */
export async function indexCatalog(
  db: Kysely<Database>,
  dataDir: string,
  options: { all?: boolean; onProgress?: (p: IndexProgress) => void; onError?: (productId: string, message: string) => void } = {},
): Promise<{ indexed: number; failed: number; total: number }> {
  const model = embeddingModel();
  const todo = await productsToIndex(db, model, options.all);
  const engine = await nodeEngine();
  let indexed = 0;
  let failed = 0;
  for (const [i, { productId, photoId }] of todo.entries()) {
    try {
      const photo = await decodePhoto(await readFile(join(mediaDir(dataDir), `${photoId}.webp`)));
      const [vector] = await engine.embedBoxes(photo.image, [[0, 0, photo.image.width, photo.image.height]]);
      await saveEmbedding(db, { productId, photoId, modelId: model.id, modelVersion: model.version, vector: vector! });
      indexed += 1;
    } catch (err) {
      failed += 1;
      options.onError?.(productId, (err as Error).message);
    }
    options.onProgress?.({ done: i + 1, total: todo.length, failed, productId });
  }
  return { indexed, failed, total: todo.length };
}
