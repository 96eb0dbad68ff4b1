/** Detection recall and precision at IoU 0.5 on home-goods, for the classes COCO shares with its labels. */
import { readFileSync } from 'node:fs';
import { iou } from '../../../client/vision/detect/boxes.js';
import type { DetectorOptions } from '../../../client/vision/detect/detector.js';
import { imageTensor } from '../../../client/vision/detect/tensor.js';
import type { Detection } from '../../../client/vision/types.js';
import { decodePhoto } from '../decode.js';
import { nodeEngine } from '../node-engine.js';
import { type LabelledPhoto, TO_COCO } from './fixtures.js';

export interface DetectionScores {
  recall: number;
  precision: number;
  truths: number;
  predictions: number;
}

/** Raw detections (every COCO class, down to minScore) per photo, boxes in the photo's pixels. */
export async function detectPhotos(photos: LabelledPhoto[], options: Partial<DetectorOptions>): Promise<Detection[][]> {
  const engine = await nodeEngine();
  const detector = engine.detector as import('../../../client/vision/detect/detector.js').RawDetector;
  const out: Detection[][] = [];
  for (const photo of photos) {
    const decoded = await decodePhoto(readFileSync(photo.path));
    const tensor = imageTensor(decoded.image);
    const found = await detector.detectAll(tensor, { ...options, apparel: false });
    tensor.dispose();
    const s = decoded.scale;
    out.push(found.map((d) => ({ ...d, box: [d.box[0] * s, d.box[1] * s, d.box[2] * s, d.box[3] * s] })));
  }
  return out;
}

/** Scores detections at a threshold: greedy same-class matching at IoU ≥ 0.5, best score first. */
export function scoreDetections(photos: LabelledPhoto[], detections: Detection[][], minScore: number): DetectionScores {
  const shared = new Set(Object.values(TO_COCO));
  let truths = 0;
  let predictions = 0;
  let hits = 0;
  photos.forEach((photo, i) => {
    const gt = photo.boxes.filter((b) => TO_COCO[b.label]).map((b) => ({ label: TO_COCO[b.label]!, box: b.box, used: false }));
    const preds = (detections[i] ?? []).filter((d) => d.score >= minScore && shared.has(d.label)).sort((a, b) => b.score - a.score);
    truths += gt.length;
    predictions += preds.length;
    for (const p of preds) {
      let best: (typeof gt)[number] | undefined;
      let bestIou = 0.5;
      for (const g of gt) {
        if (g.used || g.label !== p.label) continue;
        const o = iou(p.box, g.box);
        if (o >= bestIou) {
          bestIou = o;
          best = g;
        }
      }
      if (best) {
        best.used = true;
        hits += 1;
      }
    }
  });
  return { recall: truths ? hits / truths : 0, precision: predictions ? hits / predictions : 0, truths, predictions };
}
