/**
 * `npm run train:garments [-- --flip] [--cache DIR] [--epochs N] [--hidden N] [--no-write] [--retune]`: trains the garment head on
 * 3/4 of ../shared/fixtures/fashion-ccp (every 4th photo sorted by name is held out), chooses each
 * class's box thresholds on out-of-fold predictions of the training photos (4 folds), trains the final
 * head on all training photos, reports box scores on the held-out quarter, and writes
 * models/garments/garments.{json,bin} plus their sizes and checksums in models/manifest.json.
 * --retune chooses the thresholds again from the last run's cached grids, keeping the weights.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type * as tfTypes from '@tensorflow/tfjs';
import { type ClassParams, GARMENT_LABELS, type ProbGrid, garmentBoxes } from '../../client/vision/detect/garment-boxes.js';
import { binLayout, FEATURES, type GarmentHead, type GarmentHeadJson, garmentGrid } from '../../client/vision/detect/garments.js';
import { tf } from '../../client/vision/runtime/backend.js';
import { loadGraphModel } from '../../client/vision/runtime/loader.js';
import { initNodeBackend, nodeModelLocation } from '../../client/vision/runtime/node.js';
import { seededRandom } from '../../client/vision/embed/vector.js';
import { type FashionPhoto, fashionCcp } from '../../server/discovery/eval/fixtures.js';
import { garmentTable, scoreGarments } from '../../server/discovery/eval/garment-scores.js';
import { CELLS, dequantizeCell, K, loadData, type PhotoData, photoFeatures, type Quantizer } from './data.js';
import { loadGrids, saveGrids, tune } from './tune.js';

const here = resolve(fileURLToPath(new URL('.', import.meta.url)));
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1] ?? fallback : fallback);
const EPOCHS = Number(arg('--epochs', '10'));
const HIDDEN = Number(arg('--hidden', '128'));
const log = (s: string): void => void process.stdout.write(`${s}\n`);

// Cell sampling: every cell holding a small item, a share of the big garments' cells, a few of the
// rest (background, skin, hair); keeps training to about 100k cells.
// With mirrored copies (--flip) each copy keeps half as many, so training time stays the same.
const FLIP = args.includes('--flip');
const KEEP_BIG = FLIP ? 0.18 : 0.35;
const KEEP_NONE = FLIP ? 0.04 : 0.08;
const KEEP_SMALL = FLIP ? 0.6 : 1;
const BIG = new Set([0, 1, 2]);

interface Samples {
  x: Float32Array;
  y: Float32Array;
  w: Float32Array;
  n: number;
}

function sampleCells(data: PhotoData[], q: Quantizer, seed: number): Samples {
  const rand = seededRandom(seed);
  const picked: [number, number][] = [];
  data.forEach((d, p) => {
    for (let cell = 0; cell < CELLS; cell++) {
      let best = K - 1;
      let bestShare = 0;
      for (let c = 0; c < K - 1; c++) {
        const s = d.targets[cell * K + c]!;
        if (s > bestShare) {
          bestShare = s;
          best = c;
        }
      }
      const keep = bestShare < 0.05 ? KEEP_NONE : BIG.has(best) ? KEEP_BIG : KEEP_SMALL;
      if (rand() < keep) picked.push([p, cell]);
    }
  });
  const n = picked.length;
  const x = new Float32Array(n * FEATURES);
  const y = new Float32Array(n * K);
  const w = new Float32Array(n);
  const counts = new Float64Array(K);
  picked.forEach(([p, cell], i) => {
    const d = data[p]!;
    dequantizeCell(q, d.features, cell, x, i * FEATURES);
    for (let c = 0; c < K; c++) {
      y[i * K + c] = d.targets[cell * K + c]!;
      counts[c] = counts[c]! + d.targets[cell * K + c]!;
    }
  });
  // Class weights: inverse square root of each class's share, so small items count without swamping.
  const total = counts.reduce((s, c) => s + c, 0);
  const cw = [...counts].map((c) => Math.min(8, Math.sqrt(total / K / Math.max(c, 1))));
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < K; c++) s += y[i * K + c]! * cw[c]!;
    w[i] = s;
  }
  return { x, y, w, n };
}

interface Trained {
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

/** Trains the MLP (features standardised, then folded into the first layer) with Adam on weighted soft cross-entropy. */
async function trainHead(s: Samples, seed: number): Promise<Trained> {
  const mean = new Float32Array(FEATURES);
  const std = new Float32Array(FEATURES);
  for (let i = 0; i < s.n; i++) for (let f = 0; f < FEATURES; f++) mean[f] = mean[f]! + s.x[i * FEATURES + f]! / s.n;
  for (let i = 0; i < s.n; i++) for (let f = 0; f < FEATURES; f++) std[f] = std[f]! + (s.x[i * FEATURES + f]! - mean[f]!) ** 2 / s.n;
  for (let f = 0; f < FEATURES; f++) std[f] = Math.sqrt(std[f]!) + 1e-3;
  const xs = new Float32Array(s.x.length);
  for (let i = 0; i < s.x.length; i++) xs[i] = (s.x[i]! - mean[i % FEATURES]!) / std[i % FEATURES]!;

  const w1 = tf.variable(tf.randomNormal([FEATURES, HIDDEN], 0, Math.sqrt(2 / FEATURES), 'float32', seed));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(tf.randomNormal([HIDDEN, K], 0, Math.sqrt(1 / HIDDEN), 'float32', seed + 1));
  const b2 = tf.variable(tf.zeros([K]));
  const optimizer = tf.train.adam(2e-3);
  const rand = seededRandom(seed + 2);
  const order = Array.from({ length: s.n }, (_, i) => i);
  const batch = 512;
  const xb = new Float32Array(batch * FEATURES);
  const yb = new Float32Array(batch * K);
  const wb = new Float32Array(batch);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    // The last two epochs at a lower rate settle the weights.
    (optimizer as unknown as { learningRate: number }).learningRate = 2e-3 * (epoch < EPOCHS - 2 ? 1 : 0.3);
    let lossSum = 0;
    for (let start = 0; start + batch <= s.n; start += batch) {
      for (let b = 0; b < batch; b++) {
        const i = order[start + b]!;
        xb.set(xs.subarray(i * FEATURES, (i + 1) * FEATURES), b * FEATURES);
        yb.set(s.y.subarray(i * K, (i + 1) * K), b * K);
        wb[b] = s.w[i]!;
      }
      const x = tf.tensor2d(xb, [batch, FEATURES]);
      const y = tf.tensor2d(yb, [batch, K]);
      const wt = tf.tensor1d(wb);
      const loss = optimizer.minimize(() => {
        const hidden = tf.relu(tf.add(tf.matMul(tf.dropout(x, 0.1), w1), b1));
        const logits = tf.add(tf.matMul(tf.dropout(hidden, 0.2), w2), b2);
        const ce = tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(logits)), 1));
        const l2 = tf.mul(1e-4, tf.add(tf.sum(tf.square(w1)), tf.sum(tf.square(w2))));
        return tf.add(tf.div(tf.sum(tf.mul(ce, wt)), tf.sum(wt)), l2) as tfTypes.Scalar;
      }, true);
      lossSum += (await loss!.data())[0]!;
      for (const t of [x, y, wt, loss!]) t.dispose();
    }
    log(`    epoch ${epoch + 1}/${EPOCHS} loss ${(lossSum / Math.floor(s.n / batch)).toFixed(4)}`);
  }
  const W1 = (await w1.data()) as Float32Array;
  const B1 = Float32Array.from(await b1.data());
  // Fold the standardisation in: (x - m) / s · W1 + b1 = x · (W1 / s) + (b1 - Σ m / s · W1).
  const folded = new Float32Array(FEATURES * HIDDEN);
  for (let f = 0; f < FEATURES; f++) {
    for (let j = 0; j < HIDDEN; j++) {
      const v = W1[f * HIDDEN + j]! / std[f]!;
      folded[f * HIDDEN + j] = v;
      B1[j] = B1[j]! - mean[f]! * v;
    }
  }
  const out = { w1: folded, b1: B1, w2: Float32Array.from(await w2.data()), b2: Float32Array.from(await b2.data()) };
  for (const v of [w1, b1, w2, b2]) v.dispose();
  optimizer.dispose();
  return out;
}

