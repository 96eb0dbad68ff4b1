/** Cart arithmetic: totals from unit prices, and the fingerprint that tells a retry from a new cart. */
import { describe, expect, it } from 'vitest';
import { cartHash, type PricedLine, priceCart } from '../../server/domain/cart.js';

let nextId = 1;
function line(over: Partial<PricedLine> = {}): PricedLine {
  return {
    id: String(nextId++),
    productId: 'lamp',
    variant: '',
    quantity: 1,
    name: 'Lamp',
    photo: null,
    unitPriceMinor: 1000,
    currency: 'EUR',
    available: 10,
    ...over,
  };
}

describe('priceCart', () => {
  it('reads each line\'s size and colour back, the colour with its swatch, and a colour no longer offered by name only', () => {
    const colorOptions = [{ name: 'Navy', hex: '#2d3a4f' }];
    const cart = priceCart(
      [line({ variant: 'M / Navy', colorOptions }), line({ variant: 'Navy', colorOptions }), line({ variant: 'M' }), line({ variant: 'L / Teal', colorOptions }), line()],
      'EUR',
    );
    expect(cart.lines.map((l) => [l.size, l.color])).toEqual([
      ['M', { name: 'Navy', hex: '#2d3a4f' }],
      ['', { name: 'Navy', hex: '#2d3a4f' }],
      ['M', null],
      ['L', { name: 'Teal', hex: '' }],
      ['', null],
    ]);
  });

  const table: Array<[string, PricedLine[], { itemCount: number; total: number; lineTotals: number[] }]> = [
    ['an empty cart totals zero', [], { itemCount: 0, total: 0, lineTotals: [] }],
    ['one line is unit price times quantity', [line({ quantity: 3, unitPriceMinor: 1999 })], { itemCount: 3, total: 5997, lineTotals: [5997] }],
    [
      'several lines add up, counting every unit',
      [line({ quantity: 2, unitPriceMinor: 4990 }), line({ productId: 'vase', quantity: 3, unitPriceMinor: 1250 }), line({ productId: 'mug', unitPriceMinor: 1 })],
      { itemCount: 6, total: 9980 + 3750 + 1, lineTotals: [9980, 3750, 1] },
    ],
    ['a free item counts as an item but adds nothing', [line({ unitPriceMinor: 0, quantity: 4 })], { itemCount: 4, total: 0, lineTotals: [0] }],
    [
      'large carts stay exact in integer cents',
      [line({ quantity: 99, unitPriceMinor: 100_000_000 }), line({ productId: 'b', quantity: 99, unitPriceMinor: 99_999_999 })],
      { itemCount: 198, total: 9_900_000_000 + 9_899_999_901, lineTotals: [9_900_000_000, 9_899_999_901] },
    ],
  ];

  it.each(table)('%s', (_name, lines, want) => {
    const cart = priceCart(lines, 'EUR');
    expect(cart.itemCount).toBe(want.itemCount);
    expect(cart.lines.map((l) => l.lineTotal.amount)).toEqual(want.lineTotals);
    expect(cart.subtotal).toEqual({ amount: want.total, currency: 'EUR' });
    expect(cart.total).toEqual({ amount: want.total, currency: 'EUR' });
  });

  it('keeps the order of lines and carries each line id, variant, photo and availability through', () => {
    const photo = { id: 'ph_1', url: '/media/ph_1.webp', thumbUrl: '/media/ph_1-thumb.webp', width: 800, height: 600 };
    const input = [line({ id: '7', productId: 'shirt', variant: 'M', photo, available: 2 }), line({ id: '3', productId: 'lamp' })];
    const cart = priceCart(input, 'EUR');
    expect(cart.lines.map((l) => l.id)).toEqual(['7', '3']);
    expect(cart.lines[0]).toMatchObject({ productId: 'shirt', variant: 'M', photo, available: 2, unitPrice: { amount: 1000, currency: 'EUR' } });
  });

  it('returns a total that is a copy, so changing one cannot change the other', () => {
    const cart = priceCart([line()], 'EUR');
    cart.total.amount = 1;
    expect(cart.subtotal.amount).toBe(1000);
  });
});

describe('cartHash', () => {
  const a = line({ productId: 'lamp', quantity: 2, unitPriceMinor: 4990 });
  const b = line({ productId: 'shirt', variant: 'M', quantity: 1, unitPriceMinor: 5900 });
  const c = line({ productId: 'shirt', variant: 'L', quantity: 1, unitPriceMinor: 5900 });

  it('is a 64-character hex digest, the same for the same cart every time', () => {
    expect(cartHash([a, b])).toMatch(/^[0-9a-f]{64}$/);
    expect(cartHash([a, b])).toBe(cartHash([a, b]));
  });

  it('does not change when the lines are reordered or their line ids and stock differ', () => {
    const base = cartHash([a, b, c]);
    for (const order of [[a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]]) expect(cartHash(order)).toBe(base);
    expect(cartHash([{ ...a, id: '999', available: 0, name: 'renamed' }, b, c])).toBe(base);
  });

  it('changes when a product, variant, quantity or unit price changes, or a line is added or removed', () => {
    const base = cartHash([a, b]);
    const variants = [
      [{ ...a, productId: 'lamp2' }, b],
      [a, { ...b, variant: 'L' }],
      [{ ...a, quantity: 3 }, b],
      [a, { ...b, unitPriceMinor: 5901 }],
      [a, b, c],
      [a],
      [],
    ];
    const hashes = variants.map((v) => cartHash(v));
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('gives every distinct cart among 2,000 random ones of up to 5 lines its own hash', () => {
    // A seeded generator so a failure reproduces.
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const hashOf = new Map<string, string>();
    for (let i = 0; i < 2000; i++) {
      const lines = Array.from({ length: 1 + rand(5) }, (_, j) => ({
        productId: `p${rand(6)}`,
        variant: ['', 'S', 'M', '1', '12'][rand(5)]!,
        quantity: 1 + rand(12),
        unitPriceMinor: rand(3) * 5 + j,
      }));
      // Merge duplicate product+variant lines as the cart store does.
      const merged = new Map<string, (typeof lines)[number]>();
      for (const l of lines) merged.set(`${l.productId}/${l.variant}`, merged.get(`${l.productId}/${l.variant}`) ?? l);
      const canon = JSON.stringify([...merged.values()].map((l) => [l.productId, l.variant, l.quantity, l.unitPriceMinor]).sort());
      hashOf.set(canon, cartHash([...merged.values()]));
    }
    // Random draws repeat some carts; every distinct cart must have a distinct hash.
    expect(hashOf.size).toBeGreaterThan(800);
    expect(new Set(hashOf.values()).size).toBe(hashOf.size);
  });
});
