/**
 * COCO object detection with centernet (MB3-CenterNet from @vladmandic/human): 512×512 input of
 * 0-255 floats, output `tower_0/detections` rows [x1, y1, x2, y2, score, class] in input pixels.
 * Optional overlapping tiles find small items the full-frame pass misses.
 */
import type * as tfTypes from '@tensorflow/tfjs';
import type { Detection, ImageBox } from '../types.js';
import { clipBox, iou, nms } from './boxes.js';
import { COCO_CLASSES } from './coco.js';
import { cellFeatures, FEATURE_NODES } from './garments.js';
import { cropResize } from './tensor.js';

const INPUT = 512;
const OUTPUT_NODE = 'tower_0/detections';

export interface CenternetOptions {
  minScore: number;
  /** 0: one full-frame pass; 2: also a 2×2 grid of overlapping tiles (5 passes). */
  tiles: 0 | 2;
  /** Also return the garment head's per-cell features from the full-frame pass (same execute). */
  features?: boolean;
}

/** Objects found, and the full frame's per-cell features when asked for (the caller disposes them). */
export interface CenternetResult {
  objects: Detection[];
  features?: tfTypes.Tensor2D;
}

/** The regions to run: the whole frame, then tiles overlapping by a fifth. */
export function tileRegions(width: number, height: number, tiles: 0 | 2): ImageBox[] {
  const regions: ImageBox[] = [[0, 0, width, height]];
  if (tiles === 2) {
    const tw = width * 0.6;
    const th = height * 0.6;
    for (const y of [0, height - th]) for (const x of [0, width - tw]) regions.push([x, y, tw, th]);
  }
  return regions;
}

// Persons below this score do not anchor the garment features' body coordinates.
const MIN_PERSON = 0.15;

async function runRegion(model: tfTypes.GraphModel, image: tfTypes.Tensor3D, region: ImageBox, minScore: number, features = false): Promise<CenternetResult> {
  const input = cropResize(image, [region], INPUT);
  const outs = model.execute(input, features ? [OUTPUT_NODE, ...FEATURE_NODES] : OUTPUT_NODE);
  const [out, ...maps] = Array.isArray(outs) ? outs : [outs];
  const rows = ((await out!.array()) as number[][][])[0] ?? [];
  out!.dispose();
  let cells: tfTypes.Tensor2D | undefined;
  if (features) {
    // The best person box, in input-normalised coordinates, anchors "where on the body" features.
    const person = rows.filter((r) => r[5] === 0 && (r[4] ?? 0) >= MIN_PERSON).sort((a, b) => b[4]! - a[4]!)[0];
    const box: ImageBox = person ? [person[0]! / INPUT, person[1]! / INPUT, (person[2]! - person[0]!) / INPUT, (person[3]! - person[1]!) / INPUT] : [0, 0, 1, 1];
    cells = cellFeatures(maps, input, box);
    for (const m of maps) m.dispose();
  }
  input.dispose();
  const [h, w] = image.shape;
  const sx = region[2] / INPUT;
  const sy = region[3] / INPUT;
  const found: Detection[] = [];
  for (const [x1 = 0, y1 = 0, x2 = 0, y2 = 0, score = 0, cls = Number.NaN] of rows) {
    const label = COCO_CLASSES[cls];
    if (score < minScore || !label) continue;
    const box = clipBox([region[0] + x1 * sx, region[1] + y1 * sy, (x2 - x1) * sx, (y2 - y1) * sy], w, h);
    if (box) found.push({ label, kind: 'object', score, box });
  }
  return { objects: found, features: cells };
}

/** Detects COCO objects in an image tensor; boxes in image pixels, NMS-merged across tiles; optionally garment features. */
export async function detectObjects(model: tfTypes.GraphModel, image: tfTypes.Tensor3D, options: CenternetOptions): Promise<CenternetResult> {
  const [h, w] = image.shape;
  const regions = tileRegions(w, h, options.tiles);
  const { objects: full, features } = await runRegion(model, image, regions[0]!, options.minScore, options.features);
  const all: Detection[] = [...full];
  for (const region of regions.slice(1)) {
    const { objects: found } = await runRegion(model, image, region, options.minScore);
    // A tile sees objects cut at its inner edges, or parts of what the full frame saw whole
    // (the upper half of a person): keep only whole, new finds.
    all.push(...found.filter((d) => !touchesInnerEdge(d.box, region, w, h) && !full.some((f) => f.label === d.label && containment(d.box, f.box) > 0.6)));
  }
  return { objects: nms(all, 0.5), features };
}

function touchesInnerEdge(box: ImageBox, region: ImageBox, w: number, h: number): boolean {
  const m = 0.03 * Math.max(region[2], region[3]);
  const innerLeft = region[0] > 0 && box[0] <= region[0] + m;
  const innerTop = region[1] > 0 && box[1] <= region[1] + m;
  const innerRight = region[0] + region[2] < w && box[0] + box[2] >= region[0] + region[2] - m;
  const innerBottom = region[1] + region[3] < h && box[1] + box[3] >= region[1] + region[3] - m;
  return innerLeft || innerTop || innerRight || innerBottom;
}

/** Fraction of box a inside box b. */
function containment(a: ImageBox, b: ImageBox): number {
  const inter = iou(a, b) * (a[2] * a[3] + b[2] * b[3]) / (1 + iou(a, b));
  return a[2] * a[3] > 0 ? inter / (a[2] * a[3]) : 0;
}

