/** Which catalog categories a detector label can match, so search skips impossible products. */
import type { Category } from '../../../server/protocol/catalog.js';

const BY_LABEL: Record<string, readonly Category[]> = {
  eyewear: ['sunglasses', 'optical'],
  wrist: ['watches', 'bracelets'],
  hat: ['hats'],
  top: ['apparel'],
  bottom: ['apparel'],
  dress: ['apparel'],
  scarf: ['apparel'],
  belt: ['apparel'],
  bag: ['bags'],
  tie: ['apparel'],
  footwear: ['footwear'],
  handbag: ['bags'],
  backpack: ['bags'],
  suitcase: ['bags'],
  cup: ['home'],
  'wine glass': ['home'],
  bowl: ['home'],
  vase: ['home'],
  bottle: ['home'],
  chair: ['home'],
  couch: ['home'],
  bed: ['home'],
  'dining table': ['home'],
  'potted plant': ['home'],
  book: ['home'],
  clock: ['home', 'watches'],
};

/** Categories to search for a label, or undefined for "search everything" (label has no mapping). */
export function categoriesFor(label: string): readonly Category[] | undefined {
  return BY_LABEL[label];
}
