/**
 * A synthetic catalog for search benchmarks: unit vectors drawn around cluster centres (products
 * of a kind look alike), quantised row by row so a million of them fit in 256 MB of int8 codes.
 */
import { l2normalize, seededRandom } from '../../../client/vision/embed/vector.js';
import { VectorIndex } from '../../../client/vision/search/index.js';

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
}

export interface SyntheticCatalog {
  index: VectorIndex;
  /** Queries: noisy copies of random catalog vectors (a product seen in another photo). */
  queries: Float32Array[];
  buildMs: number;
}

/** n products of `dims` dimensions in `clusters` kinds; the IVF partition built when approximate. */
export function syntheticCatalog(n: number, dims: number, options: { clusters?: number; queries?: number; seed?: number; approximate: boolean }): SyntheticCatalog {
  const rand = seededRandom(options.seed ?? 42);
  const clusters = options.clusters ?? Math.max(10, Math.round(Math.sqrt(n)));
  const centres = Array.from({ length: clusters }, () => l2normalize(Float32Array.from({ length: dims }, () => gaussian(rand))));
  const codes = new Int8Array(n * dims);
  const scales = new Float32Array(n);
  const v = new Float32Array(dims);
  const spread = 0.9 / Math.sqrt(dims);
  const kept: Float32Array[] = [];
  const nq = options.queries ?? 100;
  const pick = new Set(Array.from({ length: nq }, () => Math.floor(rand() * n)));
  for (let r = 0; r < n; r++) {
    const c = centres[Math.floor(rand() * clusters)]!;
    for (let i = 0; i < dims; i++) v[i] = c[i]! + spread * gaussian(rand);
    l2normalize(v);
    let max = 0;
    for (let i = 0; i < dims; i++) max = Math.max(max, Math.abs(v[i]!));
    scales[r] = max / 127;
    for (let i = 0; i < dims; i++) codes[r * dims + i] = Math.round(v[i]! / scales[r]!);
    if (pick.has(r)) kept.push(v.slice());
  }
  const queries = kept.map((q) => l2normalize(q.map((x) => x + 0.4 * spread * gaussian(rand))));
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const categories = new Array<string>(n).fill('home');
  const t0 = performance.now();
  const index = VectorIndex.fromCodes(ids, categories, codes, scales, dims, { approximate: options.approximate });
  return { index, queries, buildMs: performance.now() - t0 };
}
