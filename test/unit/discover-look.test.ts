/** Discover's shopping logic: item names, Complete the look's lines and report, the drawn box's geometry. */
import { describe, expect, it } from 'vitest';
import { boxFromPoints, nudge, searchable, startBox } from '../../client/discover/boxGeometry.js';
import { itemNames, lookLines, lookSummary } from '../../client/discover/look.js';

const photo = { width: 800, height: 1200 };

describe('found items and Complete the look', () => {
  it('numbers repeated labels so no list name contains another', () => {
    const labels = ['footwear', 'top', 'footwear', 'your box', 'your box', ...Array<string>(20).fill('footwear'), 'your box'];
    const names = itemNames(labels.map((label) => ({ label })));
    expect(names.slice(0, 5).map((n) => n.text)).toEqual(['footwear', 'top', 'footwear 2', 'your box', 'your box 2']);
    expect(names.slice(0, 5).map((n) => n.listName)).toEqual([
      'Products like the footwear',
      'Products like the top',
      'Products like the 2nd footwear',
      'Products like your box',
      'Products like your 2nd box',
    ]);
    expect(names.slice(5).map((n) => n.subject.split(' ')[1])).toEqual(['3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th', '11th', '12th', '13th', '14th', '15th', '16th', '17th', '18th', '19th', '20th', '21st', '22nd', '3rd']);
    for (const a of names) for (const b of names) if (a !== b) expect(b.listName.toLowerCase().includes(a.listName.toLowerCase()), `${a.listName} in ${b.listName}`).toBe(false);
  });

  it('takes the best match of each item, one line per product, skipping items without matches', () => {
    const lines = lookLines([
      { matches: [{ productId: 'shoe', score: 0.6 }, { productId: 'boot', score: 0.5 }] },
      { matches: [{ productId: 'jacket', score: 0.7 }] },
      { matches: [] },
      { matches: [{ productId: 'shoe', score: 0.8 }] },
    ]);
    expect(lines).toEqual([
      { productId: 'shoe', score: 0.8, items: [0, 3] },
      { productId: 'jacket', score: 0.7, items: [1] },
    ]);
    expect(lookLines([])).toEqual([]);
  });

  it.each([
    [[true, true, true], 'Added all 3 items to your cart.'],
    [[true], 'Added 1 item to your cart.'],
    [[true, false, true], 'Added 2 of 3 items. 1 could not be added: see why below.'],
    [[false], 'The item could not be added: see why below.'],
    [[false, false], 'None of the 2 items could be added: see why below.'],
  ])('reports %j as "%s"', (oks, text) => {
    expect(lookSummary(oks.map((ok) => ({ ok })))).toBe(text);
  });
});

describe('the drawn box', () => {
  it('spans two points in any order, clipped to the photo, in whole pixels', () => {
    expect(boxFromPoints({ x: 300.4, y: 500 }, { x: 100, y: 200.6 }, photo)).toEqual([100, 201, 200, 299]);
    expect(boxFromPoints({ x: -50, y: 1100 }, { x: 900, y: 1300 }, photo)).toEqual([0, 1100, 800, 100]);
  });

  it('is searchable only from 4% of the shorter side (32 px here)', () => {
    expect(searchable([0, 0, 32, 32], photo)).toBe(true);
    expect(searchable([0, 0, 31, 400], photo)).toBe(false);
    expect(searchable([0, 0, 400, 2], photo)).toBe(false);
  });

  it('starts centred for the keyboard, moves by 1/40 of the longer side and stays inside the photo', () => {
    const start = startBox(photo);
    expect(start).toEqual([267, 400, 267, 400]);
    expect(nudge(start, 'ArrowRight', false, photo)).toEqual([297, 400, 267, 400]);
    expect(nudge(start, 'ArrowUp', false, photo)).toEqual([267, 370, 267, 400]);
    expect(nudge([790 - 267, 0, 267, 400], 'ArrowRight', false, photo)).toEqual([800 - 267, 0, 267, 400]);
    expect(nudge(start, 'Enter', false, photo)).toBeNull();
  });

  it('resizes from the corner with Shift, never below the searchable size nor past the edge', () => {
    expect(nudge([0, 0, 100, 100], 'ArrowDown', true, photo)).toEqual([0, 0, 100, 130]);
    expect(nudge([0, 0, 40, 40], 'ArrowLeft', true, photo)).toEqual([0, 0, 32, 40]);
    expect(nudge([700, 0, 95, 100], 'ArrowRight', true, photo)).toEqual([700, 0, 100, 100]);
  });
});
