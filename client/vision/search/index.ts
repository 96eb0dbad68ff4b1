/**
 * The catalog vector index the device searches: ids, categories and int8 vectors, scanned exactly
 * (fast enough to tens of thousands) or through an IVF partition (see ivf.ts) beyond.
 */
import type { Match } from '../types.js';
import { buildIvf, type Ivf, searchIvf } from './ivf.js';
import { dotCode, quantizeRows } from './quantize.js';
import { TopK } from './topk.js';

export interface IndexEntry {
  productId: string;
  category: string;
  vector: Float32Array;
}

/**
 * Past this many vectors an IVF partition is built. bench:vision's crossover (480-d, loaded 2-core
 * machine): exact 20 ms a query at 10k, 37 ms at 20k, IVF 1.5 ms at 10k with recall@10 0.99; a
 * photo searches ~8 items, so exact scanning stays under ~150 ms only up to about 10k products.
 */
export const APPROXIMATE_FROM = 10_000;

export class VectorIndex {
  readonly ids: string[];
  readonly categories: string[];
  readonly codes: Int8Array;
  readonly scales: Float32Array;
  ivf: Ivf | undefined;

  constructor(
    entries: readonly IndexEntry[],
    readonly dims: number,
    options: { approximate?: boolean } = {},
  ) {
    this.ids = entries.map((e) => e.productId);
    this.categories = entries.map((e) => e.category);
    const q = quantizeRows(entries.map((e) => e.vector), dims);
    this.codes = q.codes;
    this.scales = q.scales;
    if (options.approximate ?? entries.length >= APPROXIMATE_FROM) this.ivf = buildIvf(this.codes, this.scales, dims);
  }

  /** An index over already-quantised rows (a compact index from the server). */
  static fromCodes(ids: string[], categories: string[], codes: Int8Array, scales: Float32Array, dims: number, options: { approximate?: boolean } = {}): VectorIndex {
    const index = new VectorIndex([], dims, { approximate: false });
    Object.assign(index, { ids, categories, codes, scales });
    if (options.approximate ?? ids.length >= APPROXIMATE_FROM) index.ivf = buildIvf(codes, scales, dims);
    return index;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Bytes held per product: code, scale, IVF list slot (ids and categories are shared strings). */
  bytesPerVector(): number {
    return this.dims + 4 + (this.ivf ? 4 : 0);
  }

  /** k nearest products by cosine, optionally only in some categories; exact unless an IVF exists. */
  search(query: Float32Array, k: number, options: { categories?: readonly string[]; exact?: boolean; nprobe?: number } = {}): Match[] {
    const allowed = options.categories ? new Set(options.categories) : undefined;
    const accept = allowed ? (r: number) => allowed.has(this.categories[r]!) : () => true;
    const top = new TopK(k);
    if (this.ivf && !options.exact) {
      searchIvf(this.ivf, query, this.codes, this.scales, this.dims, top, accept, options.nprobe);
    } else {
      for (let r = 0; r < this.ids.length; r++) {
        if (!accept(r)) continue;
        const s = dotCode(query, this.codes, this.scales, r, this.dims);
        if (s > top.floor) top.push(r, s);
      }
    }
    return top.sorted().map(({ item, score }) => ({ productId: this.ids[item]!, score: Math.round(score * 1000) / 1000 }));
  }
}
