/**
 * `npm run bench:vision [-- --quick] [--json]`: discovery speed in Node (wasm), each figure against
 * a baseline measured in the same run:
 *  - per photo, end to end (decode, detect, embed every item, search a 100k index) vs the bare
 *    centernet inference on the same photos (target ratio ≤ 1.6);
 *  - approximate search at 100k and 1M vectors vs an exact scan (target ≥ 10× at recall@10 ≥ 0.95);
 *  - the server path (device sends a vector): pgvector HNSW on PGlite vs an exact scan, at 100k
 *    (1M with --pgvector-1m);
 *  - index memory per product (target ≤ 512 bytes);
 *  - tfjs tensor count after 500 camera-sized frames vs after 10 (no leak).
 * --quick (CI) uses 2 photos, 20k vectors and 25 frames.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAMERA_DETECTOR } from '../../client/vision/detect/detector.js';
import { embeddingDims } from '../../client/vision/embed/spec.js';
import { cropResize, imageTensor } from '../../client/vision/detect/tensor.js';
import { loadGraphModel, tf } from '../../client/vision/runtime/index.js';
import { nodeModelLocation } from '../../client/vision/runtime/node.js';
import { Tracker } from '../../client/vision/track/tracker.js';
import { benchPgvector } from '../discovery/bench/pgvector.js';
import { syntheticCatalog } from '../discovery/bench/synthetic.js';
import { decodePhoto } from '../discovery/decode.js';
import { FIXTURES, homeGoods } from '../discovery/eval/fixtures.js';
import { discoverPhoto, nodeEngine } from '../discovery/node-engine.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const json = args.includes('--json');
const log = (line: string): void => {
  if (!json) process.stdout.write(`${line}\n`);
};
const ms = (t0: number): number => performance.now() - t0;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const DIMS = embeddingDims();

const engine = await nodeEngine();
const summary: Record<string, number> = {};

// 1. End to end per photo vs the bare detector.
const photoPaths = [join(FIXTURES, 'fashion', 'street-blazer-sunglasses.jpg'), join(FIXTURES, 'fashion', 'runway-dress.jpg'), ...homeGoods().slice(0, quick ? 0 : 6).map((p) => p.path)];
const catalog100k = syntheticCatalog(quick ? 20_000 : 100_000, DIMS, { approximate: true });
const centernet = await loadGraphModel('centernet', nodeModelLocation());
await discoverPhoto(readFileSync(photoPaths[0]!), { index: catalog100k.index }); // warm-up
const bare: number[] = [];
const detector: number[] = [];
const full: number[] = [];
let items = 0;
for (const path of photoPaths) {
  const bytes = readFileSync(path);
  const decoded = await decodePhoto(bytes);
  const t = imageTensor(decoded.image);
  const t0 = performance.now();
  const input = cropResize(t, [[0, 0, decoded.image.width, decoded.image.height]], 512);
  const out = centernet.execute(input, 'tower_0/detections') as import('@tensorflow/tfjs').Tensor;
  await out.data();
  bare.push(ms(t0));
  tf.dispose([input, out]);
  // The detector alone: objects plus garments from the same centernet pass.
  const t2 = performance.now();
  await engine.detector.detect(t);
  detector.push(ms(t2));
  t.dispose();
  const t1 = performance.now();
  const result = await discoverPhoto(bytes, { index: catalog100k.index });
  full.push(ms(t1));
  items += result.items.length;
}
summary.photo_bare_ms = median(bare);
summary.photo_detector_ms = median(detector);
summary.photo_detector_ratio = summary.photo_detector_ms / summary.photo_bare_ms;
summary.photo_end_to_end_ms = median(full);
summary.photo_ratio = summary.photo_end_to_end_ms / summary.photo_bare_ms;
summary.items_per_photo = items / photoPaths.length;
log(`Photos: ${photoPaths.length}, ${summary.items_per_photo.toFixed(1)} items each, index ${catalog100k.index.size} vectors`);
log(`  bare centernet       ${summary.photo_bare_ms.toFixed(0)} ms (median)`);
log(`  detector             ${summary.photo_detector_ms.toFixed(0)} ms (objects + garments, one centernet pass; ${summary.photo_detector_ratio.toFixed(2)}× bare)`);
log(`  end to end           ${summary.photo_end_to_end_ms.toFixed(0)} ms (decode + detect + garments + embed all + search)`);
log(`  ratio                ${summary.photo_ratio.toFixed(2)} (target ≤ 1.6)`);

// 2. Search: IVF vs exact scan on the same int8 vectors.
for (const n of quick ? [20_000] : [100_000, 1_000_000]) {
  // Fewer queries at 1M: each exact scan reads 480 MB of codes.
  const cat = n === catalog100k.index.size ? catalog100k : syntheticCatalog(n, DIMS, { approximate: true, queries: n >= 1_000_000 ? 30 : 100 });
  const { index, queries } = cat;
  const exactT: number[] = [];
  const approxT: number[] = [];
  let hit = 0;
  for (const q of queries) {
    let t0 = performance.now();
    const exact = index.search(q, 10, { exact: true });
    exactT.push(ms(t0));
    t0 = performance.now();
    const approx = index.search(q, 10);
    approxT.push(ms(t0));
    const truth = new Set(exact.map((m) => m.productId));
    hit += approx.filter((m) => truth.has(m.productId)).length;
  }
  const key = n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`;
  summary[`search_${key}_exact_ms`] = median(exactT);
  summary[`search_${key}_ivf_ms`] = median(approxT);
  summary[`search_${key}_speedup`] = median(exactT) / median(approxT);
  summary[`search_${key}_recall10`] = hit / (queries.length * 10);
  summary[`search_${key}_build_s`] = cat.buildMs / 1000;
  summary.bytes_per_product = (index.codes.byteLength + index.scales.byteLength + (index.ivf?.rows.byteLength ?? 0) + (index.ivf?.centroids.byteLength ?? 0)) / index.size;
  log(`Search ${n.toLocaleString('en')} × ${DIMS}-d int8 (IVF ${index.ivf?.nlist} lists, nprobe ${index.ivf?.nprobe}, built in ${(cat.buildMs / 1000).toFixed(1)} s)`);
  log(`  exact scan ${median(exactT).toFixed(2)} ms, IVF ${median(approxT).toFixed(2)} ms: ${summary[`search_${key}_speedup`]!.toFixed(1)}× faster at recall@10 ${summary[`search_${key}_recall10`]!.toFixed(3)} (target ≥ 10× at ≥ 0.95)`);
}
log(`Index memory: ${summary.bytes_per_product!.toFixed(0)} bytes per product in typed arrays (target ≤ 512)`);

// Where exact scanning stops being fast enough: the per-query cost of both at catalog sizes a phone holds.
if (!quick) {
  log('Crossover (per query, median): n | exact ms | IVF ms | IVF recall@10');
  for (const n of [2_000, 5_000, 10_000, 20_000, 50_000]) {
    const { index, queries } = syntheticCatalog(n, DIMS, { approximate: true, queries: 50 });
    const ex: number[] = [];
    const iv: number[] = [];
    let hit = 0;
    for (const q of queries) {
      let t = performance.now();
      const truth = new Set(index.search(q, 10, { exact: true }).map((m) => m.productId));
      ex.push(ms(t));
      t = performance.now();
      hit += index.search(q, 10).filter((m) => truth.has(m.productId)).length;
      iv.push(ms(t));
    }
    summary[`crossover_${n}_exact_ms`] = median(ex);
    summary[`crossover_${n}_ivf_ms`] = median(iv);
    log(`  ${n} | ${median(ex).toFixed(2)} | ${median(iv).toFixed(2)} | ${(hit / (queries.length * 10)).toFixed(3)}`);
  }
}

// Server path (catalogs past what a phone downloads): the device sends the vector, pgvector's HNSW
// index answers, against the exact scan of the same vectors. 1M is opt-in (--pgvector-1m): loading
// and indexing a million 480-d vectors in PGlite takes the better part of an hour on this machine.
for (const n of quick ? [5_000] : args.includes('--pgvector-1m') ? [100_000, 1_000_000] : [100_000]) {
  const cat = n === catalog100k.index.size ? catalog100k : syntheticCatalog(n, DIMS, { approximate: false, queries: 50 });
  const r = await benchPgvector(cat);
  const key = n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`;
  summary[`pgvector_${key}_query_ms`] = r.queryMs;
  summary[`pgvector_${key}_speedup`] = r.exactMs / r.queryMs;
  summary[`pgvector_${key}_recall10`] = r.recall10;
  summary[`pgvector_${key}_load_s`] = r.loadS;
  summary[`pgvector_${key}_build_s`] = r.buildS;
  log(`Server search, pgvector HNSW on PGlite, ${n.toLocaleString('en')} × ${DIMS}-d (load ${r.loadS.toFixed(0)} s, index ${r.buildS.toFixed(0)} s)`);
  log(`  ${r.queryMs.toFixed(2)} ms a query vs exact scan ${r.exactMs.toFixed(2)} ms: ${(r.exactMs / r.queryMs).toFixed(1)}× at recall@10 ${r.recall10.toFixed(3)}`);
}

// 3. Tensor leak check over camera-sized frames (detect + track, as the camera loop does).
const frames = quick ? 25 : 500;
const street = await decodePhoto(readFileSync(photoPaths[0]!));
const frameTensor = imageTensor(street.image);
const camera = tf.tidy(() => tf.image.resizeBilinear(frameTensor, [480, 360]).toInt() as import('@tensorflow/tfjs').Tensor3D);
frameTensor.dispose();
const tracker = new Tracker();
let after10 = 0;
const t0 = performance.now();
for (let f = 1; f <= frames; f++) {
  tracker.update(await engine.detector.detect(camera, CAMERA_DETECTOR));
  if (f === 10) after10 = tf.memory().numTensors;
}
summary.frame_ms = ms(t0) / frames;
summary.tensors_after_10 = after10;
summary[`tensors_after_${frames}`] = tf.memory().numTensors;
log(`Camera frames (360×480): ${frames} at ${summary.frame_ms.toFixed(0)} ms each; tensors after 10: ${after10}, after ${frames}: ${tf.memory().numTensors} (${tf.memory().numTensors === after10 ? 'no leak' : 'LEAK'})`);
camera.dispose();
if (json) process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, Math.round(v * 1000) / 1000])))}\n`);
