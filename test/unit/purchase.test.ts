/** What a shopper must choose before adding, and the words the shop uses for it. */
import { describe, expect, it } from 'vitest';
import { addedMessage, asksForChoice, asksForColor, asksForSize, choiceTitle, choiceWords, colourName, initialChoice, offerOf, paletteWords, verdict } from '../../client/lib/purchase.js';

const jacket = offerOf({ id: 'j', name: 'Jacket', stock: 3, attributes: { sizes: ['S', 'M', 'L'], colors: ['#2d3a4f', '#1c1c1c'] } });
const cap = offerOf({ id: 'c', name: 'Cap', stock: 5, attributes: { sizes: ['One size'] } });
const mug = offerOf({ id: 'm', name: 'Mug', stock: 0, attributes: {} });
const live = offerOf({ id: 'l', name: 'Live shoe', stock: 2, sizes: ['40', '41'] });
const NAVY = { name: 'Navy', hex: '#2d3a4f' };
const SAND = { name: 'Sand', hex: '#d8c9a8' };
const sneaker = offerOf({ id: 's', name: 'Sneaker', stock: 4, attributes: { sizes: ['40', '41'], colorOptions: [NAVY, SAND] } });
const tote = offerOf({ id: 't', name: 'Tote', stock: 4, attributes: { colorOptions: [NAVY, SAND] } });
const beanie = offerOf({ id: 'b', name: 'Beanie', stock: 4, attributes: { sizes: ['One size'], colorOptions: [SAND] } });
const liveTote = offerOf({ id: 'lt', name: 'Live tote', stock: 1, colorOptions: [NAVY, SAND] });
const c = (size: string, color = '') => ({ size, color });

describe('purchase rules', () => {
  it.each([
    ['a sized product without a size', jacket, c(''), undefined, { ok: false, reason: 'choose-size', message: 'Choose a size for Jacket.' }],
    ['a sized product with a size it has', jacket, c('M'), undefined, { ok: true, variant: 'M', choice: c('M') }],
    ['a sized product with a size it lacks', jacket, c('XXL'), undefined, { ok: false, reason: 'choose-size', message: 'Choose a size for Jacket.' }],
    ['a one-size product with its only size', cap, c('One size'), undefined, { ok: true, variant: 'One size', choice: c('One size') }],
    ['a product without sizes, whatever was chosen', { ...mug, stock: 1 }, c('M', 'Navy'), undefined, { ok: true, variant: '', choice: c('') }],
    ['a sold-out product', mug, c(''), undefined, { ok: false, reason: 'sold-out', message: 'Mug is sold out.' }],
    ['a sold-out product with deal units left', { ...mug, stock: 0 }, c(''), 2, { ok: true, variant: '', choice: c('') }],
    ['an in-stock product whose deal is gone', jacket, c('S'), 0, { ok: false, reason: 'sold-out', message: 'Jacket is sold out.' }],
    ['size and colour both chosen', sneaker, c('41', 'Navy'), undefined, { ok: true, variant: '41 / Navy', choice: c('41', 'Navy') }],
    ['a size without the colour', sneaker, c('41'), undefined, { ok: false, reason: 'choose-color', message: 'Choose a colour for Sneaker.' }],
    ['a colour without the size', sneaker, c('', 'Sand'), undefined, { ok: false, reason: 'choose-size', message: 'Choose a size for Sneaker.' }],
    ['neither size nor colour', sneaker, c(''), undefined, { ok: false, reason: 'choose-size', message: 'Choose a size and a colour for Sneaker.' }],
    ['a colour the product does not come in', sneaker, c('40', 'Red'), undefined, { ok: false, reason: 'choose-color', message: 'Choose a colour for Sneaker.' }],
    ['a colour-only product with its colour', tote, c('', 'Sand'), undefined, { ok: true, variant: 'Sand', choice: c('', 'Sand') }],
    ['a colour-only product without one', tote, c(''), undefined, { ok: false, reason: 'choose-color', message: 'Choose a colour for Tote.' }],
  ])('%s', (_name, offer, choice, available, expected) => {
    expect(verdict(offer, choice, available)).toEqual(expected);
  });

  it('takes a lone size and a lone colour without asking, so such a product adds in one tap', () => {
    expect(initialChoice(beanie)).toEqual(c('One size', 'Sand'));
    expect(asksForChoice(beanie)).toBe(false);
    expect(verdict(beanie, initialChoice(beanie))).toEqual({ ok: true, variant: 'One size / Sand', choice: c('One size', 'Sand') });
    expect(initialChoice(sneaker)).toEqual(c(''));
    expect([asksForColor(sneaker), asksForColor(tote), asksForColor(jacket), asksForColor(liveTote)]).toEqual([true, true, false, true]);
  });

  it('titles the sheet after what it asks', () => {
    expect([choiceTitle(jacket), choiceTitle(tote), choiceTitle(sneaker)]).toEqual(['Choose a size: Jacket', 'Choose a colour: Tote', 'Choose a size and colour: Sneaker']);
  });

  it('asks for a size only when there is more than one to choose, and preselects a lone size', () => {
    expect([asksForSize(jacket), asksForSize(cap), asksForSize(mug), asksForSize(live)]).toEqual([true, false, false, true]);
    expect([initialChoice(jacket), initialChoice(cap), initialChoice(mug)].map((x) => x.size)).toEqual(['', 'One size', '']);
  });

  it('reads sizes from a shop product or a live card alike', () => {
    expect(live.sizes).toEqual(['40', '41']);
    expect(jacket.sizes).toEqual(['S', 'M', 'L']);
    expect(jacket.colors).toEqual(['#2d3a4f', '#1c1c1c']);
  });

  it('says the size and colour in the added message, except "One size"', () => {
    expect(addedMessage('Jacket', 'M')).toBe('Added Jacket, size M');
    expect(addedMessage('Cap', 'One size')).toBe('Added Cap');
    expect(addedMessage('Mug', '')).toBe('Added Mug');
    expect(addedMessage('Sneaker', '41 / Navy')).toBe('Added Sneaker, size 41, Navy');
    expect(addedMessage('Tote', c('', 'Sand'))).toBe('Added Tote, Sand');
    expect(addedMessage('Beanie', c('One size', 'Sand'))).toBe('Added Beanie, Sand');
    expect(choiceWords(c('M', 'Navy'))).toBe('size M, Navy');
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
