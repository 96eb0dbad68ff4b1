/** The one rule for a cart line's size and colour, used by HTTP carts, live cart adds and the client. */
import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';
import { ProductAttributes } from '../../server/protocol/catalog.js';
import { checkVariant, choiceOf, requireVariant, variantOf } from '../../server/protocol/variant.js';

const NAVY = { name: 'Navy', hex: '#2d3a4f' };
const SAND = { name: 'Sand', hex: '#d8c9a8' };
const sneaker = { name: 'Sneaker', attributes: { sizes: ['40', '41'], colorOptions: [NAVY, SAND] } };
const tote = { name: 'Tote', attributes: { colorOptions: [NAVY, SAND] } };
const jacket = { name: 'Jacket', attributes: { sizes: ['S', 'M'] } };
const mug = { name: 'Mug', attributes: {} };

const codes = (product: typeof mug, variant: string) => {
  const r = checkVariant(product, variant);
  return r.ok ? r.variant : r.issues.map((i) => i.code);
};

describe('the variant rule', () => {
  it.each([
    ['size and colour', sneaker, '41 / Navy', '41 / Navy'],
    ['a colour spelled in another case, answered as the product spells it', sneaker, '41 / navy', '41 / Navy'],
    ['a size without a colour', sneaker, '41', ['missing_color']],
    ['a colour without a size', sneaker, 'Sand', ['missing_size']],
    ['nothing for a product with both', sneaker, '', ['missing_size', 'missing_color']],
    ['an unknown colour', sneaker, '41 / Red', ['unknown_color']],
    ['an unknown size and colour', sneaker, '47 / Red', ['unknown_size', 'unknown_color']],
    ['a colour alone on a colour-only product', tote, 'Sand', 'Sand'],
    ['a size on a colour-only product', tote, 'M / Sand', ['no_sizes']],
    ['nothing on a colour-only product', tote, '', ['missing_color']],
    ['a size alone on a sized product (every cart before colours)', jacket, 'M', 'M'],
    ['a colour on a product without colours', jacket, 'M / Navy', ['no_colors']],
    ['nothing on a product with no choices', mug, '', ''],
    ['a size on a product with no choices', mug, 'M', ['no_sizes']],
  ])('%s: %s → %j', (_name, product, variant, expected) => {
    expect(codes(product as typeof mug, variant)).toEqual(expected);
  });

  it('names the choices in its messages and throws a validation error with the issue codes', () => {
    const r = checkVariant(sneaker, '41');
    expect(!r.ok && r.issues[0]!.message).toBe('Choose a colour for Sneaker: Navy, Sand.');
    try {
      requireVariant(sneaker, '41 / Red');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ZodError);
      expect((err as ZodError).issues.map((i) => [i.code, i.path])).toEqual([['unknown_color', ['variant']]]);
      expect((err as ZodError).issues[0]!.message).toBe('Sneaker does not come in Red; choose Navy, Sand.');
    }
  });

  it('writes and reads a choice back, a lone part being a size unless the product has that colour', () => {
    expect([variantOf({ size: 'M', color: 'Navy' }), variantOf({ size: 'M', color: '' }), variantOf({ size: '', color: 'Navy' }), variantOf({ size: '', color: '' })]).toEqual(['M / Navy', 'M', 'Navy', '']);
    expect(choiceOf('M / Navy')).toEqual({ size: 'M', color: 'Navy' });
    expect(choiceOf('Navy')).toEqual({ size: 'Navy', color: '' });
    expect(choiceOf('Navy', [NAVY])).toEqual({ size: '', color: 'Navy' });
  });
});

describe('colour options in the catalog schema', () => {
  const parse = (colorOptions: unknown) => ProductAttributes.safeParse({ colorOptions });
  it('accepts 1 to 12 named #rrggbb colours', () => {
    expect(parse([NAVY, SAND]).success).toBe(true);
    expect(parse(Array.from({ length: 12 }, (_, i) => ({ name: `C${i}`, hex: '#000000' }))).success).toBe(true);
  });
  it.each([
    ['no colours', []],
    ['13 colours', Array.from({ length: 13 }, (_, i) => ({ name: `C${i}`, hex: '#000000' }))],
    ['a name twice, in another case', [NAVY, { name: 'navy', hex: '#000000' }]],
    ['an empty name', [{ name: ' ', hex: '#000000' }]],
    ['a slash in the name', [{ name: 'Navy/White', hex: '#000000' }]],
    ['a hex that is not #rrggbb', [{ name: 'Red', hex: 'red' }]],
    ['a name past 24 characters', [{ name: 'x'.repeat(25), hex: '#000000' }]],
    ['an unknown key', [{ ...NAVY, price: 1 }]],
  ])('refuses %s', (_name, opts) => {
    expect(parse(opts).success).toBe(false);
  });
});