/** int8 first layer with one scale per input row (what garments.bin stores). */
function quantizeW1(w1: Float32Array): { q: Int8Array; scales: Float32Array } {
  const scales = new Float32Array(FEATURES);
  const q = new Int8Array(FEATURES * HIDDEN);
  for (let f = 0; f < FEATURES; f++) {
    let m = 0;
    for (let j = 0; j < HIDDEN; j++) m = Math.max(m, Math.abs(w1[f * HIDDEN + j]!));
    scales[f] = m / 127 || 1;
    for (let j = 0; j < HIDDEN; j++) q[f * HIDDEN + j] = Math.round(w1[f * HIDDEN + j]! / scales[f]!);
  }
  return { q, scales };
}

function toBin(t: Trained): Uint8Array {
  const { q, scales } = quantizeW1(t.w1);
  const size = binLayout(FEATURES, HIDDEN, K);
  const out = new Uint8Array(size.total);
  out.set(new Uint8Array(q.buffer), 0);
  const floats = new Float32Array(out.buffer, size.w1, (size.total - size.w1) / 4);
  floats.set(scales, 0);
  floats.set(t.b1, FEATURES);
  floats.set(t.w2, FEATURES + HIDDEN);
  floats.set(t.b2, FEATURES + HIDDEN + HIDDEN * K);
  return out;
}

