import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iou, nms } from '../../client/vision/detect/boxes.js';
import { createDetector, type RawDetector } from '../../client/vision/detect/detector.js';
import { components, GARMENT_LABELS, garmentBoxes, type ProbGrid } from '../../client/vision/detect/garment-boxes.js';
import { binLayout, FEATURES, type GarmentHeadJson, parseGarmentHead } from '../../client/vision/detect/garments.js';
import { imageTensor } from '../../client/vision/detect/tensor.js';
import { tf } from '../../client/vision/runtime/backend.js';
import { initNodeBackend, nodeModelLocation } from '../../client/vision/runtime/node.js';
import { modelStatus } from '../../client/vision/runtime/status.js';
import type { Detection } from '../../client/vision/types.js';
import { decodePhoto } from '../../server/discovery/decode.js';
import { FASHION, isFound } from '../../server/discovery/eval/fashion.js';
import { FIXTURES } from '../../server/discovery/eval/fixtures.js';

const K = GARMENT_LABELS.length + 1;
const c = (label: string): number => (GARMENT_LABELS as readonly string[]).indexOf(label);

/** A 20×20 grid of "none" with rectangles of a class at a probability. */
function grid(blobs: { label: string; x: number; y: number; w: number; h: number; p: number }[]): ProbGrid {
  const data = new Float32Array(20 * 20 * K);
  for (let i = 0; i < 400; i++) data[i * K + K - 1] = 1;
  for (const b of blobs) {
    for (let y = b.y; y < b.y + b.h; y++) {
      for (let x = b.x; x < b.x + b.w; x++) {
        data[(y * 20 + x) * K + c(b.label)] = b.p;
        data[(y * 20 + x) * K + K - 1] = 1 - b.p;
      }
    }
  }
  return { width: 20, height: 20, classes: K, data };
}

const params = Object.fromEntries(GARMENT_LABELS.map((l) => [l, { extent: 0.3, presence: 0.6, max: l === 'footwear' ? 2 : 1 }]));
const byLabel = (ds: Detection[], label: string): Detection[] => ds.filter((d) => d.label === label);

describe('garment boxes from the head\'s probability grid', () => {
  it('turns each confident blob into a box in image pixels, scored by its peak', () => {
    const found = garmentBoxes(grid([{ label: 'top', x: 5, y: 4, w: 8, h: 6, p: 0.9 }]), params, 400, 800);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ label: 'top', kind: 'apparel', score: 0.9 });
    expect(found[0]!.box).toEqual([100, 160, 160, 240]); // cells 5-12 × 4-9 of 20, at 20 × 40 px a cell
  });

  it('emits nothing where no cell passes the presence threshold, however large the faint region', () => {
    const found = garmentBoxes(grid([{ label: 'hat', x: 0, y: 0, w: 20, h: 5, p: 0.5 }, { label: 'eyewear', x: 8, y: 6, w: 3, h: 1, p: 0.2 }]), params, 400, 800);
    expect(found).toEqual([]);
  });

  it('keeps two shoes but one bag, the largest first', () => {
    const g = grid([
      { label: 'footwear', x: 2, y: 17, w: 3, h: 2, p: 0.8 },
      { label: 'footwear', x: 10, y: 17, w: 4, h: 2, p: 0.7 },
      { label: 'footwear', x: 17, y: 17, w: 1, h: 1, p: 0.9 },
      { label: 'bag', x: 0, y: 8, w: 2, h: 2, p: 0.9 },
      { label: 'bag', x: 15, y: 8, w: 4, h: 4, p: 0.7 },
    ]);
    const found = garmentBoxes(g, params, 20, 20);
    expect(byLabel(found, 'footwear').map((d) => d.box[0]).sort((a, b) => a - b)).toEqual([2, 10]);
    expect(byLabel(found, 'bag').map((d) => d.box)).toEqual([[15, 8, 4, 4]]);
  });

  it('separates blobs that touch only at a corner (4-connected components)', () => {
    const g = grid([{ label: 'wrist', x: 3, y: 3, w: 2, h: 2, p: 0.8 }, { label: 'wrist', x: 5, y: 5, w: 2, h: 2, p: 0.8 }]);
    expect(components(g, c('wrist'), 0.3)).toHaveLength(2);
  });
});

