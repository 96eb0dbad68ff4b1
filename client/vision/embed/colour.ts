/**
 * A colour signature of a crop: a joint RGB histogram (4 levels a channel, 64 bins) of the crop's
 * centre, square-rooted (Hellinger) and L2-normalised, so cosine similarity compares colour mixes.
 */
import type * as tfTypes from '@tensorflow/tfjs';

export const COLOUR_DIMS = 64;

/** Histograms of a batch of float [n, s, s, 3] crops (0-255), one row per crop. */
export function colourHistograms(crops: tfTypes.Tensor4D): Float32Array[] {
  const [n, s] = crops.shape;
  const data = crops.dataSync();
  const out: Float32Array[] = [];
  // The centre 70% holds the item; the border is mostly background.
  const lo = Math.floor(s * 0.15);
  const hi = Math.ceil(s * 0.85);
  for (let i = 0; i < n; i++) {
    const hist = new Float32Array(COLOUR_DIMS);
    const base = i * s * s * 3;
    for (let y = lo; y < hi; y++) {
      for (let x = lo; x < hi; x++) {
        const p = base + (y * s + x) * 3;
        const r = Math.min(3, Math.floor((data[p] ?? 0) / 64));
        const g = Math.min(3, Math.floor((data[p + 1] ?? 0) / 64));
        const b = Math.min(3, Math.floor((data[p + 2] ?? 0) / 64));
        hist[r * 16 + g * 4 + b]! += 1;
      }
    }
    let norm = 0;
    for (let k = 0; k < COLOUR_DIMS; k++) {
      hist[k] = Math.sqrt(hist[k]!);
      norm += hist[k]! * hist[k]!;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < COLOUR_DIMS; k++) hist[k]! /= norm;
    out.push(hist);
  }
  return out;
}
