/**
 * Which of the fashion fixtures' listed items (../shared/fixtures/README.md) the detector finds.
 * The README names the items but gives no boxes; these boxes were drawn by hand from the photos
 * for this evaluation. An item counts as found when an item of an acceptable label covers it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iou } from '../../../client/vision/detect/boxes.js';
import type { DiscoveredItem, ImageBox } from '../../../client/vision/types.js';
import { discoverPhoto } from '../node-engine.js';
import { FIXTURES } from './fixtures.js';

interface FashionItem {
  item: string;
  box: ImageBox;
  labels: string[];
}

export const FASHION: Record<string, FashionItem[]> = {
  'street-blazer-sunglasses.jpg': [
    { item: 'sunglasses', box: [318, 138, 112, 48], labels: ['eyewear'] },
    { item: 'blazer', box: [70, 250, 525, 575], labels: ['top'] },
    { item: 'shirt', box: [290, 250, 190, 450], labels: ['top'] },
    { item: 'belt', box: [288, 662, 195, 78], labels: ['belt'] },
    { item: 'jeans', box: [245, 690, 255, 334], labels: ['bottom'] },
    { item: 'takeaway cup', box: [515, 750, 85, 155], labels: ['cup', 'bottle'] },
  ],
  'runway-dress.jpg': [
    { item: 'dress', box: [55, 180, 355, 515], labels: ['dress', 'top', 'bottom'] },
    { item: 'left shoe', box: [185, 875, 50, 60], labels: ['footwear'] },
    { item: 'right shoe', box: [225, 815, 28, 80], labels: ['footwear'] },
    { item: 'long dress (second model)', box: [350, 370, 120, 370], labels: ['dress', 'top', 'bottom'] },
  ],
};

/** Intersection over the smaller box: a region inside a garment, or a garment inside a region, both count. */
function overlapOfSmaller(a: ImageBox, b: ImageBox): number {
  const o = iou(a, b);
  const inter = (o * (a[2] * a[3] + b[2] * b[3])) / (1 + o);
  return inter / Math.min(a[2] * a[3], b[2] * b[3]);
}

/** True when some item with an acceptable label covers at least half of the smaller box. */
export function isFound(target: FashionItem, items: DiscoveredItem[]): boolean {
  return items.some((it) => target.labels.includes(it.label) && overlapOfSmaller(it.box, target.box) >= 0.5 && iou(it.box, target.box) >= 0.1);
}

/** Runs discovery on each fashion photo and lists which items were found. */
export async function evaluateFashion(): Promise<{ photo: string; item: string; found: boolean }[]> {
  const out: { photo: string; item: string; found: boolean }[] = [];
  for (const [photo, items] of Object.entries(FASHION)) {
    const result = await discoverPhoto(readFileSync(join(FIXTURES, 'fashion', photo)));
    for (const target of items) out.push({ photo, item: target.item, found: isFound(target, result.items) });
  }
  return out;
}