/** A head as the app would load it (int8 first layer included). */
function asHead(t: Trained, params: Record<string, ClassParams> = {}): GarmentHead {
  const { q, scales } = quantizeW1(t.w1);
  const w1 = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w1[i] = q[i]! * scales[Math.floor(i / HIDDEN)]!;
  const head: GarmentHead = {
    version: 'training',
    params,
    w1: tf.tensor2d(w1, [FEATURES, HIDDEN]),
    b1: tf.tensor1d(t.b1),
    w2: tf.tensor2d(t.w2, [HIDDEN, K]),
    b2: tf.tensor1d(t.b2),
    dispose: () => [head.w1, head.b1, head.w2, head.b2].forEach((x) => x.dispose()),
  };
  return head;
}

async function gridsOf(head: GarmentHead, data: PhotoData[], q: Quantizer): Promise<ProbGrid[]> {
  const grids: ProbGrid[] = [];
  const buf = new Float32Array(CELLS * FEATURES);
  for (const d of data) {
    for (let cell = 0; cell < CELLS; cell++) dequantizeCell(q, d.features, cell, buf, cell * FEATURES);
    const x = tf.tensor2d(buf, [CELLS, FEATURES]);
    grids.push(await garmentGrid(head, x));
    x.dispose();
  }
  return grids;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Threshold rule: best box F1 per class among settings right at least this often out of fold (else the class is off). */
const MIN_PRECISION = 0.4;

async function main(): Promise<void> {
  const t0 = Date.now();
  await initNodeBackend();
  const { train, test, partClasses } = fashionCcp();
  log(`fashion-ccp: ${train.length} training photos, ${test.length} held out (every 4th by name: ${test[0]!.name}, ${test[1]!.name}, ...)`);
  const cache = arg('--cache', join(tmpdir(), 'shopsee-garment-features'));
  const trained = args.includes('--retune') ? retrieve(cache, train.length) : await trainAll(cache, train, test, partClasses, t0);

  log('thresholds from out-of-fold predictions:');
  // Dress and bottom exclude each other (out of fold: dress precision 0.43 -> 0.50 for recall 0.42 -> 0.40).
  const params = tune(trained.oofGrids, train, log, { split: true, excludes: { dress: 'bottom' }, minPrecision: MIN_PRECISION });
  const oof = scoreGarments(train.map((p) => p.boxes), trained.oofGrids.map((g, i) => garmentBoxes(g, params, train[i]!.width, train[i]!.height)));
  log(`out-of-fold, ${train.length} training photos:`);
  for (const line of garmentTable(oof)) log(line);
  const scores = scoreGarments(test.map((p) => p.boxes), trained.testGrids.map((g, i) => garmentBoxes(g, params, test[i]!.width, test[i]!.height)));
  log(`held out, ${test.length} photos:`);
  for (const line of garmentTable(scores)) log(line);

  if (args.includes('--no-write')) return;
  const all = scores.at(-1)!;
  const json: GarmentHeadJson & { heldOut: object } = {
    version: trained.version,
    labels: [...GARMENT_LABELS, 'none'],
    features: FEATURES,
    hidden: HIDDEN,
    params,
    weights: 'garments.bin: int8 w1 [features × hidden] row-major, then float32 little-endian: w1 row scales [features], b1 [hidden], w2 [hidden × classes], b2 [classes]',
    heldOut: { photos: test.length, recall: +all.recall.toFixed(3), precision: +all.precision.toFixed(3) },
  };
  const jsonBytes = new TextEncoder().encode(`${JSON.stringify(json, null, 1)}\n`);
  writeFileSync(join(here, 'garments.bin'), trained.bin);
  writeFileSync(join(here, 'garments.json'), jsonBytes);
  const manifestPath = join(here, '..', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { models: { id: string; version: string; files: { name: string; bytes: number; sha256: string }[] }[] };
  const entry = manifest.models.find((m) => m.id === 'garments');
  if (entry) {
    entry.version = json.version;
    for (const [name, bytes] of [['garments.json', jsonBytes], ['garments.bin', trained.bin]] as const) {
      const file = entry.files.find((f) => f.name === name)!;
      file.bytes = bytes.byteLength;
      file.sha256 = sha256(bytes);
    }
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  log(`wrote models/garments/garments.{json,bin} (${trained.bin.byteLength} bytes) and their checksums in models/manifest.json; ${Math.round((Date.now() - t0) / 1000)} s in all`);
}

interface TrainedHead {
  version: string;
  bin: Uint8Array;
  /** Out-of-fold grids of the training photos, and the final head's grids of the held-out photos. */
  oofGrids: ProbGrid[];
  testGrids: ProbGrid[];
}

/** --retune: the last training's grids (cache) and weights (models/garments), to choose thresholds again without retraining. */
function retrieve(cache: string, trainPhotos: number): TrainedHead {
  const previous = JSON.parse(readFileSync(join(here, 'garments.json'), 'utf8')) as GarmentHeadJson;
  return {
    version: previous.version,
    bin: new Uint8Array(readFileSync(join(here, 'garments.bin'))),
    oofGrids: loadGrids(join(cache, 'oof-grids.u8')).slice(0, trainPhotos),
    testGrids: loadGrids(join(cache, 'test-grids.u8')),
  };
}

/** Trains the 4 out-of-fold heads and the final head; grids saved in the cache for --retune. */
async function trainAll(cache: string, train: FashionPhoto[], test: FashionPhoto[], partClasses: (string | undefined)[], t0: number): Promise<TrainedHead> {
  const centernet = await loadGraphModel('centernet', nodeModelLocation());
  const { data, quantizer } = await loadData(centernet, train, partClasses, cache, log, FLIP);
  // Folds by photo: a photo and its mirror image always fall in the same fold.
  const photoIndex = new Map(train.map((p, i) => [p.name, i]));
  const foldOf = (d: PhotoData): number => photoIndex.get(d.photo.name)! % 4;
  log(`features ready (${Math.round((Date.now() - t0) / 1000)} s)`);

  // Out-of-fold predictions of the training photos choose the thresholds; the held-out quarter is never looked at.
  const oofGrids: ProbGrid[] = new Array(train.length);
  for (let fold = 0; fold < 4; fold++) {
    const fit = data.filter((d) => foldOf(d) !== fold);
    const held = data.filter((d) => !d.flipped && foldOf(d) === fold).map((d) => ({ d, i: photoIndex.get(d.photo.name)! }));
    const s = sampleCells(fit, quantizer, 10 + fold);
    log(`  fold ${fold + 1}/4: ${s.n} cells from ${fit.length} photos`);
    const head = asHead(await trainHead(s, 100 + fold));
    const grids = await gridsOf(head, held.map((h) => h.d), quantizer);
    held.forEach((h, j) => (oofGrids[h.i] = grids[j]!));
    head.dispose();
  }
  saveGrids(join(cache, 'oof-grids.u8'), oofGrids);

  const s = sampleCells(data, quantizer, 7);
  log(`final head: ${s.n} cells from ${data.length} photos`);
  const final = await trainHead(s, 7);
  const head = asHead(final);
  // Held-out quarter, through the same feature code the app runs (float features, not the cache).
  const testGrids: ProbGrid[] = [];
  for (const photo of test) {
    const x = tf.tensor2d(await photoFeatures(centernet, photo), [CELLS, FEATURES]);
    testGrids.push(await garmentGrid(head, x));
    x.dispose();
  }
  saveGrids(join(cache, 'test-grids.u8'), testGrids);
  head.dispose();
  centernet.dispose();
  return { version: `ccp301-h${HIDDEN}-e${EPOCHS}${FLIP ? '-flip' : ''}`, bin: toBin(final), oofGrids, testGrids };
}

await main();
