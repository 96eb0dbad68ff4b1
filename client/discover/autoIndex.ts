/**
 * Merchant auto-indexing: after a product's photos change, the merchant's device computes the
 * visual-search vector of the main photo (same engine and model version as shoppers use) and
 * stores it on the server. Runs in the vision worker; failures never block the console.
 */
import type { Product } from '../../server/protocol/api.js';
import { request } from '../lib/api.js';
import { VisionClient } from './visionClient.js';

let shared: VisionClient | undefined;

/** Indexes the product's first photo; resolves with what happened, never rejects. */
export async function autoIndexProduct(token: string, product: Pick<Product, 'id' | 'photos'>): Promise<'indexed' | 'no-photo' | { error: string }> {
  const photo = product.photos[0];
  if (!photo) return 'no-photo';
  try {
    const res = await fetch(photo.url);
    if (!res.ok) throw new Error(`the photo answered HTTP ${res.status}`);
    const bitmap = await createImageBitmap(await res.blob());
    shared ??= new VisionClient();
    const answer = await shared.request('embedWhole', bitmap);
    if (answer.type !== 'vector') throw new Error(answer.type === 'error' ? answer.message : 'no vector');
    await request('PUT', `/api/products/${encodeURIComponent(product.id)}/embedding`, { token, body: { photoId: photo.id, model: answer.model, vector: answer.vector } });
    return 'indexed';
  } catch (err) {
    return { error: (err as Error).message };
  }
}
