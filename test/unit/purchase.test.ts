/** What a shopper must choose before adding, and the words the shop uses for it. */
import { describe, expect, it } from 'vitest';
import { addedMessage, asksForSize, colourName, initialSize, offerOf, paletteWords, verdict } from '../../client/lib/purchase.js';

const jacket = offerOf({ id: 'j', name: 'Jacket', stock: 3, attributes: { sizes: ['S', 'M', 'L'], colors: ['#2d3a4f', '#1c1c1c'] } });
const cap = offerOf({ id: 'c', name: 'Cap', stock: 5, attributes: { sizes: ['One size'] } });
const mug = offerOf({ id: 'm', name: 'Mug', stock: 0, attributes: {} });
const live = offerOf({ id: 'l', name: 'Live shoe', stock: 2, sizes: ['40', '41'] });

describe('purchase rules', () => {
  it.each([
    ['a sized product without a size', jacket, '', undefined, { ok: false, reason: 'choose-size', message: 'Choose a size for Jacket.' }],
    ['a sized product with a size it has', jacket, 'M', undefined, { ok: true, variant: 'M' }],
    ['a sized product with a size it lacks', jacket, 'XXL', undefined, { ok: false, reason: 'choose-size', message: 'Choose a size for Jacket.' }],
    ['a one-size product with its only size', cap, 'One size', undefined, { ok: true, variant: 'One size' }],
    ['a product without sizes, whatever was chosen', { ...mug, stock: 1 }, 'M', undefined, { ok: true, variant: '' }],
    ['a sold-out product', mug, '', undefined, { ok: false, reason: 'sold-out', message: 'Mug is sold out.' }],
    ['a sold-out product with deal units left', { ...mug, stock: 0 }, '', 2, { ok: true, variant: '' }],
    ['an in-stock product whose deal is gone', jacket, 'S', 0, { ok: false, reason: 'sold-out', message: 'Jacket is sold out.' }],
  ])('%s', (_name, offer, size, available, expected) => {
    expect(verdict(offer, size, available)).toEqual(expected);
  });

  it('asks for a size only when there is more than one to choose, and preselects a lone size', () => {
    expect([asksForSize(jacket), asksForSize(cap), asksForSize(mug), asksForSize(live)]).toEqual([true, false, false, true]);
    expect([initialSize(jacket), initialSize(cap), initialSize(mug)]).toEqual(['', 'One size', '']);
  });

  it('reads sizes from a shop product or a live card alike', () => {
    expect(live.sizes).toEqual(['40', '41']);
    expect(jacket.sizes).toEqual(['S', 'M', 'L']);
    expect(jacket.colors).toEqual(['#2d3a4f', '#1c1c1c']);
  });

  it('says the size in the added message, except "One size"', () => {
    expect(addedMessage('Jacket', 'M')).toBe('Added Jacket, size M');
    expect(addedMessage('Cap', 'One size')).toBe('Added Cap');
    expect(addedMessage('Mug', '')).toBe('Added Mug');
  });

  it.each([
    ['#1c1c1c', 'black'],
    ['#f4f1ea', 'white'],
    ['#2d3a4f', 'navy'],
    ['#8a5530', 'brown'],
    ['#b5473a', 'red'],
    ['#c9a64a', 'gold'],
    ['#2f4a3a', 'dark green'],
    ['#a9c4de', 'light blue'],
    ['not a colour', ''],
  ])('names %s "%s"', (hex, name) => {
    expect(colourName(hex)).toBe(name);
  });

  it('lists a palette in words, each name once', () => {
    expect(paletteWords(['#2d3a4f', '#1c1c1c'])).toBe('navy and black');
    expect(paletteWords(['#1c1c1c', '#141414', '#f4f1ea', '#2d3a4f'])).toBe('black, white and navy');
    expect(paletteWords([])).toBe('');
  });
});
