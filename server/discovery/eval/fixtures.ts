/** The shared real-photo fixtures (../shared/fixtures, see its README), loaded for evaluation. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageBox } from '../../../client/vision/types.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const FIXTURES = resolve(process.env.FIXTURES_DIR ?? join(root, '..', 'shared', 'fixtures'));

export interface LabelledBox {
  label: string;
  box: ImageBox;
}

export interface LabelledPhoto {
  name: string;
  path: string;
  boxes: LabelledBox[];
}

/** Home-goods labels that are COCO classes under another name (others keep their own name). */
export const TO_COCO: Record<string, string> = {
  chair: 'chair',
  sofa: 'couch',
  diningtable: 'dining table',
  book: 'book',
  cup: 'cup',
  bowl: 'bowl',
  bottle: 'bottle',
  vase: 'vase',
  pottedplant: 'potted plant',
  tvmonitor: 'tv',
  remote: 'remote',
  backpack: 'backpack',
  bed: 'bed',
  sink: 'sink',
  person: 'person',
};

/** Every home-goods photo with its boxes ([x, y, w, h] from the files' left top right bottom). */
export function homeGoods(): LabelledPhoto[] {
  const dir = join(FIXTURES, 'home-goods');
  if (!existsSync(dir)) throw new Error(`Fixtures not found at ${dir}; set FIXTURES_DIR.`);
  return readdirSync(join(dir, 'images'))
    .filter((f) => f.endsWith('.jpg'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.jpg$/, '');
      const lines = readFileSync(join(dir, 'labels', `${name}.txt`), 'utf8').split('\n').filter((l) => l.trim());
      const boxes = lines.map((line) => {
        const parts = line.trim().split(/\s+/);
        const [l, t, r, b] = parts.slice(-4).map(Number) as [number, number, number, number];
        return { label: parts.slice(0, -4).join(' '), box: [l, t, r - l, b - t] as ImageBox };
      });
      return { name, path: join(dir, 'images', f), boxes };
    });
}

/** Every n-th photo (a fixed, spread-out subset for CI). */
export function everyNth<T>(items: T[], n: number): T[] {
  return items.filter((_, i) => i % n === 0);
}

/** A fashion-ccp photo: its boxes (classes of GARMENT_LABELS; earrings left out) and its pixel mask. */
export interface FashionPhoto extends LabelledPhoto {
  mask: string;
  width: number;
  height: number;
}

interface CcpLabels {
  classes: Record<string, string[]>;
  partNames: string[];
  images: { file: string; width: number; height: number; items: { label: string; box: [number, number, number, number] }[] }[];
}

/** Part number → coarse class name (top, bag, ...) or undefined (skin, hair, background, ...). */
export function ccpPartClasses(labels: Pick<CcpLabels, 'classes' | 'partNames'>): (string | undefined)[] {
  const byPart = new Map<string, string>();
  for (const [cls, parts] of Object.entries(labels.classes)) for (const part of parts) byPart.set(part, cls);
  return labels.partNames.map((name) => byPart.get(name));
}

/**
 * ../shared/fixtures/fashion-ccp (Clothing Co-Parsing, Apache-2.0): every photo sorted by name, split
 * into training (3 of 4) and held-out (every 4th: index 3, 7, 11, ...) photos, and the part classes.
 */
export function fashionCcp(): { train: FashionPhoto[]; test: FashionPhoto[]; partClasses: (string | undefined)[] } {
  const dir = join(FIXTURES, 'fashion-ccp');
  if (!existsSync(dir)) throw new Error(`Fixtures not found at ${dir}; set FIXTURES_DIR.`);
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as CcpLabels;
  const photos = [...labels.images]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((im): FashionPhoto => ({
      name: im.file.replace(/\.jpg$/, ''),
      path: join(dir, 'images', im.file),
      mask: join(dir, 'masks', im.file.replace(/\.jpg$/, '.png')),
      width: im.width,
      height: im.height,
      boxes: im.items.filter((it) => it.label !== 'earrings').map((it) => ({ label: it.label, box: it.box as ImageBox })),
    }));
  return { train: photos.filter((_, i) => i % 4 !== 3), test: photos.filter((_, i) => i % 4 === 3), partClasses: ccpPartClasses(labels) };
}
