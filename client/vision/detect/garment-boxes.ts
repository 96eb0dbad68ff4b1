/**
 * Garment boxes from a grid of per-class probabilities (the garment head's output): per class, cells
 * above an extent threshold form connected components; a component whose peak passes the presence
 * threshold becomes a box. Thresholds come from out-of-fold predictions (models/garments/train.ts).
 * Plain TS, no tfjs: the training script tunes with the same code the app runs.
 */
import type { Detection, ImageBox } from '../types.js';

/** Garment and accessory labels, in the head's output order (a last "none" class follows). */
export const GARMENT_LABELS = ['top', 'bottom', 'dress', 'footwear', 'bag', 'eyewear', 'hat', 'belt', 'wrist', 'necklace', 'scarf'] as const;
export type GarmentLabel = (typeof GARMENT_LABELS)[number];

/** Probabilities on a grid over the whole image: data[(y * width + x) * classes + c]. */
export interface ProbGrid {
  width: number;
  height: number;
  classes: number;
  data: Float32Array;
}

/** Per-class post-processing settings. */
export interface ClassParams {
  /** Cells at or above this probability belong to the item's extent. */
  extent: number;
  /** A component is an item only if its highest cell reaches this. */
  presence: number;
  /** At most this many boxes a photo (two for footwear and wrists: left and right). */
  max: number;
  /** Split a region holding two cores into two boxes (pairs: shoes, wrists). */
  split?: boolean;
  /** A class this one excludes (dress and bottom): when both are found, the one of larger mass stays. */
  excludes?: string;
}

/** A connected component of one class in grid cells (inclusive bounds). */
export interface Component {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  peak: number;
  mass: number;
}

/** 4-connected components of cells where class c ≥ threshold; `labels`, when given, receives each cell's component index + 1 (0: none). */
export function components(grid: ProbGrid, c: number, threshold: number, labels?: Int32Array): Component[] {
  const { width: w, height: h, classes: k, data } = grid;
  const seen = labels ?? new Int32Array(w * h);
  seen.fill(0);
  const stack = new Int32Array(w * h);
  const out: Component[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || data[start * k + c]! < threshold) continue;
    let top = 0;
    const id = out.length + 1;
    stack[top++] = start;
    seen[start] = id;
    const comp: Component = { minX: w, minY: h, maxX: -1, maxY: -1, peak: 0, mass: 0 };
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % w;
      const y = (i - x) / w;
      const p = data[i * k + c]!;
      comp.mass += p;
      if (p > comp.peak) comp.peak = p;
      if (x < comp.minX) comp.minX = x;
      if (x > comp.maxX) comp.maxX = x;
      if (y < comp.minY) comp.minY = y;
      if (y > comp.maxY) comp.maxY = y;
      const push = (j: number): void => {
        if (!seen[j] && data[j * k + c]! >= threshold) {
          seen[j] = id;
          stack[top++] = j;
        }
      };
      if (x > 0) push(i - 1);
      if (x < w - 1) push(i + 1);
      if (y > 0) push(i - w);
      if (y < h - 1) push(i + w);
    }
    out.push(comp);
  }
  return out;
}

/** A component's cells as an image-pixel box. */
export function componentBox(comp: Component, grid: ProbGrid, imageWidth: number, imageHeight: number): ImageBox {
  const sx = imageWidth / grid.width;
  const sy = imageHeight / grid.height;
  return [comp.minX * sx, comp.minY * sy, (comp.maxX - comp.minX + 1) * sx, (comp.maxY - comp.minY + 1) * sy];
}

/**
 * The kept components of one class: peak ≥ presence, largest mass first, at most `max`. With `split`
 * (pairs: shoes, wrists) an extent region holding two cores (components at the
 * presence threshold) is split between them, cell by cell to the nearer core: two shoes side by side
 * often merge at stride 8.
 */
export function classComponents(grid: ProbGrid, c: number, params: ClassParams): Component[] {
  const regions = params.split ? splitPairs(grid, c, params) : components(grid, c, params.extent);
  return regions
    .filter((comp) => comp.peak >= params.presence)
    .sort((a, b) => b.mass - a.mass)
    .slice(0, params.max);
}

function splitPairs(grid: ProbGrid, c: number, params: ClassParams): Component[] {
  const n = grid.width * grid.height;
  const extentIds = new Int32Array(n);
  const coreIds = new Int32Array(n);
  const regions = components(grid, c, params.extent, extentIds);
  const cores = components(grid, c, params.presence, coreIds);
  const coresOf = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const core = coreIds[i]!;
    if (!core) continue;
    const list = coresOf.get(extentIds[i]!) ?? [];
    if (!list.includes(core - 1)) list.push(core - 1);
    coresOf.set(extentIds[i]!, list);
  }
  const out: Component[] = [];
  regions.forEach((region, r) => {
    const inside = (coresOf.get(r + 1) ?? []).map((i) => cores[i]!).sort((a, b) => b.mass - a.mass);
    if (inside.length < 2) {
      out.push(region);
      return;
    }
    const centres = inside.slice(0, 2).map((k) => [(k.minX + k.maxX) / 2, (k.minY + k.maxY) / 2] as const);
    const halves: Component[] = centres.map(() => ({ minX: grid.width, minY: grid.height, maxX: -1, maxY: -1, peak: 0, mass: 0 }));
    for (let i = 0; i < n; i++) {
      if (extentIds[i] !== r + 1) continue;
      const x = i % grid.width;
      const y = (i - x) / grid.width;
      const d = centres.map(([cx, cy]) => (x - cx) ** 2 + (y - cy) ** 2);
      const half = halves[d[0]! <= d[1]! ? 0 : 1]!;
      const p = grid.data[i * grid.classes + c]!;
      half.mass += p;
      half.peak = Math.max(half.peak, p);
      half.minX = Math.min(half.minX, x);
      half.maxX = Math.max(half.maxX, x);
      half.minY = Math.min(half.minY, y);
      half.maxY = Math.max(half.maxY, y);
    }
    out.push(...halves.filter((half) => half.maxX >= 0));
  });
  return out;
}

/** Garment detections for a probability grid, boxes in image pixels, scored by their peak probability. */
export function garmentBoxes(grid: ProbGrid, params: Readonly<Record<string, ClassParams>>, imageWidth: number, imageHeight: number): Detection[] {
  const kept = new Map<string, Component[]>();
  GARMENT_LABELS.forEach((label, c) => {
    const p = params[label];
    if (p) kept.set(label, classComponents(grid, c, p));
  });
  const mass = (label: string): number => (kept.get(label) ?? []).reduce((s, comp) => s + comp.mass, 0);
  for (const [label, p] of Object.entries(params)) {
    if (!p.excludes || !kept.get(label)?.length || !kept.get(p.excludes)?.length) continue;
    kept.set(mass(label) >= mass(p.excludes) ? p.excludes : label, []);
  }
  const out: Detection[] = [];
  for (const [label, comps] of kept) {
    for (const comp of comps) out.push({ label, kind: 'apparel', score: Math.round(comp.peak * 1000) / 1000, box: componentBox(comp, grid, imageWidth, imageHeight) });
  }
  return out;
}
