/**
 * Training data for the garment head: per photo, centernet's per-cell features (the detector's own
 * full-frame pass, exactly as the app computes them) stored as uint8 per channel, and soft targets
 * (each cell's share of every garment class and of "none") from the photo's pixel mask.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type * as tfTypes from '@tensorflow/tfjs';
import { detectObjects } from '../../client/vision/detect/centernet.js';
import { GARMENT_LABELS } from '../../client/vision/detect/garment-boxes.js';
import { FEATURES, GRID } from '../../client/vision/detect/garments.js';
import { imageTensor } from '../../client/vision/detect/tensor.js';
import { tf } from '../../client/vision/runtime/backend.js';
import { decodePhoto } from '../../server/discovery/decode.js';
import type { FashionPhoto } from '../../server/discovery/eval/fixtures.js';

export const CELLS = GRID * GRID;
/** Classes the head predicts: GARMENT_LABELS then none. */
export const K = GARMENT_LABELS.length + 1;

/** Per-channel affine uint8 code: value = lo + code * step. */
export interface Quantizer {
  lo: Float32Array;
  step: Float32Array;
}

/** Features of one photo's cells (of its mirror image with `flip`, a training augmentation). */
export async function photoFeatures(model: tfTypes.GraphModel, photo: FashionPhoto, flip = false): Promise<Float32Array> {
  const decoded = await decodePhoto(readFileSync(photo.path));
  const upright = imageTensor(decoded.image);
  const tensor = flip ? tf.reverse(upright, 1) : upright;
  if (flip) upright.dispose();
  const { features } = await detectObjects(model, tensor, { minScore: 0.2, tiles: 0, features: true });
  tensor.dispose();
  const data = (await features!.data()) as Float32Array;
  features!.dispose();
  return data;
}

/** Channel ranges from a few photos' features, widened by a tenth so later photos rarely clip. */
export function makeQuantizer(samples: Float32Array[]): Quantizer {
  const lo = new Float32Array(FEATURES).fill(Infinity);
  const hi = new Float32Array(FEATURES).fill(-Infinity);
  for (const s of samples) {
    for (let i = 0; i < CELLS; i++) {
      for (let f = 0; f < FEATURES; f++) {
        const v = s[i * FEATURES + f]!;
        if (v < lo[f]!) lo[f] = v;
        if (v > hi[f]!) hi[f] = v;
      }
    }
  }
  const step = new Float32Array(FEATURES);
  for (let f = 0; f < FEATURES; f++) {
    const span = hi[f]! - lo[f]!;
    lo[f] = lo[f]! - 0.1 * span;
    step[f] = Math.max((1.2 * span) / 255, 1e-6);
  }
  return { lo, step };
}

export function quantize(q: Quantizer, x: Float32Array): Uint8Array {
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const f = i % FEATURES;
    out[i] = Math.max(0, Math.min(255, Math.round((x[i]! - q.lo[f]!) / q.step[f]!)));
  }
  return out;
}

/** Soft targets [CELLS × K]: each cell's share of the mask pixels of every class (none = anything else); mirrored with `flip`. */
export async function photoTargets(photo: FashionPhoto, partClasses: (string | undefined)[], flip = false): Promise<Float32Array> {
  const { data, info } = await sharp(photo.mask).greyscale().raw().toBuffer({ resolveWithObject: true });
  const classOfPart = partClasses.map((c) => {
    const i = (GARMENT_LABELS as readonly string[]).indexOf(c ?? '');
    return i >= 0 ? i : K - 1;
  });
  const counts = new Float32Array(CELLS * K);
  const { width: w, height: h } = info;
  for (let y = 0; y < h; y++) {
    const gy = Math.min(GRID - 1, Math.floor((y * GRID) / h));
    for (let x = 0; x < w; x++) {
      const gx0 = Math.min(GRID - 1, Math.floor((x * GRID) / w));
      const gx = flip ? GRID - 1 - gx0 : gx0;
      counts[(gy * GRID + gx) * K + (classOfPart[data[y * w + x]!] ?? K - 1)]! += 1;
    }
  }
  for (let i = 0; i < CELLS; i++) {
    let sum = 0;
    for (let c = 0; c < K; c++) sum += counts[i * K + c]!;
    for (let c = 0; c < K; c++) counts[i * K + c] = sum ? counts[i * K + c]! / sum : c === K - 1 ? 1 : 0;
  }
  return counts;
}

export interface PhotoData {
  photo: FashionPhoto;
  flipped: boolean;
  features: Uint8Array;
  targets: Float32Array;
}

/** Features and targets of every photo, cached in `cacheDir` (features depend only on the models and photos). */
export async function loadData(model: tfTypes.GraphModel, photos: FashionPhoto[], partClasses: (string | undefined)[], cacheDir: string, log: (s: string) => void, flip = false): Promise<{ data: PhotoData[]; quantizer: Quantizer }> {
  mkdirSync(cacheDir, { recursive: true });
  const qPath = join(cacheDir, `quantizer-${FEATURES}.bin`);
  let quantizer: Quantizer;
  if (existsSync(qPath)) {
    const b = new Float32Array(new Uint8Array(readFileSync(qPath)).buffer);
    quantizer = { lo: b.slice(0, FEATURES), step: b.slice(FEATURES) };
  } else {
    const first: Float32Array[] = [];
    for (const p of photos.slice(0, 24)) first.push(await photoFeatures(model, p));
    quantizer = makeQuantizer(first);
    const b = new Float32Array(2 * FEATURES);
    b.set(quantizer.lo, 0);
    b.set(quantizer.step, FEATURES);
    writeFileSync(qPath, new Uint8Array(b.buffer));
  }
  const data: PhotoData[] = [];
  const t0 = Date.now();
  for (const [i, photo] of photos.entries()) {
    for (const flipped of flip ? [false, true] : [false]) {
      const fPath = join(cacheDir, `${photo.name}${flipped ? '-flip' : ''}-${FEATURES}.u8`);
      let features: Uint8Array;
      if (existsSync(fPath)) features = new Uint8Array(readFileSync(fPath));
      else {
        features = quantize(quantizer, await photoFeatures(model, photo, flipped));
        writeFileSync(fPath, features);
      }
      data.push({ photo, flipped, features, targets: await photoTargets(photo, partClasses, flipped) });
    }
    if ((i + 1) % 50 === 0) log(`  features ${i + 1}/${photos.length} (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  return { data, quantizer };
}

/** Dequantized features of one cell into out[offset ...]. */
export function dequantizeCell(q: Quantizer, features: Uint8Array, cell: number, out: Float32Array, offset: number): void {
  const base = cell * FEATURES;
  for (let f = 0; f < FEATURES; f++) out[offset + f] = q.lo[f]! + features[base + f]! * q.step[f]!;
}
