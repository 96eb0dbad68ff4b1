/**
 * Discover's shopping logic on found items, without React: a readable name per item (two shoes
 * are "footwear" and "footwear 2"), and "Complete the look" (the best match of every item, one
 * line per product) with a per-line report of what was added.
 */
import type { DiscoveredItem } from '../vision/types.js';

/** What a found item is called on screen and what its list of matches is called for assistive tech. */
export interface ItemName {
  /** Chip and outline text: "footwear", then "footwear 2" for a second one. */
  text: string;
  /** The item in a sentence: "the top", "the 2nd footwear", "your box", "your 2nd box". */
  subject: string;
  /** "Products like the footwear", "Products like the 2nd footwear": no name contains another. */
  listName: string;
}

/** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Names for items in order; repeated labels are numbered from the second. */
export function itemNames(items: readonly Pick<DiscoveredItem, 'label'>[]): ItemName[] {
  const seen = new Map<string, number>();
  return items.map(({ label }) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    // "your box" (drawn by the shopper) brings its own determiner; ordinals keep every name out of
    // every other ("footwear 2" would sit inside "footwear 22", and Playwright and people search by name).
    const [det, noun] = label.startsWith('your ') ? ['your', label.slice(5)] : ['the', label];
    const subject = n === 1 ? `${det} ${noun}` : `${det} ${ordinal(n)} ${noun}`;
    return { text: n === 1 ? label : `${label} ${n}`, subject, listName: `Products like ${subject}` };
  });
}

/** One product of the look and the found items it is the best match for. */
export interface LookLine {
  productId: string;
  score: number;
  /** Indexes into the found items, in photo order. */
  items: number[];
}

/**
 * The best match of every found item that has one; a product that is the best match of several
 * items (left and right shoe) is one line, at its best score. Ordered as the items are.
 */
export function lookLines(items: readonly Pick<DiscoveredItem, 'matches'>[]): LookLine[] {
  const byProduct = new Map<string, LookLine>();
  items.forEach((it, i) => {
    const best = it.matches[0];
    if (!best) return;
    const line = byProduct.get(best.productId);
    if (line) {
      line.items.push(i);
      line.score = Math.max(line.score, best.score);
    } else byProduct.set(best.productId, { productId: best.productId, score: best.score, items: [i] });
  });
  return [...byProduct.values()];
}

/** How adding the look went, in one sentence for the status line. */
export function lookSummary(outcomes: readonly { ok: boolean }[]): string {
  const added = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - added;
  if (failed === 0) return added === 1 ? 'Added 1 item to your cart.' : `Added all ${added} items to your cart.`;
  if (added === 0) return failed === 1 ? 'The item could not be added: see why below.' : `None of the ${failed} items could be added: see why below.`;
  return `Added ${added} of ${outcomes.length} items. ${failed} could not be added: see why below.`;
}
