/**
 * What a shopper has to choose before a product can go into the cart, and why it cannot when it
 * cannot. Plain logic (no React) shared by every add-to-cart control: shop grid, product page,
 * Discover matches, Complete the look and live cards.
 */
import { type Choice, checkVariant, choiceOf, type ColorOption, variantOf } from '../../server/protocol/variant.js';

export type { Choice, ColorOption };

/** The part of a product (shop `Product` or live `ProductCard`) that decides how it is bought. */
export interface Offer {
  id: string;
  name: string;
  stock: number;
  /** Sizes to choose from; empty when the product has none. */
  sizes: readonly string[];
  /** The product's palette (shown as labelled swatches where there is no colour to choose). */
  colors: readonly string[];
  /** Colours to choose from; empty when there is no choice. With the size it makes the cart line's variant. */
  colorOptions: readonly ColorOption[];
}

/** An offer from a shop product or a live card. */
export function offerOf(p: {
  id: string;
  name: string;
  stock: number;
  sizes?: readonly string[];
  colorOptions?: readonly ColorOption[] | undefined;
  attributes?: { sizes?: readonly string[]; colors?: readonly string[]; colorOptions?: readonly ColorOption[] };
}): Offer {
  return {
    id: p.id,
    name: p.name,
    stock: p.stock,
    sizes: p.sizes ?? p.attributes?.sizes ?? [],
    colors: p.attributes?.colors ?? [],
    colorOptions: p.colorOptions ?? p.attributes?.colorOptions ?? [],
  };
}

/** The choice before the shopper picks anything: a lone size ("One size") and a lone colour are taken, nothing else. */
export function initialChoice(offer: Offer): Choice {
  return {
    size: offer.sizes.length === 1 ? offer.sizes[0]! : '',
    color: offer.colorOptions.length === 1 ? offer.colorOptions[0]!.name : '',
  };
}

/** True when the shopper has to pick a size before adding (more than one to choose from). */
export function asksForSize(offer: Offer): boolean {
  return offer.sizes.length > 1;
}

/** True when the shopper has to pick a colour before adding (more than one to choose from). */
export function asksForColor(offer: Offer): boolean {
  return offer.colorOptions.length > 1;
}

/** True when anything has to be chosen: a tap on a compact "Add" then opens the sheet. */
export function asksForChoice(offer: Offer): boolean {
  return asksForSize(offer) || asksForColor(offer);
}

/** "Choose a size: Jacket", "Choose a colour: Tote", "Choose a size and colour: Sneaker" (the sheet's title). */
export function choiceTitle(offer: Offer): string {
  const what = asksForSize(offer) && asksForColor(offer) ? 'a size and colour' : asksForColor(offer) ? 'a colour' : 'a size';
  return `Choose ${what}: ${offer.name}`;
}

export type Verdict =
  | { ok: true; variant: string; choice: Choice }
  | { ok: false; reason: 'sold-out' | 'choose-size' | 'choose-color'; message: string };

/**
 * Whether the offer can be added with this choice, by the server's own rule (variant.ts).
 * `available` overrides stock (a live deal's remaining units), so a product sold out in the shop
 * can still be grabbed at the deal.
 */
export function verdict(offer: Offer, choice: Choice, available = offer.stock): Verdict {
  if (available <= 0) return { ok: false, reason: 'sold-out', message: `${offer.name} is sold out.` };
  // Only what the product offers is sent: a size picked for a product without sizes is dropped.
  const sent = { size: offer.sizes.length ? choice.size : '', color: offer.colorOptions.length ? choice.color : '' };
  const check = checkVariant({ name: offer.name, attributes: offer }, variantOf(sent));
  if (check.ok) return { ok: true, variant: check.variant, choice: check.choice };
  const size = check.issues.some((i) => i.code === 'missing_size' || i.code === 'unknown_size');
  const color = check.issues.some((i) => i.code === 'missing_color' || i.code === 'unknown_color');
  const what = size && color ? 'a size and a colour' : size ? 'a size' : 'a colour';
  return { ok: false, reason: size ? 'choose-size' : 'choose-color', message: `Choose ${what} for ${offer.name}.` };
}

/** The choice in words for a line or a message: "size M, Navy", "Navy", "size M"; '' for none or "One size" alone. */
export function choiceWords(choice: Choice | string): string {
  const { size, color } = typeof choice === 'string' ? choiceOf(choice) : choice;
  return [size && size !== 'One size' ? `size ${size}` : '', color].filter(Boolean).join(', ');
}

/** "Added Denim jacket, size M, Navy" for the status line and toast. */
export function addedMessage(name: string, choice: Choice | string): string {
  const words = choiceWords(choice);
  return words ? `Added ${name}, ${words}` : `Added ${name}`;
}

// Named colours a shopper would use, for swatch labels (a screen reader cannot see #2d3a4f).
const NAMED: readonly [string, number, number, number][] = [
  ['black', 20, 20, 20],
  ['charcoal', 60, 60, 64],
  ['grey', 128, 128, 128],
  ['white', 245, 245, 245],
  ['cream', 236, 226, 204],
  ['beige', 210, 190, 150],
  ['brown', 120, 75, 40],
  ['tan', 180, 140, 90],
  ['gold', 200, 165, 75],
  ['red', 190, 50, 45],
  ['burgundy', 125, 35, 40],
  ['orange', 215, 120, 50],
  ['yellow', 235, 200, 60],
  ['green', 60, 130, 70],
  ['olive', 100, 105, 55],
  ['dark green', 40, 70, 55],
  ['teal', 45, 110, 120],
  ['light blue', 165, 195, 225],
  ['blue', 50, 90, 170],
  ['navy', 40, 55, 85],
  ['purple', 110, 60, 140],
  ['pink', 230, 150, 170],
];

/** The nearest everyday name of a #rrggbb colour ("navy", "tan"); '' for anything else. */
export function colourName(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '';
  const [r, g, b] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
  let best = '';
  let bestD = Infinity;
  for (const [name, nr, ng, nb] of NAMED) {
    // Weighted RGB distance ("redmean" approximation): cheap and close enough for a label.
    const rm = (r + nr) / 2;
    const d = (2 + rm / 256) * (r - nr) ** 2 + 4 * (g - ng) ** 2 + (2 + (255 - rm) / 256) * (b - nb) ** 2;
    if (d < bestD) {
      bestD = d;
      best = name;
    }
  }
  return best;
}

/** "navy and black" from a palette, repeated names once. */
export function paletteWords(colors: readonly string[]): string {
  const names = [...new Set(colors.map(colourName).filter(Boolean))];
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
