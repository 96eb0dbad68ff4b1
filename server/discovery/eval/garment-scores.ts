/**
 * Garment scores on labelled street photos: per class box recall and precision at IoU 0.5 (greedy
 * same-class matching, best score first), and photo-level presence precision (of the photos where a
 * class is named, the share that really hold it). Used by eval:vision and the garment training.
 */
import { iou } from '../../../client/vision/detect/boxes.js';
import { GARMENT_LABELS } from '../../../client/vision/detect/garment-boxes.js';
import type { Detection } from '../../../client/vision/types.js';
import type { LabelledBox } from './fixtures.js';

export interface ClassScore {
  label: string;
  truths: number;
  predictions: number;
  hits: number;
  recall: number;
  precision: number;
  /** Photos where the class was named, and how many of them hold it. */
  photosNamed: number;
  photosRight: number;
  presencePrecision: number;
}

const ratio = (a: number, b: number): number => (b ? a / b : 0);

/** Box hits of one photo and class at IoU ≥ minIou. */
export function matchClass(truths: LabelledBox[], preds: Detection[], minIou = 0.5): number {
  const used = new Set<number>();
  let hits = 0;
  for (const p of [...preds].sort((a, b) => b.score - a.score)) {
    let best = -1;
    let bestIou = minIou;
    truths.forEach((t, j) => {
      if (used.has(j)) return;
      const o = iou(p.box, t.box);
      if (o >= bestIou) {
        bestIou = o;
        best = j;
      }
    });
    if (best >= 0) {
      used.add(best);
      hits += 1;
    }
  }
  return hits;
}

/** Per-class scores and an overall row ("all") over photos; truths[i] and preds[i] belong to photo i. */
export function scoreGarments(truths: LabelledBox[][], preds: Detection[][], minIou = 0.5): ClassScore[] {
  const rows: ClassScore[] = GARMENT_LABELS.map((label) => {
    const row = { label, truths: 0, predictions: 0, hits: 0, recall: 0, precision: 0, photosNamed: 0, photosRight: 0, presencePrecision: 0 };
    truths.forEach((photoTruths, i) => {
      const t = photoTruths.filter((b) => b.label === label);
      const p = (preds[i] ?? []).filter((d) => d.label === label);
      row.truths += t.length;
      row.predictions += p.length;
      row.hits += matchClass(t, p, minIou);
      if (p.length) {
        row.photosNamed += 1;
        if (t.length) row.photosRight += 1;
      }
    });
    return row;
  });
  const all = rows.reduce(
    (s, r) => ({ ...s, truths: s.truths + r.truths, predictions: s.predictions + r.predictions, hits: s.hits + r.hits, photosNamed: s.photosNamed + r.photosNamed, photosRight: s.photosRight + r.photosRight }),
    { label: 'all', truths: 0, predictions: 0, hits: 0, recall: 0, precision: 0, photosNamed: 0, photosRight: 0, presencePrecision: 0 },
  );
  return [...rows, all].map((r) => ({ ...r, recall: ratio(r.hits, r.truths), precision: ratio(r.hits, r.predictions), presencePrecision: ratio(r.photosRight, r.photosNamed) }));
}

/** A markdown table of garment scores. */
export function garmentTable(rows: ClassScore[]): string[] {
  const f = (x: number, n: number): string => (n ? x.toFixed(2) : '—');
  const out = ['| class | recall | precision | presence precision | truths | predictions |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) out.push(`| ${r.label} | ${f(r.recall, r.truths)} | ${f(r.precision, r.predictions)} | ${f(r.presencePrecision, r.photosNamed)} | ${r.truths} | ${r.predictions} |`);
  return out;
}
