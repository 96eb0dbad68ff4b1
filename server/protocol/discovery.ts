/** Visual discovery REST shapes, shared by the Discover page, the merchant console and the server. */
import { z } from 'zod';
import { Category, Id } from './api.js';

export const EmbeddingModelRef = z.object({ id: z.string().min(1).max(64), version: z.string().min(1).max(128) }).strict();
export type EmbeddingModelRef = z.infer<typeof EmbeddingModelRef>;

const Vector = z.array(z.number().finite().min(-1.0001).max(1.0001)).min(8).max(4096);

/** PUT /api/products/:id/embedding (merchant): the vector the merchant's device computed for a photo. */
export const EmbeddingUpload = z.object({ photoId: Id, model: EmbeddingModelRef, vector: Vector }).strict();
export type EmbeddingUpload = z.infer<typeof EmbeddingUpload>;

/** POST /api/discovery/search: nearest products to a vector, for catalogs too big for the phone. */
export const DiscoverySearch = z
  .object({
    model: EmbeddingModelRef,
    vector: Vector,
    k: z.number().int().min(1).max(50).default(8),
    categories: z.array(Category).max(9).optional(),
  })
  .strict();
export type DiscoverySearch = z.input<typeof DiscoverySearch>;

/** GET /api/discovery/index?model=&version=: the compact catalog index a device searches locally. */
export interface CompactIndex {
  model: EmbeddingModelRef;
  dims: number;
  count: number;
  ids: string[];
  categories: string[];
  /** Base64 of count×dims int8 codes, row-major. */
  codes: string;
  /** Base64 of count float32 scales (little-endian). */
  scales: string;
  /** Products with a photo but no vector for this model (the page says how many are not searchable yet). */
  missing: number;
  /** 'device': search the codes here; 'server': too big to download (codes empty), POST vectors to /api/discovery/search. */
  mode?: 'device' | 'server';
  /** What answers /api/discovery/search: pgvector's HNSW index, or the in-memory int8 index. */
  server?: 'pgvector' | 'memory';
}

/** POST /api/discovery/reindex (merchant): index what lacks a vector now, or everything with `all`. */
export const ReindexRequest = z.object({ all: z.boolean().default(false) }).strict();

/** GET /api/discovery/status: how much of the catalog is searchable by photo, and what runs now. */
export interface IndexStatus {
  model: EmbeddingModelRef;
  /** Products with a photo. */
  total: number;
  /** Of those, products whose main photo has a current vector. */
  indexed: number;
  /** Waiting for the server's indexer. */
  pending: number;
  /** Photos the indexer could not read (see `problem`). */
  failed: number;
  running: boolean;
  /** Progress of the run under way. */
  run?: { done: number; total: number };
  /** Why indexing is stuck or what failed, in a sentence. */
  problem?: string;
}

export interface DiscoveryMatch {
  productId: string;
  score: number;
}
