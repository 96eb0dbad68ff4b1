import { z } from 'zod';

/** Product categories of the shop, in the order the shop's filter shows them. */
export const CATEGORIES = [
  'sunglasses',
  'optical',
  'watches',
  'bracelets',
  'bags',
  'apparel',
  'footwear',
  'hats',
  'home',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** How a product is tried on, or null when it cannot be. */
export type TryOnKind = 'eyewear' | 'wrist' | 'head';
export function tryOnKind(category: Category): TryOnKind | null {
  switch (category) {
    case 'sunglasses':
    case 'optical':
      return 'eyewear';
    case 'watches':
    case 'bracelets':
      return 'wrist';
    case 'hats':
      return 'head';
    default:
      return null;
  }
}

const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1a2b3c');

/**
 * Product attributes used by the shop filters, try-on (sizes, shapes, colours) and discovery.
 * All optional so each category fills what applies; unknown keys are refused.
 */
export const ProductAttributes = z
  .object({
    colors: z.array(HexColor).max(8).optional(),
    material: z.string().max(60).optional(),
    // eyewear
    frameWidthMm: z.number().int().min(100).max(180).optional(),
    frameShape: z.enum(['round', 'rectangle', 'aviator', 'cat-eye', 'square', 'oval']).optional(),
    frameColor: HexColor.optional(),
    lensTint: HexColor.nullable().optional(),
    lensOpacity: z.number().min(0).max(1).optional(),
    // watches and bracelets
    caseDiameterMm: z.number().min(10).max(60).optional(),
    caseColor: HexColor.optional(),
    dialColor: HexColor.optional(),
    strapColor: HexColor.optional(),
    strapWidthMm: z.number().min(2).max(40).optional(),
    // hats
    hatStyle: z.enum(['cap', 'fedora', 'beanie', 'bucket']).optional(),
    headCircumferenceCm: z.number().min(40).max(70).optional(),
    // sized goods
    sizes: z.array(z.string().min(1).max(12)).max(20).optional(),
  })
  .strict();
export type ProductAttributes = z.infer<typeof ProductAttributes>;
