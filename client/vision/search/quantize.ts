/** Symmetric int8 quantisation of unit vectors with one scale per vector (4× smaller than float32). */

/** Quantises rows of a row-major float matrix; returns codes and per-row scales. */
export function quantizeRows(rows: readonly Float32Array[], dims: number): { codes: Int8Array; scales: Float32Array } {
  const codes = new Int8Array(rows.length * dims);
  const scales = new Float32Array(rows.length);
  rows.forEach((v, r) => {
    let max = 0;
    for (let i = 0; i < dims; i++) max = Math.max(max, Math.abs(v[i]!));
    const scale = max > 0 ? max / 127 : 1;
    scales[r] = scale;
    const base = r * dims;
    for (let i = 0; i < dims; i++) codes[base + i] = Math.round(v[i]! / scale);
  });
  return { codes, scales };
}

/** Dot product of a float query with quantised row r. */
export function dotCode(query: Float32Array, codes: Int8Array, scales: Float32Array, r: number, dims: number): number {
  const base = r * dims;
  let s = 0;
  for (let i = 0; i < dims; i++) s += query[i]! * codes[base + i]!;
  return s * scales[r]!;
}
