/** The REST protocol's zod schemas, table-driven: what each accepts, what it refuses, what it fills in. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CartAdd,
  CartLineUpdate,
  CheckoutBody,
  Id,
  MAX_LINE_QUANTITY,
  OrderQuery,
  OrderStatusUpdate,
  ProductCreate,
  ProductQuery,
  ProductUpdate,
} from '../../server/protocol/api.js';
import { CATEGORIES, ProductAttributes, tryOnKind } from '../../server/protocol/catalog.js';
import { AppError, ERROR_CODES, HTTP_STATUS } from '../../server/protocol/errors.js';

type Row = [string, unknown, unknown];

/** Each row: a description, an input, and the parsed output or `REFUSED`. */
const REFUSED = Symbol('refused');

function table(schema: z.ZodType, rows: Row[]) {
  it.each(rows)('%s', (_name, input, want) => {
    const res = schema.safeParse(input);
    if (want === REFUSED) {
      expect(res.success, JSON.stringify(res.data)).toBe(false);
    } else {
      expect(res.success, JSON.stringify(res.error?.issues)).toBe(true);
      expect(res.data).toEqual(want);
    }
  });
}

describe('Id', () => {
  table(Id, [
    ['accepts a slug', 'aviator-gold', 'aviator-gold'],
    ['accepts underscores and digits', 'ord_0123abc', 'ord_0123abc'],
    ['refuses an empty id', '', REFUSED],
    ['refuses a path', '../etc/passwd', REFUSED],
    ['refuses spaces', 'a b', REFUSED],
    ['refuses more than 64 characters', 'a'.repeat(65), REFUSED],
    ['refuses a number', 42, REFUSED],
  ]);
});

describe('ProductQuery (query strings arrive as text)', () => {
  const defaults = { limit: 24, offset: 0 };
  table(ProductQuery, [
    ['fills in paging defaults', {}, defaults],
    ['trims the search text', { q: '  gold  ' }, { ...defaults, q: 'gold' }],
    ['coerces numbers from text', { minPrice: '100', maxPrice: '2000', limit: '10', offset: '20' }, { minPrice: 100, maxPrice: 2000, limit: 10, offset: 20 }],
    ['turns inStock=true into a boolean', { inStock: 'true' }, { ...defaults, inStock: true }],
    ['turns inStock=false into a boolean', { inStock: 'false' }, { ...defaults, inStock: false }],
    ['accepts a known category', { category: 'watches' }, { ...defaults, category: 'watches' }],
    ['refuses inStock=yes', { inStock: 'yes' }, REFUSED],
    ['refuses an unknown category', { category: 'boats' }, REFUSED],
    ['refuses an unknown parameter', { sort: 'price' }, REFUSED],
    ['refuses a negative price', { minPrice: '-5' }, REFUSED],
    ['refuses a fractional price', { minPrice: '1.5' }, REFUSED],
    ['refuses a page of 0', { limit: '0' }, REFUSED],
    ['refuses a page over 100', { limit: '101' }, REFUSED],
    ['refuses a huge offset', { offset: '100001' }, REFUSED],
    ['refuses a search over 100 characters', { q: 'x'.repeat(101) }, REFUSED],
    ['refuses text where a number belongs', { limit: 'ten' }, REFUSED],
  ]);
});

describe('ProductCreate', () => {
  const base = { name: 'Desk Lamp', category: 'home', price: { amount: 4990, currency: 'EUR' }, stock: 3 };
  table(ProductCreate, [
    ['fills in an empty description and no attributes', base, { ...base, description: '', attributes: {} }],
    ['trims the name', { ...base, name: '  Lamp  ' }, { ...base, name: 'Lamp', description: '', attributes: {} }],
    ['keeps attributes that fit the category', { ...base, attributes: { sizes: ['S', 'M'], colors: ['#aabbcc'] } }, { ...base, description: '', attributes: { sizes: ['S', 'M'], colors: ['#aabbcc'] } }],
    ['refuses a blank name', { ...base, name: '   ' }, REFUSED],
    ['refuses a name over 120 characters', { ...base, name: 'n'.repeat(121) }, REFUSED],
    ['refuses a missing price', { name: 'x', category: 'home', stock: 1 }, REFUSED],
    ['refuses negative stock', { ...base, stock: -1 }, REFUSED],
    ['refuses stock over a million', { ...base, stock: 1_000_001 }, REFUSED],
    ['refuses an extra field', { ...base, id: 'chosen-id' }, REFUSED],
    ['refuses a price in a made-up currency', { ...base, price: { amount: 1, currency: 'ABC' } }, REFUSED],
  ]);
});

describe('ProductUpdate', () => {
  table(ProductUpdate, [
    ['accepts an empty patch', {}, {}],
    ['accepts a stock change alone', { stock: 0 }, { stock: 0 }],
    ['refuses null stock', { stock: null }, REFUSED],
    ['refuses an unknown field', { featured: true }, REFUSED],
  ]);
});

describe('ProductAttributes', () => {
  table(ProductAttributes, [
    ['accepts eyewear measurements', { frameWidthMm: 140, frameShape: 'aviator', lensTint: null, lensOpacity: 0.7 }, { frameWidthMm: 140, frameShape: 'aviator', lensTint: null, lensOpacity: 0.7 }],
    ['refuses a colour that is not #rrggbb', { colors: ['red'] }, REFUSED],
    ['refuses a frame wider than 180 mm', { frameWidthMm: 181 }, REFUSED],
    ['refuses a lens opacity above 1', { lensOpacity: 1.2 }, REFUSED],
    ['refuses more than 20 sizes', { sizes: Array.from({ length: 21 }, (_, i) => String(i)) }, REFUSED],
    ['refuses an empty size name', { sizes: [''] }, REFUSED],
    ['refuses an unknown attribute', { sparkle: 1 }, REFUSED],
  ]);
});

