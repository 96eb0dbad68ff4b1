import { z } from 'zod';
import { MAX_COLOR_NAME_LENGTH, VARIANT_SEPARATOR } from './variant.js';

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

/** A colour the shopper chooses ("Navy", #23324d); its name goes into the cart line's variant. */
export const ColorOption = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(MAX_COLOR_NAME_LENGTH)
      // The name follows the size in "M / Navy", so it may not contain the slash.
      .refine((n) => !n.includes(VARIANT_SEPARATOR.trim()), 'a colour name without "/"'),
    hex: HexColor,
  })
  .strict();
export type ColorOption = z.infer<typeof ColorOption>;

/** 1 to 12 colours to choose from, each name once (case-insensitive). */
export const ColorOptions = z
  .array(ColorOption)
  .min(1)
  .max(12)
  .superRefine((opts, ctx) => {
    const seen = new Set<string>();
    opts.forEach((o, i) => {
      const key = o.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `the colour name "${o.name}" is listed twice` });
      seen.add(key);
    });
  });

/**
 * Product attributes used by the shop filters, try-on (sizes, shapes, colours) and discovery.
 * All optional so each category fills what applies; unknown keys are refused.
 */
export const ProductAttributes = z
  .object({
    /** The product's palette (photo art, try-on): shown, not chosen. */
    colors: z.array(HexColor).max(8).optional(),
    /** Colours the shopper chooses between; the chosen name is part of the cart line's variant. */
    colorOptions: ColorOptions.optional(),
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
