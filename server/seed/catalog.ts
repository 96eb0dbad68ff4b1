/** The demo catalog: products a shop of eyewear, watches, bags, apparel and home goods would sell. */
import type { Category, ProductAttributes } from '../protocol/catalog.js';

export interface DemoProduct {
  id: string;
  name: string;
  description: string;
  category: Category;
  /** Price in minor units of the shop's currency. */
  price: number;
  stock: number;
  attributes: ProductAttributes;
  /** The product photo as an SVG illustration, rasterised with sharp at seed time. */
  art: () => string;
}

const box = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="#f4f1ec"/><circle cx="400" cy="400" r="220" fill="${fill}"/></svg>`;

export const DEMO_PRODUCTS: DemoProduct[] = [
  { id: 'aviator-gold', name: 'Aviator Gold', description: 'Classic aviator sunglasses.', category: 'sunglasses', price: 12900, stock: 25, attributes: { frameWidthMm: 140, frameShape: 'aviator', frameColor: '#c8a24a', lensTint: '#3a4a3a', lensOpacity: 0.75 }, art: () => box('#c8a24a') },
  { id: 'field-watch-38', name: 'Field Watch 38', description: 'A 38 mm field watch.', category: 'watches', price: 18900, stock: 12, attributes: { caseDiameterMm: 38, caseColor: '#b0b4b8', dialColor: '#1d2a1f', strapColor: '#6b4a2b' }, art: () => box('#6b4a2b') },
];
