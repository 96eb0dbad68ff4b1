/** Box maths in image pixels: IoU, clipping and class-wise non-maximum suppression. */
import type { Detection, ImageBox } from '../types.js';

/** Intersection over union of two [x, y, w, h] boxes. */
export function iou(a: ImageBox, b: ImageBox): number {
  const x1 = Math.max(a[0], b[0]);
  const y1 = Math.max(a[1], b[1]);
  const x2 = Math.min(a[0] + a[2], b[0] + b[2]);
  const y2 = Math.min(a[1] + a[3], b[1] + b[3]);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
}

/** Clips a box to the image; returns undefined when nothing of it is left. */
export function clipBox(box: ImageBox, width: number, height: number): ImageBox | undefined {
  const x1 = Math.max(0, Math.min(width, box[0]));
  const y1 = Math.max(0, Math.min(height, box[1]));
  const x2 = Math.max(0, Math.min(width, box[0] + box[2]));
  const y2 = Math.max(0, Math.min(height, box[1] + box[3]));
  return x2 - x1 >= 1 && y2 - y1 >= 1 ? [x1, y1, x2 - x1, y2 - y1] : undefined;
}

/** Rounds a box to whole pixels (what the CLI prints). */
export const roundBox = (b: ImageBox): ImageBox => [Math.round(b[0]), Math.round(b[1]), Math.round(b[2]), Math.round(b[3])];

/** Keeps the best-scoring box of each same-label cluster overlapping more than `threshold`. */
export function nms<T extends Detection>(items: T[], threshold = 0.5): T[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  for (const item of sorted) {
    if (!kept.some((k) => k.label === item.label && iou(k.box, item.box) > threshold)) kept.push(item);
  }
  return kept;
}
