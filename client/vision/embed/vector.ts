/** Vector maths on Float32Array: L2 normalisation, dot product, weighted concatenation, projection. */

/** Scales a vector to unit length in place (zero vectors stay zero); returns it. */
export function l2normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}

/** Dot product (cosine similarity of unit vectors). */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Concatenates unit vectors with weights w (Σw² = 1 keeps the result unit length). */
export function fuse(parts: readonly (readonly [Float32Array, number])[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, [v]) => n + v.length, 0));
  let offset = 0;
  for (const [v, w] of parts) {
    for (let i = 0; i < v.length; i++) out[offset + i] = v[i]! * w;
    offset += v.length;
  }
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32), so a projection is the same on every device. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A dims×input Gaussian random projection matrix (Johnson–Lindenstrauss), row-major. */
export function randomProjection(input: number, dims: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  const m = new Float32Array(input * dims);
  for (let i = 0; i < m.length; i += 2) {
    // Box–Muller: two normals from two uniforms.
    const u = Math.max(rand(), 1e-12);
    const v = rand();
    const r = Math.sqrt(-2 * Math.log(u));
    m[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < m.length) m[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return m;
}

/** Multiplies a row-major dims×input matrix by a vector. */
export function project(matrix: Float32Array, v: Float32Array, dims: number): Float32Array {
  const input = v.length;
  const out = new Float32Array(dims);
  for (let r = 0; r < dims; r++) {
    let s = 0;
    const base = r * input;
    for (let c = 0; c < input; c++) s += matrix[base + c]! * v[c]!;
    out[r] = s;
  }
  return out;
}
