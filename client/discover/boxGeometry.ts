/**
 * The shopper's own box on a photo: from a drag (two points) or from the keyboard (arrows move,
 * Shift+arrows resize), always inside the photo and large enough to search. Image pixels.
 */
import type { ImageBox } from '../vision/types.js';

/** A point in the photo's own pixels (not screen pixels). */
export type ImagePoint = { readonly x: number; readonly y: number } & { readonly __space?: 'image' };

export interface Size {
  width: number;
  height: number;
}

/** Smallest side searched, as a share of the photo's shorter side: a 2 px box has nothing to match. */
export const MIN_SIDE_SHARE = 0.04;

function minSide(photo: Size): number {
  return Math.max(8, Math.round(Math.min(photo.width, photo.height) * MIN_SIDE_SHARE));
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The rectangle spanned by two points (any corner order), clipped to the photo, whole pixels. */
export function boxFromPoints(a: ImagePoint, b: ImagePoint, photo: Size): ImageBox {
  const x0 = clamp(Math.min(a.x, b.x), 0, photo.width);
  const y0 = clamp(Math.min(a.y, b.y), 0, photo.height);
  const x1 = clamp(Math.max(a.x, b.x), 0, photo.width);
  const y1 = clamp(Math.max(a.y, b.y), 0, photo.height);
  return [Math.round(x0), Math.round(y0), Math.round(x1 - x0), Math.round(y1 - y0)];
}

/** True when a box is big enough to search. */
export function searchable(box: ImageBox, photo: Size): boolean {
  const m = minSide(photo);
  return box[2] >= m && box[3] >= m;
}

/** The box the keyboard starts from: centred, a third of each side. */
export function startBox(photo: Size): ImageBox {
  const w = Math.round(photo.width / 3);
  const h = Math.round(photo.height / 3);
  return [Math.round((photo.width - w) / 2), Math.round((photo.height - h) / 2), w, h];
}

/** Moves (or with `resize`, grows/shrinks from the bottom-right corner) a box for an arrow key; null for other keys. */
export function nudge(box: ImageBox, key: string, resize: boolean, photo: Size): ImageBox | null {
  // A step of 1/40 of the longer side: about 10 presses to cross a quarter of the photo.
  const step = Math.max(1, Math.round(Math.max(photo.width, photo.height) / 40));
  const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[key];
  if (!d) return null;
  let [x, y, w, h] = box;
  if (resize) {
    const m = minSide(photo);
    w = clamp(w + d[0]!, m, photo.width - x);
    h = clamp(h + d[1]!, m, photo.height - y);
  } else {
    x = clamp(x + d[0]!, 0, photo.width - w);
    y = clamp(y + d[1]!, 0, photo.height - h);
  }
  return [x, y, w, h];
}
