import { describe, expect, it } from 'vitest';
import { embeddingDims } from '../../client/vision/embed/spec.js';
import { dot, l2normalize, seededRandom } from '../../client/vision/embed/vector.js';
import { fromCompact, toCompact } from '../../client/vision/search/compact.js';
import { type IndexEntry, VectorIndex } from '../../client/vision/search/index.js';
import { TopK } from '../../client/vision/search/topk.js';

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
}

/** Clustered unit vectors, like a catalog where products of a kind look alike. */
function catalog(n: number, dims: number, clusters: number, seed: number): IndexEntry[] {
  const rand = seededRandom(seed);
  const centres = Array.from({ length: clusters }, () => l2normalize(Float32Array.from({ length: dims }, () => gaussian(rand))));
  return Array.from({ length: n }, (_, i) => {
    const c = centres[i % clusters]!;
    return { productId: `p${i}`, category: i % 2 ? 'home' : 'bags', vector: l2normalize(c.map((x) => x + 0.35 * gaussian(rand) / Math.sqrt(dims) * 3)) };
  });
}

function exactFloat(entries: IndexEntry[], q: Float32Array, k: number): string[] {
  return entries.map((e) => ({ id: e.productId, s: dot(q, e.vector) })).sort((a, b) => b.s - a.s).slice(0, k).map((x) => x.id);
}

describe('vector index', () => {
  const entries = catalog(3000, 64, 60, 11);

  it('finds a stored vector as its own nearest neighbour with cosine near 1 despite int8 codes', () => {
    const index = new VectorIndex(entries, 64, { approximate: false });
    for (const i of [0, 17, 2999]) {
      const [best] = index.search(entries[i]!.vector, 1);
      expect(best!.productId).toBe(`p${i}`);
      expect(best!.score).toBeGreaterThan(0.995);
    }
  });

  it('agrees with a float exact scan on at least 9 of the top 10', () => {
    const index = new VectorIndex(entries, 64, { approximate: false });
    const rand = seededRandom(3);
    let overlap = 0;
    for (let t = 0; t < 20; t++) {
      const q = l2normalize(Float32Array.from({ length: 64 }, () => gaussian(rand)));
      const got = new Set(index.search(q, 10).map((m) => m.productId));
      overlap += exactFloat(entries, q, 10).filter((id) => got.has(id)).length;
    }
    expect(overlap / 200).toBeGreaterThanOrEqual(0.9);
  });

  it('returns only products of the allowed categories', () => {
    const index = new VectorIndex(entries, 64, { approximate: false });
    const matches = index.search(entries[1]!.vector, 20, { categories: ['bags'] });
    expect(matches).toHaveLength(20);
    expect(matches.every((m) => Number(m.productId.slice(1)) % 2 === 0)).toBe(true);
  });

  it('keeps recall@10 of the IVF partition at or above 0.9 of the exact answer on clustered data', () => {
    const index = new VectorIndex(entries, 64, { approximate: true });
    const rand = seededRandom(5);
    let hit = 0;
    for (let t = 0; t < 30; t++) {
      const base = entries[Math.floor(rand() * entries.length)]!.vector;
      const q = l2normalize(base.map((x) => x + 0.05 * gaussian(rand)));
      const exact = new Set(index.search(q, 10, { exact: true }).map((m) => m.productId));
      hit += index.search(q, 10).filter((m) => exact.has(m.productId)).length;
    }
    expect(hit / 300).toBeGreaterThanOrEqual(0.9);
  });

  it('survives the round trip through the compact form the server sends', () => {
    const index = new VectorIndex(entries.slice(0, 200), 64, { approximate: false });
    const compact = JSON.parse(JSON.stringify(toCompact(index, { id: 'm', version: 'v' }, 3)));
    const back = fromCompact(compact);
    expect(back.size).toBe(200);
    expect(back.search(entries[7]!.vector, 3)).toEqual(index.search(entries[7]!.vector, 3));
    expect(() => fromCompact({ ...compact, count: 201 })).toThrow(/damaged/);
  });

  it('uses at most 512 bytes of vector memory per product', () => {
    expect(new VectorIndex(entries.slice(0, 10).map((e) => ({ ...e, vector: new Float32Array(embeddingDims()) })), embeddingDims(), { approximate: true }).bytesPerVector()).toBeLessThanOrEqual(512);
  });
});

describe('top-k heap', () => {
  it('keeps the k highest scores in order whatever the arrival order', () => {
    const rand = seededRandom(9);
    const scores = Array.from({ length: 500 }, () => rand());
    const top = new TopK(7);
    scores.forEach((s, i) => top.push(i, s));
    expect(top.sorted().map((e) => e.score)).toEqual([...scores].sort((a, b) => b - a).slice(0, 7));
  });
});
