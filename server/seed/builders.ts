/** Builders for demo products: each draws the product's photo from its own attributes. */
import type { ProductAttributes } from '../protocol/catalog.js';
import { type GarmentStyle, drawGarment } from './art/apparel.js';
import { type BagStyle, drawBag } from './art/bag.js';
import { drawEyewear } from './art/eyewear.js';
import { type HomeStyle, drawHome } from './art/home.js';
import { type BraceletStyle, drawBracelet, drawWatch } from './art/watch.js';
import { type FootwearStyle, drawFootwear, drawHat } from './art/wear.js';
import type { DemoProduct } from './catalog.js';

export type Item = Omit<DemoProduct, 'category' | 'art'>;

// Each builder draws the photo from the same attributes the try-on model is generated from,
// so what the shopper sees in the photo is what appears on their face or wrist.
export const sunglasses = (p: Item): DemoProduct => ({ ...p, category: 'sunglasses', art: () => drawEyewear(p.attributes) });
export const optical = (p: Item): DemoProduct => ({ ...p, category: 'optical', art: () => drawEyewear(p.attributes) });
export const watch = (p: Item): DemoProduct => ({ ...p, category: 'watches', art: () => drawWatch(p.attributes) });
export const bracelet = (s: BraceletStyle, p: Item): DemoProduct => ({ ...p, category: 'bracelets', art: () => drawBracelet(s, p.attributes) });
export const bag = (s: BagStyle, p: Item): DemoProduct => ({ ...p, category: 'bags', art: () => drawBag(s, p.attributes) });
export const garment = (s: GarmentStyle, p: Item): DemoProduct => ({ ...p, category: 'apparel', art: () => drawGarment(s, p.attributes) });
export const shoe = (s: FootwearStyle, p: Item): DemoProduct => ({ ...p, category: 'footwear', art: () => drawFootwear(s, p.attributes) });
export const hat = (p: Item): DemoProduct => ({ ...p, category: 'hats', art: () => drawHat(p.attributes) });
export const home = (s: HomeStyle, p: Item): DemoProduct => ({ ...p, category: 'home', art: () => drawHome(s, p.attributes) });

/** Eyewear attributes; `colors` repeats the frame colour so colour search finds the frame. */
export function frame(
  frameShape: ProductAttributes['frameShape'],
  frameWidthMm: number,
  frameColor: string,
  lensTint: string | null,
  lensOpacity: number,
  material: string,
): ProductAttributes {
  return { frameShape, frameWidthMm, frameColor, lensTint, lensOpacity, colors: [frameColor], material };
}
/** Watch attributes; `colors` lists strap, case and dial, the order a shopper notices them. */
export function wrist(
  caseDiameterMm: number,
  caseColor: string,
  dialColor: string,
  strapColor: string,
  strapWidthMm: number,
  material: string,
): ProductAttributes {
  return { caseDiameterMm, caseColor, dialColor, strapColor, strapWidthMm, colors: [strapColor, caseColor, dialColor], material };
}
