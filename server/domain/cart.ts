/** Cart arithmetic: pure functions, no storage. */
import { createHash } from 'node:crypto';
import type { Cart, CartLine, Photo } from '../protocol/api.js';
import { choiceOf, type ColorOption, findColor } from '../protocol/variant.js';

export interface PricedLine {
  id: string;
  productId: string;
  variant: string;
  /** The product's colour options, to read the variant's colour (and its swatch) back. */
  colorOptions?: readonly ColorOption[];
  quantity: number;
  name: string;
  photo: Photo | null;
  unitPriceMinor: number;
  currency: string;
  available: number;
}

/** Builds the cart the shopper sees, totals computed here and only here. */
export function priceCart(lines: PricedLine[], shopCurrency: string): Cart {
  let subtotal = 0;
  let itemCount = 0;
  const out: CartLine[] = lines.map((l) => {
    const lineTotal = l.unitPriceMinor * l.quantity;
    subtotal += lineTotal;
    itemCount += l.quantity;
    const choice = choiceOf(l.variant, l.colorOptions);
    const color = findColor(l.colorOptions ?? [], choice.color);
    return {
      id: l.id,
      productId: l.productId,
      variant: l.variant,
      size: choice.size,
      // A colour the product no longer offers still shows by name, without a swatch it cannot know.
      color: color ? { ...color } : choice.color ? { name: choice.color, hex: '' } : null,
      quantity: l.quantity,
      name: l.name,
      photo: l.photo,
      unitPrice: { amount: l.unitPriceMinor, currency: l.currency },
      lineTotal: { amount: lineTotal, currency: l.currency },
      available: l.available,
    };
  });
  const money = { amount: subtotal, currency: shopCurrency };
  return { lines: out, itemCount, subtotal: money, total: { ...money } };
}

/** A stable fingerprint of what is being bought, to tell a retry from a different cart. */
export function cartHash(lines: Array<{ productId: string; variant: string; quantity: number; unitPriceMinor: number }>): string {
  const canon = lines
    .map((l) => `${l.productId}|${l.variant}|${l.quantity}|${l.unitPriceMinor}`)
    .sort()
    .join('\n');
  return createHash('sha256').update(canon).digest('hex');
}