describe('the garment head file', () => {
  beforeAll(() => initNodeBackend());
  const json: GarmentHeadJson = { version: 't', labels: [...GARMENT_LABELS, 'none'], features: FEATURES, hidden: 4, params, weights: '' };

  it('loads weights of the declared size and refuses a truncated file or other labels', () => {
    const size = binLayout(FEATURES, 4, K).total;
    const head = parseGarmentHead(json, new ArrayBuffer(size));
    expect(head.w1.shape).toEqual([FEATURES, 4]);
    expect(head.w2.shape).toEqual([4, K]);
    head.dispose();
    expect(() => parseGarmentHead(json, new ArrayBuffer(size - 4))).toThrow(/expected/);
    expect(() => parseGarmentHead({ ...json, labels: ['top', 'none'] }, new ArrayBuffer(size))).toThrow(/labels/);
  });
});

describe('garments on real photos', () => {
  let detector: RawDetector;
  let street: tf.Tensor3D;
  let scale = 1;

  beforeAll(async () => {
    await initNodeBackend();
    detector = await createDetector(nodeModelLocation());
    const decoded = await decodePhoto(readFileSync(join(FIXTURES, 'fashion', 'street-blazer-sunglasses.jpg')));
    scale = decoded.scale;
    street = imageTensor(decoded.image);
  }, 60_000);

  afterAll(() => {
    street?.dispose();
    detector?.dispose();
  });

  it('finds the sunglasses, the blazer and the jeans of the street photo where they are, and no hat or bag', async () => {
    expect(detector.garments).toBe(true);
    const found = (await detector.detect(street)).map((d) => ({ ...d, box: [d.box[0] * scale, d.box[1] * scale, d.box[2] * scale, d.box[3] * scale] as const, matches: [] }));
    // The hand-drawn boxes of eval:vision's fashion items, scored the same way.
    const items = FASHION['street-blazer-sunglasses.jpg']!;
    for (const item of ['sunglasses', 'blazer', 'jeans']) expect(isFound(items.find((i) => i.item === item)!, found), item).toBe(true);
    expect(byLabel(found, 'hat')).toEqual([]);
    expect(byLabel(found, 'bag')).toEqual([]);
  }, 30_000);

  it('does not grow tfjs memory over repeated photos', async () => {
    await detector.detect(street);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await detector.detect(street);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('still finds objects when the garment head file is missing, and says garments are off', async () => {
    const real = nodeModelLocation();
    const without = await createDetector({ base: real.base, read: (path) => (path.includes('/garments/') ? Promise.reject(new Error(`no such file ${path}`)) : real.read(path)) });
    try {
      expect(without.garments).toBe(false);
      const state = modelStatus.get('garments');
      expect(state.phase).toBe('unavailable');
      expect(state.phase === 'unavailable' && state.reason).toMatch(/garments and accessories are not detected, objects still are/);
      const found = await without.detectAll(street);
      expect(found.some((d) => d.label === 'person')).toBe(true);
      expect(found.filter((d) => d.kind === 'apparel')).toEqual([]);
    } finally {
      without.dispose();
    }
  }, 60_000);
});

describe('box maths', () => {
  it('computes IoU of overlapping, nested and disjoint boxes', () => {
    expect(iou([0, 0, 10, 10], [5, 0, 10, 10])).toBeCloseTo(50 / 150, 6);
    expect(iou([0, 0, 10, 10], [2, 2, 5, 5])).toBeCloseTo(25 / 100, 6);
    expect(iou([0, 0, 10, 10], [20, 20, 5, 5])).toBe(0);
  });

  it('keeps the best box of a same-label cluster and boxes of other labels', () => {
    const d = (label: string, score: number, x: number): Detection => ({ label, kind: 'object', score, box: [x, 0, 10, 10] });
    const kept = nms([d('cup', 0.5, 0), d('cup', 0.9, 1), d('vase', 0.4, 1), d('cup', 0.3, 50)]);
    expect(kept.map((k) => `${k.label}:${k.score}`)).toEqual(['cup:0.9', 'vase:0.4', 'cup:0.3']);
  });
});
