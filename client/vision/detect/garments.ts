/**
 * The garment head: a small MLP trained by this project (models/garments/train.ts) on frozen
 * centernet features, one prediction per stride-8 cell of centernet's 512×512 input, classes
 * GARMENT_LABELS + none. It reads feature maps of the detector's own full-frame pass, so garments
 * cost a few matrix products on top of object detection. tfjs ops and plain TS only (browser worker
 * and Node alike).
 */
import type * as tfTypes from '@tensorflow/tfjs';
import { tf } from '../runtime/backend.js';
import type { ModelLocation } from '../runtime/loader.js';
import { modelPath } from '../runtime/manifest.js';
import { type ModelStatusRegistry, modelStatus } from '../runtime/status.js';
import type { ImageBox } from '../types.js';
import { type ClassParams, GARMENT_LABELS, type ProbGrid } from './garment-boxes.js';

/** Centernet nodes the head reads besides the detections (see ../shared/DESIGN-NOTES.md, "Garments"). */
export const FEATURE_NODES = [
  'tower_0/CenternetHead/Relu_1', // stride 8, 192 channels
  'tower_0/CenternetHead/centernet_cls_output/BiasAdd', // stride 4, 80 COCO heatmap logits
  'tower_0/MobilenetV3/expanded_conv_14/add', // stride 32, 120 channels
] as const;

/** Cells per side of the head's grid (512 / 8). */
export const GRID = 64;
/** Feature length per cell: 192 + 192 (5×5 mean) + 80 + 120 + 3 (mean RGB) + 2 (x, y) + 2 (x, y in the person box). */
export const FEATURES = 591;

/** Centernet's outputs for one frame, owned by the caller (dispose after use). */
export type FeatureMaps = readonly tfTypes.Tensor[];

/**
 * Per-cell features [GRID², FEATURES] from the feature maps, the 512×512 input (0-255) and the main
 * person's box in input-normalised [0, 1] coordinates (the whole frame when there is none).
 */
export function cellFeatures(maps: FeatureMaps, input: tfTypes.Tensor4D, person: ImageBox): tfTypes.Tensor2D {
  return tf.tidy(() => {
    const [relu1, cls, deep] = maps as [tfTypes.Tensor4D, tfTypes.Tensor4D, tfTypes.Tensor4D];
    const context = tf.avgPool(relu1, 5, 1, 'same');
    const heat = tf.maxPool(tf.sigmoid(cls), 2, 2, 'valid');
    const coarse = tf.image.resizeBilinear(deep, [GRID, GRID]);
    const rgb = tf.div(tf.avgPool(input, 8, 8, 'valid'), 255);
    const steps = tf.div(tf.add(tf.range(0, GRID, 1, 'float32'), 0.5), GRID);
    const xs = tf.tile(tf.reshape(steps, [1, GRID]), [GRID, 1]);
    const ys = tf.tile(tf.reshape(steps, [GRID, 1]), [1, GRID]);
    const relX = tf.clipByValue(tf.div(tf.sub(xs, person[0]), Math.max(person[2], 1e-3)), -1, 2);
    const relY = tf.clipByValue(tf.div(tf.sub(ys, person[1]), Math.max(person[3], 1e-3)), -1, 2);
    const position = tf.expandDims(tf.stack([xs, ys, relX, relY], 2), 0);
    const all = tf.concat([relu1, context, heat, coarse, rgb, position], 3);
    return tf.reshape(all, [GRID * GRID, FEATURES]) as tfTypes.Tensor2D;
  });
}

/** The head's description file (garments.json). */
export interface GarmentHeadJson {
  version: string;
  labels: string[];
  features: number;
  hidden: number;
  /** Per-class box settings chosen on out-of-fold predictions. */
  params: Record<string, ClassParams>;
  /** Byte layout of garments.bin: w1 int8 [features × hidden] with one float32 scale per feature row, then float32 b1, w2, b2. */
  weights: string;
}

/** A loaded garment head. */
export interface GarmentHead {
  version: string;
  params: Record<string, ClassParams>;
  w1: tfTypes.Tensor2D;
  b1: tfTypes.Tensor1D;
  w2: tfTypes.Tensor2D;
  b2: tfTypes.Tensor1D;
  dispose(): void;
}

