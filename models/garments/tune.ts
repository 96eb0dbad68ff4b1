/**
 * Choosing the garment head's box thresholds: per class, the extent and presence thresholds with the
 * best box F1 at IoU 0.5 over out-of-fold probability grids of the training photos.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type ClassParams, GARMENT_LABELS, type ProbGrid, classComponents, componentBox } from '../../client/vision/detect/garment-boxes.js';
import type { Detection } from '../../client/vision/types.js';
import type { FashionPhoto } from '../../server/discovery/eval/fixtures.js';
import { matchClass } from '../../server/discovery/eval/garment-scores.js';

/** Boxes a photo may hold per class: left and right shoes and wrists, one of anything else (the labels' rule). */
export const MAX_BOXES: Record<string, number> = { footwear: 2, wrist: 2 };

const EXTENTS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
const PRESENCES = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.96, 0.98];
/** Presence threshold of a class never found right out of fold: it is not emitted at all. */
export const NEVER = 2;

/** Per class, the thresholds with the best box F1 (IoU 0.5) over the grids of the given photos. */
export function tune(grids: ProbGrid[], photos: FashionPhoto[], log: (s: string) => void = () => {}, options: { split?: boolean; excludes?: Record<string, string>; minPrecision?: number } = {}): Record<string, ClassParams> {
  const params: Record<string, ClassParams> = {};
  GARMENT_LABELS.forEach((label, c) => {
    const max = MAX_BOXES[label] ?? 1;
    const split = max >= 2 && (options.split ?? true);
    let best = { f1: -1, extent: 0.5, presence: 0.9, r: 0, p: 0 };
    for (const extent of EXTENTS) {
      // One-of classes: components depend on the extent only and presence just filters them. Pairs
      // (split around cores found at the presence threshold) are recomputed for each presence.
      const candidates = (presence: number): { peak: number; box: Detection['box'] }[][] =>
        grids.map((g, i) => {
          const p = photos[i]!;
          const comps = classComponents(g, c, { extent, presence: split ? presence : extent, max: 50, split });
          return comps.map((comp) => ({ peak: comp.peak, box: componentBox(comp, g, p.width, p.height) }));
        });
      const fixed = split ? undefined : candidates(extent);
      const truthsOf = photos.map((p) => p.boxes.filter((b) => b.label === label));
      const truths = truthsOf.reduce((s, t) => s + t.length, 0);
      for (const presence of PRESENCES) {
        if (presence < extent) continue;
        const perPhoto = fixed ?? candidates(presence);
        let hits = 0;
        let preds = 0;
        perPhoto.forEach((comps, i) => {
          const kept = comps.filter((k) => k.peak >= presence).slice(0, max);
          preds += kept.length;
          hits += matchClass(truthsOf[i]!, kept.map((k): Detection => ({ label, kind: 'apparel', score: k.peak, box: k.box })));
        });
        const r = truths ? hits / truths : 0;
        const p = preds ? hits / preds : 0;
        const f1 = r + p > 0 ? (2 * r * p) / (r + p) : 0;
        if (f1 > best.f1 && p >= (options.minPrecision ?? 0)) best = { f1, extent, presence, r, p };
      }
    }
    if (best.f1 <= 0) {
      params[label] = { extent: 1, presence: NEVER, max };
      log(`  ${label}: never right often enough out of fold, so never emitted`);
      return;
    }
    params[label] = { extent: best.extent, presence: best.presence, max, ...(split ? { split } : {}), ...(options.excludes?.[label] ? { excludes: options.excludes[label] } : {}) };
    log(`  ${label}: extent ${best.extent}, presence ${best.presence} (out-of-fold recall ${best.r.toFixed(2)}, precision ${best.p.toFixed(2)})`);
  });
  return params;
}

/** Saves probability grids as bytes (p × 255), for experiments on the post-processing without retraining. */
export function saveGrids(path: string, grids: ProbGrid[]): void {
  const g0 = grids[0]!;
  const header = new Uint32Array([grids.length, g0.width, g0.height, g0.classes]);
  const body = new Uint8Array(grids.length * g0.data.length);
  grids.forEach((g, i) => {
    for (let j = 0; j < g.data.length; j++) body[i * g0.data.length + j] = Math.round(g.data[j]! * 255);
  });
  writeFileSync(path, Buffer.concat([Buffer.from(header.buffer), body]));
}

/** Reads grids written by saveGrids. */
export function loadGrids(path: string): ProbGrid[] {
  const buf = readFileSync(path);
  const [n, width, height, classes] = new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + 16));
  const size = width! * height! * classes!;
  return Array.from({ length: n! }, (_, i) => {
    const data = new Float32Array(size);
    for (let j = 0; j < size; j++) data[j] = buf[16 + i * size + j]! / 255;
    return { width: width!, height: height!, classes: classes!, data };
  });
}
