import { describe, expect, it } from 'vitest';
import { ProductCreate } from '../../server/protocol/api.js';
import type { Product } from '../../server/protocol/api.js';
import { errorFromBody } from '../../client/lib/api.js';
import { attributeGroups, EMPTY_FORM, fieldErrorsFromIssues, formFromProduct, formToPayload } from '../../client/merchant/productForm.js';
import { hashWithoutToken, tokenFromHash } from '../../client/merchant/token.js';

const watch: Product = {
  id: 'w1',
  name: 'Field Watch 38',
  description: 'A watch.',
  category: 'watches',
  price: { amount: 18900, currency: 'EUR' },
  stock: 12,
  attributes: { caseDiameterMm: 38, caseColor: '#b0b4b8', dialColor: '#1d2a1f', strapColor: '#6b4a2b', colors: ['#6b4a2b'] },
  photos: [],
  tryOn: 'wrist',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('the merchant product form', () => {
  it('an existing product survives form → payload unchanged, and the payload passes the server schema', () => {
    const res = formToPayload(formFromProduct(watch), 'EUR');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.body).toEqual({
      name: watch.name,
      description: watch.description,
      category: watch.category,
      price: watch.price,
      stock: watch.stock,
      attributes: watch.attributes,
    });
    expect(ProductCreate.safeParse(res.body).success).toBe(true);
  });

  it('sends eyewear attributes for sunglasses, clear lenses as a null tint, and drops other categories’ fields', () => {
    const f = { ...EMPTY_FORM, name: 'Round', category: 'sunglasses' as const, price: '99,50', stock: '3', frameWidthMm: '138', frameShape: 'round', lensOpacity: '0.4', caseDiameterMm: '40', sizes: 'S, M' };
    const res = formToPayload(f, 'EUR');
    expect(res.ok && res.body.price.amount).toBe(9950);
    expect(res.ok && res.body.attributes).toEqual({ frameWidthMm: 138, frameShape: 'round', lensTint: null, lensOpacity: 0.4 });
  });

  it('splits, trims and de-duplicates sizes for apparel', () => {
    const res = formToPayload({ ...EMPTY_FORM, name: 'Tee', category: 'apparel', price: '20', stock: '1', sizes: ' S, M ,M,, L ' }, 'EUR');
    expect(res.ok && res.body.attributes.sizes).toEqual(['S', 'M', 'L']);
  });

  it('sends colours to choose from with trimmed names, and reads them back from a product', () => {
    const f = { ...EMPTY_FORM, name: 'Tote', category: 'bags' as const, price: '59', stock: '4', colorOptions: [{ name: ' Natural ', hex: '#d8c9a8' }, { name: 'Black', hex: '#1f1f1f' }] };
    const res = formToPayload(f, 'EUR');
    expect(res.ok && res.body.attributes.colorOptions).toEqual([{ name: 'Natural', hex: '#d8c9a8' }, { name: 'Black', hex: '#1f1f1f' }]);
    const back = formFromProduct({ ...(res.ok ? res.body : ({} as never)), id: 't', price: { amount: 5900, currency: 'EUR' }, photos: [], tryOn: null, createdAt: '', updatedAt: '' } as never);
    expect(back.colorOptions).toEqual([{ name: 'Natural', hex: '#d8c9a8' }, { name: 'Black', hex: '#1f1f1f' }]);
    expect(formToPayload({ ...EMPTY_FORM, name: 'T', price: '1', stock: '1' }, 'EUR')).toMatchObject({ ok: true, body: { attributes: {} } });
  });

  it('asks for a name on every colour choice and a different name for each before sending', () => {
    const base = { ...EMPTY_FORM, name: 'Tote', category: 'bags' as const, price: '59', stock: '4' };
    expect(formToPayload({ ...base, colorOptions: [{ name: '', hex: '#000000' }] }, 'EUR')).toEqual({ ok: false, errors: { colorOptions: 'Name every colour the shopper can choose, e.g. Navy' } });
    expect(formToPayload({ ...base, colorOptions: [{ name: 'Navy', hex: '#000000' }, { name: 'navy ', hex: '#111111' }] }, 'EUR')).toEqual({ ok: false, errors: { colorOptions: 'Give each colour a different name' } });
  });

  it('reports a missing price and a fractional stock before sending', () => {
    const res = formToPayload({ ...EMPTY_FORM, name: 'X', price: '', stock: '1.5' }, 'EUR');
    expect(res).toEqual({ ok: false, errors: { price: expect.any(String), stock: expect.any(String) } });
  });

  it('puts server issues on the matching fields and the rest on the form', () => {
    const err = errorFromBody(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Invalid product',
        issues: [
          { path: ['attributes', 'frameWidthMm'], message: 'Too small: expected number to be >=100' },
          { path: ['price', 'amount'], message: 'Too big' },
          { path: ['mystery'], message: 'Unrecognized key' },
        ],
      },
    });
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(fieldErrorsFromIssues(err.issues)).toEqual({
      frameWidthMm: 'Too small: expected number to be >=100',
      price: 'Too big',
      form: 'mystery: Unrecognized key',
    });
  });

  it.each([
    ['sunglasses', ['eyewear']],
    ['bracelets', ['wrist']],
    ['hats', ['hat', 'sizes']],
    ['footwear', ['sizes']],
    ['home', []],
  ] as const)('shows the %s attribute groups', (category, groups) => {
    expect(attributeGroups(category)).toEqual(groups);
  });
});

describe('the merchant token link', () => {
  it('reads the token from the hash and leaves the rest of the hash', () => {
    expect(tokenFromHash('#token=abc123&tab=orders')).toBe('abc123');
    expect(hashWithoutToken('#token=abc123&tab=orders')).toBe('#tab=orders');
    expect(hashWithoutToken('#token=abc123')).toBe('');
    expect(tokenFromHash('#tab=orders')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
  });
});

describe('API errors', () => {
  it('keeps the server’s code, message and details, and survives a body that is not an error', () => {
    const e = errorFromBody(409, { error: { code: 'OUT_OF_STOCK', message: 'Only 1 left', details: { available: 1 } } });
    expect([e.status, e.code, e.message, e.details]).toEqual([409, 'OUT_OF_STOCK', 'Only 1 left', { available: 1 }]);
    expect(errorFromBody(502, '<html>bad gateway</html>').code).toBe('INTERNAL');
    expect(errorFromBody(404, undefined).code).toBe('BAD_RESPONSE');
  });
});
