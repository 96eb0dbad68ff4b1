/**
 * Garments on the held-out quarter of ../shared/fixtures/fashion-ccp (every 4th photo sorted by
 * name; the garment head trained on the other three quarters): the engine's own detector, boxes
 * scored per class at IoU 0.5 with photo-level presence precision.
 */
import { readFileSync } from 'node:fs';
import type { RawDetector } from '../../../client/vision/detect/detector.js';
import { imageTensor } from '../../../client/vision/detect/tensor.js';
import type { Detection } from '../../../client/vision/types.js';
import { decodePhoto } from '../decode.js';
import { nodeEngine } from '../node-engine.js';
import { everyNth, fashionCcp } from './fixtures.js';
import { type ClassScore, scoreGarments } from './garment-scores.js';

export interface GarmentEvaluation {
  /** Held-out photos scored (names), and how many photos the head trained on. */
  photos: string[];
  trainPhotos: number;
  scores: ClassScore[];
  /** Detector time a photo (objects and garments, decode excluded). */
  msPerPhoto: number;
}

/** Garment regions the detector finds on every `every`-th held-out photo, boxes in the photos' pixels. */
export async function detectGarments(every = 1): Promise<{ photos: ReturnType<typeof fashionCcp>['test']; found: Detection[][]; ms: number; trainPhotos: number }> {
  const { train, test } = fashionCcp();
  const photos = everyNth(test, every);
  const detector = (await nodeEngine()).detector as RawDetector;
  if (!detector.garments) throw new Error('The garment head did not load (run "npm run models"); see the model status.');
  const found: Detection[][] = [];
  let ms = 0;
  for (const photo of photos) {
    const decoded = await decodePhoto(readFileSync(photo.path));
    const tensor = imageTensor(decoded.image);
    const t0 = performance.now();
    const all = await detector.detectAll(tensor);
    ms += performance.now() - t0;
    tensor.dispose();
    const s = decoded.scale;
    found.push(all.filter((d) => d.kind === 'apparel').map((d) => ({ ...d, box: [d.box[0] * s, d.box[1] * s, d.box[2] * s, d.box[3] * s] })));
  }
  return { photos, found, ms, trainPhotos: train.length };
}

/** Per-class garment scores on the held-out photos. */
export async function evaluateGarments(every = 1): Promise<GarmentEvaluation> {
  const { photos, found, ms, trainPhotos } = await detectGarments(every);
  return {
    photos: photos.map((p) => p.name),
    trainPhotos,
    scores: scoreGarments(photos.map((p) => p.boxes), found),
    msPerPhoto: photos.length ? ms / photos.length : 0,
  };
}
