/**
 * The whole evaluation as one function, so `npm run eval:vision` prints it and a test asserts
 * floors on a subset: detection, category agreement, instance retrieval, fashion items, garments.
 */
import { DEFAULT_EMBEDDING, type EmbeddingSpec } from '../../../client/vision/embed/spec.js';
import { nodeEngine } from '../node-engine.js';
import { type DetectionScores, detectPhotos, scoreDetections } from './detection.js';
import { evaluateFashion } from './fashion.js';
import { everyNth, homeGoods } from './fixtures.js';
import { evaluateGarments, type GarmentEvaluation } from './garments.js';
import { categoryAgreement, embedAugmented, embedCrops, instanceRecall } from './retrieval.js';

export interface EmbeddingScores {
  name: string;
  nn1: number;
  p5: number;
  r1: number;
  r5: number;
}

export interface Evaluation {
  photos: number;
  crops: number;
  distractors: number;
  queries: number;
  detection: { tiles: 0 | 2; minScore: number; scores: DetectionScores }[];
  embeddings: EmbeddingScores[];
  fashion: { photo: string; item: string; found: boolean }[];
  /** fashion-ccp held-out photos (every `garmentEvery`-th of them). */
  garments: GarmentEvaluation;
}

/** Embedding variants compared; the default one is what the app stores. */
export const SPECS: [string, EmbeddingSpec][] = [
  ['deep 1792', { colourWeight: 0, dims: 0, margin: DEFAULT_EMBEDDING.margin }],
  ['deep+colour 1856', { ...DEFAULT_EMBEDDING, dims: 0 }],
  ['deep+colour(0.15) → 256', { ...DEFAULT_EMBEDDING, colourWeight: 0.15, dims: 256 }],
  ['deep+colour(0.5) → 256', { ...DEFAULT_EMBEDDING, colourWeight: 0.5, dims: 256 }],
  [`deep+colour(${DEFAULT_EMBEDDING.colourWeight}) → ${DEFAULT_EMBEDDING.dims} (default)`, DEFAULT_EMBEDDING],
  ['deep → 256', { colourWeight: 0, dims: 256, margin: DEFAULT_EMBEDDING.margin }],
  ['colour only 64', { colourWeight: 1, dims: 0, margin: DEFAULT_EMBEDDING.margin }],
];

/** Runs everything on every `every`-th home-goods photo (1 = all), the fashion photos and every `garmentEvery`-th held-out fashion-ccp photo. */
export async function runEvaluation(options: { every?: number; garmentEvery?: number; tiles?: (0 | 2)[]; minScores?: number[]; specs?: [string, EmbeddingSpec][] } = {}): Promise<Evaluation> {
  const photos = everyNth(homeGoods(), options.every ?? 1);
  const engine = await nodeEngine();
  const detection: Evaluation['detection'] = [];
  for (const tiles of options.tiles ?? [0, 2]) {
    const found = await detectPhotos(photos, { tiles, minScore: 0.1 });
    for (const minScore of options.minScores ?? [0.1, 0.15, 0.2, 0.25, 0.3, 0.4]) detection.push({ tiles, minScore, scores: scoreDetections(photos, found, minScore) });
  }
  const { crops, noise } = await embedCrops(engine.embedder, photos, 4);
  const sample = crops.filter((c, i) => i % 2 === 0 && c.box[2] >= 40 && c.box[3] >= 40);
  const augmented = await embedAugmented(engine.embedder, photos, sample);
  const targets = sample.map((c) => crops.indexOf(c));
  const embeddings = (options.specs ?? SPECS).map(([name, spec]) => {
    const e = engine.embedder.withSpec(spec);
    const vectors = crops.map((c) => e.combine(c.raw));
    const cat = categoryAgreement(crops, vectors);
    const inst = instanceRecall(augmented.map((r) => e.combine(r)), [...vectors, ...noise.map((c) => e.combine(c.raw))], targets);
    return { name, nn1: cat.nn1, p5: cat.p5, r1: inst.r1, r5: inst.r5 };
  });
  return { photos: photos.length, crops: crops.length, distractors: noise.length, queries: sample.length, detection, embeddings, fashion: await evaluateFashion(), garments: await evaluateGarments(options.garmentEvery ?? 1) };
}