describe('CartAdd', () => {
  table(CartAdd, [
    ['defaults to one unit of no variant', { productId: 'lamp' }, { productId: 'lamp', variant: '', quantity: 1 }],
    ['keeps a size and quantity', { productId: 'shirt', variant: 'M', quantity: 3 }, { productId: 'shirt', variant: 'M', quantity: 3 }],
    [`accepts the maximum of ${MAX_LINE_QUANTITY}`, { productId: 'x', quantity: MAX_LINE_QUANTITY }, { productId: 'x', variant: '', quantity: MAX_LINE_QUANTITY }],
    ['refuses one more than the maximum', { productId: 'x', quantity: MAX_LINE_QUANTITY + 1 }, REFUSED],
    ['refuses zero', { productId: 'x', quantity: 0 }, REFUSED],
    ['refuses a negative quantity', { productId: 'x', quantity: -2 }, REFUSED],
    ['refuses a fraction', { productId: 'x', quantity: 0.5 }, REFUSED],
    ['refuses a quantity as text', { productId: 'x', quantity: '2' }, REFUSED],
    ['refuses a client-sent price', { productId: 'x', unitPrice: 1 }, REFUSED],
    ['takes a variant naming size and colour (up to 40 characters)', { productId: 'x', variant: 'XL / Forest green' }, { productId: 'x', variant: 'XL / Forest green', quantity: 1 }],
    ['refuses a variant over 40 characters', { productId: 'x', variant: 'x'.repeat(41) }, REFUSED],
    ['refuses a missing product', { quantity: 1 }, REFUSED],
  ]);
});

describe('CartLineUpdate', () => {
  table(CartLineUpdate, [
    ['accepts zero (removes the line)', { quantity: 0 }, { quantity: 0 }],
    ['accepts the maximum', { quantity: MAX_LINE_QUANTITY }, { quantity: MAX_LINE_QUANTITY }],
    ['refuses above the maximum', { quantity: MAX_LINE_QUANTITY + 1 }, REFUSED],
    ['refuses a negative quantity', { quantity: -1 }, REFUSED],
    ['refuses a missing quantity', {}, REFUSED],
  ]);
});

describe('CheckoutBody', () => {
  table(CheckoutBody, [
    ['defaults to the paying test card', {}, { paymentToken: 'tok_visa' }],
    ['keeps a session id for attribution', { paymentToken: 'tok_declined', sessionId: 'live_1' }, { paymentToken: 'tok_declined', sessionId: 'live_1' }],
    ['refuses an empty token', { paymentToken: '' }, REFUSED],
    ['refuses a token over 64 characters', { paymentToken: 't'.repeat(65) }, REFUSED],
    ['refuses a bad session id', { sessionId: 'a/b' }, REFUSED],
    ['refuses a client total', { total: 1 }, REFUSED],
  ]);
});

describe('OrderStatusUpdate and OrderQuery', () => {
  describe('OrderStatusUpdate', () => {
    table(OrderStatusUpdate, [
      ['accepts shipped', { status: 'shipped' }, { status: 'shipped' }],
      ['accepts cancelled', { status: 'cancelled' }, { status: 'cancelled' }],
      ['refuses paid (only payment sets it)', { status: 'paid' }, REFUSED],
      ['refuses pending', { status: 'pending' }, REFUSED],
    ]);
  });
  describe('OrderQuery', () => {
    table(OrderQuery, [
      ['fills in paging defaults', {}, { limit: 50, offset: 0 }],
      ['filters by a known status', { status: 'failed', limit: '5' }, { status: 'failed', limit: 5, offset: 0 }],
      ['refuses an unknown status', { status: 'lost' }, REFUSED],
      ['refuses a page over 100', { limit: '500' }, REFUSED],
    ]);
  });
});

describe('catalog', () => {
  it.each(CATEGORIES.map((c) => [c, { sunglasses: 'eyewear', optical: 'eyewear', watches: 'wrist', bracelets: 'wrist', hats: 'head' }[c as string] ?? null]))(
    'tries on %s as %s',
    (category, kind) => {
      expect(tryOnKind(category)).toBe(kind);
    },
  );
});

describe('error codes', () => {
  it('gives every code an HTTP status, and no status to a code that does not exist', () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(ERROR_CODES.map((c) => [c, HTTP_STATUS[c]]))('maps %s to the error status %d', (code, status) => {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    // Only failures on our side are 5xx.
    expect(status >= 500).toBe(code === 'INTERNAL' || code === 'UNAVAILABLE');
  });

  it.each([
    ['VALIDATION_FAILED', 400],
    ['UNAUTHORIZED', 401],
    ['PAYMENT_FAILED', 402],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['OUT_OF_STOCK', 409],
    ['PAYLOAD_TOO_LARGE', 413],
    ['UNSUPPORTED_MEDIA_TYPE', 415],
    ['IDEMPOTENCY_KEY_REUSED', 422],
    ['RATE_LIMITED', 429],
  ] as const)('keeps the documented status of %s at %d', (code, status) => {
    expect(HTTP_STATUS[code]).toBe(status);
  });

  it('carries its code, message and details on AppError', () => {
    const err = new AppError('OUT_OF_STOCK', 'Only 2 left.', { available: 2 });
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ name: 'AppError', code: 'OUT_OF_STOCK', message: 'Only 2 left.', details: { available: 2 } });
  });
});
