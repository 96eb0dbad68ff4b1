/**
 * `npm run eval:vision [-- --every N] [--json]`: the discovery engine's quality on the real photos
 * of ../shared/fixtures: detection recall/precision, category agreement, instance retrieval under
 * augmentation for several embeddings, and the fashion items found. Prints a table.
 */
import { DEFAULT_EMBEDDING, type EmbeddingSpec } from '../../client/vision/embed/embedder.js';
import { detectPhotos, scoreDetections } from '../discovery/eval/detection.js';
import { evaluateFashion } from '../discovery/eval/fashion.js';
import { everyNth, homeGoods } from '../discovery/eval/fixtures.js';
import { categoryAgreement, embedAugmented, embedCrops, instanceRecall } from '../discovery/eval/retrieval.js';
import { nodeEngine } from '../discovery/node-engine.js';

const args = process.argv.slice(2);
const every = Number(args[args.indexOf('--every') + 1] ?? 1) || 1;
const json = args.includes('--json');
const log = (line: string): void => {
  if (!json) process.stdout.write(`${line}\n`);
};

const SPECS: [string, EmbeddingSpec][] = [
  ['deep 1792', { colourWeight: 0, dims: 0, margin: DEFAULT_EMBEDDING.margin }],
  ['deep+colour 1856', { ...DEFAULT_EMBEDDING, dims: 0 }],
  ['deep+colour → 256 (default)', DEFAULT_EMBEDDING],
  ['deep+colour(0.3) → 256', { ...DEFAULT_EMBEDDING, colourWeight: 0.3 }],
  ['deep → 128', { colourWeight: 0, dims: 128, margin: DEFAULT_EMBEDDING.margin }],
  ['colour only 64', { colourWeight: 1, dims: 0, margin: DEFAULT_EMBEDDING.margin }],
];

const t0 = Date.now();
const photos = everyNth(homeGoods(), every);
const engine = await nodeEngine();
const summary: Record<string, unknown> = { photos: photos.length };

log(`Home-goods: ${photos.length} photos${every > 1 ? ` (every ${every}th)` : ''}\n`);
log('Detection at IoU 0.5 (COCO-shared classes)');
log('| pass | min score | recall | precision | truths | predictions |');
log('| --- | --- | --- | --- | --- | --- |');
for (const tiles of [0, 2] as const) {
  const detections = await detectPhotos(photos, { tiles, minScore: 0.1 });
  for (const minScore of [0.1, 0.15, 0.2, 0.25, 0.3, 0.4]) {
    const s = scoreDetections(photos, detections, minScore);
    summary[`det_t${tiles}_s${minScore}`] = s;
    log(`| ${tiles ? 'full + 2×2 tiles' : 'full frame'} | ${minScore} | ${s.recall.toFixed(3)} | ${s.precision.toFixed(3)} | ${s.truths} | ${s.predictions} |`);
  }
}

const { crops, noise } = await embedCrops(engine.embedder, photos, 4);
const sample = crops.filter((c, i) => i % 2 === 0 && c.box[2] >= 40 && c.box[3] >= 40);
const augmented = await embedAugmented(engine.embedder, photos, sample);
const targets = sample.map((c) => crops.indexOf(c));
log(`\nRetrieval: ${crops.length} labelled crops, ${noise.length} distractors, ${sample.length} augmented queries`);
log('| embedding | 1-NN category | P@5 category | instance R@1 | instance R@5 |');
log('| --- | --- | --- | --- | --- |');
for (const [name, spec] of SPECS) {
  const e = engine.embedder.withSpec(spec);
  const vectors = crops.map((c) => e.combine(c.raw));
  const cat = categoryAgreement(crops, vectors);
  const catalog = [...vectors, ...noise.map((c) => e.combine(c.raw))];
  const inst = instanceRecall(augmented.map((r) => e.combine(r)), catalog, targets);
  summary[`emb_${name}`] = { ...cat, ...inst };
  log(`| ${name} | ${cat.nn1.toFixed(3)} | ${cat.p5.toFixed(3)} | ${inst.r1.toFixed(3)} | ${inst.r5.toFixed(3)} |`);
}

const fashion = await evaluateFashion();
summary.fashion = fashion;
log('\nFashion items found');
log('| photo | item | found |');
log('| --- | --- | --- |');
for (const f of fashion) log(`| ${f.photo} | ${f.item} | ${f.found ? 'yes' : 'no'} |`);
log(`\n${fashion.filter((f) => f.found).length} of ${fashion.length} fashion items found. Took ${Math.round((Date.now() - t0) / 1000)} s.`);
if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
