import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersToQuery, filtersToSearch, minorPerMajor, NO_FILTERS, parseFilters } from '../../client/lib/shopFilters.js';
import { stockLabel } from '../../client/lib/stock.js';

describe('shop filters in the address bar', () => {
  it('round-trips every filter through the query string', () => {
    const f = { q: 'gold aviator', category: 'sunglasses' as const, min: 50, max: 200, inStock: true };
    expect(parseFilters(filtersToSearch(f))).toEqual(f);
  });

  it('writes nothing for the default view so the shop URL stays "/"', () => {
    expect(filtersToSearch(NO_FILTERS)).toBe('');
  });

  it.each([
    ['?category=spaceships', { category: null }],
    ['?min=abc&max=-5', { min: null, max: null }],
    ['?min=300&max=100', { min: 100, max: 300 }],
    ['?min=12.9', { min: 12 }],
    ['?inStock=yes', { inStock: false }],
  ])('ignores or repairs malformed values: %s', (search, expected) => {
    expect(parseFilters(search)).toMatchObject(expected);
  });

  it('turns whole euros into the API’s minor units, the max bound inclusive of cents', () => {
    const q = filtersToQuery({ ...NO_FILTERS, min: 50, max: 200, inStock: true, category: 'watches' });
    expect(q).toEqual({ minPrice: 5000, maxPrice: 20099, inStock: true, category: 'watches' });
    expect(filtersToQuery({ ...NO_FILTERS, min: 500 }, minorPerMajor('JPY'))).toEqual({ minPrice: 500 });
  });

  it('counts the filters beyond the text search', () => {
    expect(activeFilterCount({ ...NO_FILTERS, q: 'x' })).toBe(0);
    expect(activeFilterCount({ q: '', category: 'bags', min: 1, max: null, inStock: true })).toBe(3);
  });
});

describe('stock words', () => {
  it.each([
    [0, 'out', 'Sold out'],
    [1, 'low', 'Only 1 left'],
    [5, 'low', 'Only 5 left'],
    [6, 'in', 'In stock'],
  ])('%i units read as %s', (stock, level, text) => {
    expect(stockLabel(stock)).toEqual({ level, text });
  });
});