/** Sizes of the bin parts, in order, for a head with f inputs, h hidden units and k classes. */
export function binLayout(f: number, h: number, k: number): { w1: number; scales: number; b1: number; w2: number; b2: number; total: number } {
  const w1 = f * h;
  // One scale per input row: standardisation folded into w1 gives rows very different magnitudes.
  const scales = 4 * f;
  const b1 = 4 * h;
  const w2 = 4 * h * k;
  const b2 = 4 * k;
  return { w1, scales, b1, w2, b2, total: w1 + scales + b1 + w2 + b2 };
}

/** Builds the head's tensors from its JSON and weight bytes; checks sizes and labels. */
export function parseGarmentHead(json: GarmentHeadJson, bin: ArrayBuffer): GarmentHead {
  const k = GARMENT_LABELS.length + 1;
  if (json.features !== FEATURES) throw new Error(`garment head expects ${json.features} features, this code makes ${FEATURES}`);
  if (json.labels.join() !== [...GARMENT_LABELS, 'none'].join()) throw new Error('garment head labels differ from GARMENT_LABELS');
  const f = json.features;
  const h = json.hidden;
  const size = binLayout(f, h, k);
  if (bin.byteLength !== size.total) throw new Error(`garments.bin has ${bin.byteLength} bytes, expected ${size.total}`);
  const q = new Int8Array(bin, 0, size.w1);
  // Float32 parts start after the int8 block, which the writer pads to a multiple of 4 (f·h is).
  const floats = new Float32Array(bin, size.w1, (size.total - size.w1) / 4);
  const scales = floats.subarray(0, f);
  const w1 = new Float32Array(f * h);
  for (let i = 0; i < f; i++) for (let j = 0; j < h; j++) w1[i * h + j] = q[i * h + j]! * scales[i]!;
  const b1 = floats.slice(f, f + h);
  const w2 = floats.slice(f + h, f + h + h * k);
  const b2 = floats.slice(f + h + h * k, f + h + h * k + k);
  const head = {
    version: json.version,
    params: json.params,
    w1: tf.tensor2d(w1, [f, h]),
    b1: tf.tensor1d(b1),
    w2: tf.tensor2d(w2, [h, k]),
    b2: tf.tensor1d(b2),
    dispose() {
      head.w1.dispose();
      head.b1.dispose();
      head.w2.dispose();
      head.b2.dispose();
    },
  };
  return head;
}

/** Class probabilities [cells, classes] for per-cell features (softmax over GARMENT_LABELS + none). */
export function headProbabilities(head: Pick<GarmentHead, 'w1' | 'b1' | 'w2' | 'b2'>, features: tfTypes.Tensor2D): tfTypes.Tensor2D {
  return tf.tidy(() => tf.softmax(tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(features, head.w1), head.b1)), head.w2), head.b2)) as tfTypes.Tensor2D);
}

/** Upsampling of the probability grid before components: finer box edges than 8 input pixels. */
export const UPSAMPLE = 2;

/** The head's probabilities as a grid over the image, upsampled ×UPSAMPLE. */
export async function garmentGrid(head: GarmentHead, features: tfTypes.Tensor2D): Promise<ProbGrid> {
  const k = GARMENT_LABELS.length + 1;
  const side = GRID * UPSAMPLE;
  const probs = tf.tidy(() => tf.image.resizeBilinear(tf.reshape(headProbabilities(head, features), [1, GRID, GRID, k]) as tfTypes.Tensor4D, [side, side], true));
  const data = (await probs.data()) as Float32Array;
  probs.dispose();
  return { width: side, height: side, classes: k, data };
}

/** Loads the garment head from a model location; records its state so a missing file names what it disables. */
export async function loadGarmentHead(where: ModelLocation, registry: ModelStatusRegistry = modelStatus): Promise<GarmentHead> {
  const started = Date.now();
  registry.set({ id: 'garments', phase: 'loading', progress: 0 });
  try {
    const json = JSON.parse(new TextDecoder().decode(await where.read(modelPath(where.base, 'garments')))) as GarmentHeadJson;
    const bin = await where.read(modelPath(where.base, 'garments', 'garments.bin'));
    const head = parseGarmentHead(json, bin);
    registry.set({ id: 'garments', phase: 'ready', loadMs: Date.now() - started });
    return head;
  } catch (err) {
    const reason = `${(err as Error).message} (run "npm run models"); garments and accessories are not detected, objects still are`;
    registry.set({ id: 'garments', phase: 'unavailable', reason });
    throw new Error(`Model "garments" could not load: ${reason}`);
  }
}
