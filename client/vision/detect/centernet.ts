/**
 * COCO object detection with centernet (MB3-CenterNet from @vladmandic/human): 512×512 input of
 * 0-255 floats, output `tower_0/detections` rows [x1, y1, x2, y2, score, class] in input pixels.
 * Optional overlapping tiles find small items the full-frame pass misses.
 */
import type * as tfTypes from '@tensorflow/tfjs';
import type { Detection, ImageBox } from '../types.js';
import { clipBox, iou, nms } from './boxes.js';
import { COCO_CLASSES } from './coco.js';
import { cropResize } from './tensor.js';

const INPUT = 512;
const OUTPUT_NODE = 'tower_0/detections';

export interface CenternetOptions {
  minScore: number;
  /** 0: one full-frame pass; 2: also a 2×2 grid of overlapping tiles (5 passes). */
  tiles: 0 | 2;
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

async function runRegion(model: tfTypes.GraphModel, image: tfTypes.Tensor3D, region: ImageBox, minScore: number): Promise<Detection[]> {
  const input = cropResize(image, [region], INPUT);
  const out = model.execute(input, OUTPUT_NODE) as tfTypes.Tensor;
  input.dispose();
  const rows = (await out.array()) as number[][][];
  out.dispose();
  const [h, w] = image.shape;
  const sx = region[2] / INPUT;
  const sy = region[3] / INPUT;
  const found: Detection[] = [];
  for (const [x1 = 0, y1 = 0, x2 = 0, y2 = 0, score = 0, cls = Number.NaN] of rows[0] ?? []) {
    const label = COCO_CLASSES[cls];
    if (score < minScore || !label) continue;
    const box = clipBox([region[0] + x1 * sx, region[1] + y1 * sy, (x2 - x1) * sx, (y2 - y1) * sy], w, h);
    if (box) found.push({ label, kind: 'object', score, box });
  }
  return found;
}

/** Detects COCO objects in an image tensor; boxes in image pixels, NMS-merged across tiles. */
export async function detectObjects(model: tfTypes.GraphModel, image: tfTypes.Tensor3D, options: CenternetOptions): Promise<Detection[]> {
  const [h, w] = image.shape;
  const regions = tileRegions(w, h, options.tiles);
  const full = await runRegion(model, image, regions[0]!, options.minScore);
  const all: Detection[] = [...full];
  for (const region of regions.slice(1)) {
    const found = await runRegion(model, image, region, options.minScore);
    // A tile sees objects cut at its inner edges, or parts of what the full frame saw whole
    // (the upper half of a person): keep only whole, new finds.
    all.push(...found.filter((d) => !touchesInnerEdge(d.box, region, w, h) && !full.some((f) => f.label === d.label && containment(d.box, f.box) > 0.6)));
  }
  return nms(all, 0.5);
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

