import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../server/config.js';
import { ProductCreate } from '../../server/protocol/api.js';
import { type Category, tryOnKind } from '../../server/protocol/catalog.js';
import { drawEyewear } from '../../server/seed/art/eyewear.js';
import { BACKDROP } from '../../server/seed/art/svg.js';
import { drawHat } from '../../server/seed/art/wear.js';
import { type DemoProduct, DEMO_PRODUCTS } from '../../server/seed/catalog.js';
import { seedDemoCatalog } from '../../server/seed/seed.js';
import { getProducts } from '../../server/store/products.js';
import { openTestDb } from '../support/server.js';

/** Rendered photos land here so a person can look at them (git-ignored). */
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts', 'catalog');

/** The colours a shopper would name for the product: what its photo must visibly contain. */
function keyColours(p: DemoProduct): string[] {
  const a = p.attributes;
  if (a.frameColor) return [a.frameColor];
  if (a.caseColor) return [a.caseColor, a.dialColor!, a.strapColor!];
  if (a.strapColor) return [a.strapColor];
  return [a.colors![0]!];
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

interface Rendered {
  width: number;
  height: number;
  /** Standard deviation of the pixel values, averaged over R, G and B. */
  std: number;
  /** Share of pixels within a small RGB distance of each key colour. */
  share: number[];
}

async function render(p: DemoProduct): Promise<Rendered> {
  const { data: png, info } = await sharp(Buffer.from(p.art())).png().toBuffer({ resolveWithObject: true });
  writeFileSync(join(ARTIFACTS, `${p.id}.png`), png);
  // A 200x200 copy is plenty for colour statistics and four times cheaper to scan.
  const { data } = await sharp(png).resize(200, 200).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels = data.length / 3;
  const share = keyColours(p).map((hex) => {
    const [r, g, b] = rgb(hex);
    let near = 0;
    for (let i = 0; i < data.length; i += 3) {
      if (Math.hypot(data[i]! - r, data[i + 1]! - g, data[i + 2]! - b) < 24) near++;
    }
    return near / pixels;
  });
  let std = 0;
  for (let c = 0; c < 3; c++) {
    let sum = 0;
    let sq = 0;
    for (let i = c; i < data.length; i += 3) {
      sum += data[i]!;
      sq += data[i]! ** 2;
    }
    std += Math.sqrt(sq / pixels - (sum / pixels) ** 2) / 3;
  }
  return { width: info.width, height: info.height, std, share };
}

describe('demo catalog', () => {
  it('has at least 24 products covering every shop category the issue lists', () => {
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(24);
    const count = (c: Category) => DEMO_PRODUCTS.filter((p) => p.category === c).length;
    const wanted: Record<Category, number> = { sunglasses: 5, optical: 3, watches: 3, bracelets: 2, bags: 4, apparel: 4, footwear: 2, hats: 2, home: 6 };
    for (const [category, min] of Object.entries(wanted)) expect(count(category as Category), category).toBeGreaterThanOrEqual(min);
    const shapes = new Set(DEMO_PRODUCTS.filter((p) => p.category === 'sunglasses').map((p) => p.attributes.frameShape));
    expect([...shapes].sort()).toEqual(['aviator', 'cat-eye', 'oval', 'rectangle', 'round', 'square']);
  });

  it('passes the API product schema with the shop currency, every one of them', () => {
    for (const p of DEMO_PRODUCTS) {
      const parsed = ProductCreate.safeParse({ name: p.name, description: p.description, category: p.category, price: { amount: p.price, currency: DEFAULTS.currency }, stock: p.stock, attributes: p.attributes });
      expect(parsed.success, `${p.id}: ${parsed.error?.message}`).toBe(true);
      expect(p.description.length, p.id).toBeGreaterThan(20);
      expect(p.stock, p.id).toBeGreaterThanOrEqual(3);
      expect(p.stock, p.id).toBeLessThanOrEqual(60);
    }
    // A couple of low-stock products let the shop show its "only a few left" state.
    expect(DEMO_PRODUCTS.filter((p) => p.stock <= 5).length).toBeGreaterThanOrEqual(2);
  });

  it('gives every product a unique, URL-safe id', () => {
    const ids = DEMO_PRODUCTS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const id of ids) expect(encodeURIComponent(id)).toBe(id);
  });

  it('gives every eyewear product a frame width, shape, colour and lens tint, clear for optical frames', () => {
    const eyewear = DEMO_PRODUCTS.filter((p) => tryOnKind(p.category) === 'eyewear');
    expect(eyewear.length).toBeGreaterThanOrEqual(8);
    for (const { id, category, attributes: a } of eyewear) {
      expect(a.frameWidthMm, id).toBeGreaterThanOrEqual(125);
      expect(a.frameWidthMm, id).toBeLessThanOrEqual(155);
      expect(a.frameShape, id).toBeTypeOf('string');
      expect(a.frameColor, id).toMatch(/^#[0-9a-f]{6}$/);
      expect(a.colors, id).toContain(a.frameColor);
      if (category === 'optical') {
        expect(a.lensTint, id).toBeNull();
        expect(a.lensOpacity, id).toBeLessThanOrEqual(0.15);
      } else {
        expect(a.lensTint, id).toMatch(/^#[0-9a-f]{6}$/);
        expect(a.lensOpacity, id).toBeGreaterThanOrEqual(0.3);
      }
    }
  });

  it('gives every watch a case diameter between 34 and 46 mm and its case, dial and strap colours', () => {
    const watches = DEMO_PRODUCTS.filter((p) => p.category === 'watches');
    for (const { id, attributes: a } of watches) {
      expect(a.caseDiameterMm, id).toBeGreaterThanOrEqual(34);
      expect(a.caseDiameterMm, id).toBeLessThanOrEqual(46);
      for (const c of [a.caseColor, a.dialColor, a.strapColor]) expect(c, id).toMatch(/^#[0-9a-f]{6}$/);
      expect(a.strapWidthMm, id).toBeGreaterThan(10);
    }
    for (const p of DEMO_PRODUCTS.filter((q) => q.category === 'bracelets')) expect(p.attributes.strapWidthMm, p.id).toBeGreaterThan(2);
    for (const p of DEMO_PRODUCTS.filter((q) => q.category === 'hats')) expect(p.attributes.hatStyle, p.id).toBeTypeOf('string');
    for (const p of DEMO_PRODUCTS.filter((q) => q.category === 'apparel' || q.category === 'footwear')) {
      expect(p.attributes.sizes?.length, p.id).toBeGreaterThanOrEqual(3);
      expect(p.attributes.material, p.id).toBeTypeOf('string');
    }
  });
});

describe('demo product photos', () => {
  const rendered = new Map<string, Rendered>();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const p of DEMO_PRODUCTS) rendered.set(p.id, await render(p));
  });

  it('rasterise with sharp to 800x800 images that are not blank', () => {
    for (const p of DEMO_PRODUCTS) {
      const r = rendered.get(p.id)!;
      expect([r.width, r.height], p.id).toEqual([800, 800]);
      expect(r.std, p.id).toBeGreaterThan(15);
    }
  });

  it("show the product's own colours (frame, case, dial, strap or main colour), which stand out from the backdrop", () => {
    const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]!));
    for (const p of DEMO_PRODUCTS) {
      const r = rendered.get(p.id)!;
      keyColours(p).forEach((c, i) => {
        // A colour close to the backdrop would be "found" in the background alone.
        expect(Math.min(...BACKDROP.map((b) => distance(c, b))), `${p.id} ${c}`).toBeGreaterThan(40);
        expect(r.share[i], `${p.id} ${c}`).toBeGreaterThan(0.002);
      });
    }
  });

  it('draw every frame shape and hat style the schema allows, each differently', () => {
    const shapes = ['round', 'rectangle', 'aviator', 'cat-eye', 'square', 'oval'] as const;
    const frames = shapes.map((frameShape) => drawEyewear({ frameShape, frameWidthMm: 140, frameColor: '#222222', lensTint: null, lensOpacity: 0.1 }));
    expect(new Set(frames).size).toBe(shapes.length);
    const styles = ['cap', 'fedora', 'beanie', 'bucket'] as const;
    expect(new Set(styles.map((hatStyle) => drawHat({ hatStyle, colors: ['#334455'] }))).size).toBe(styles.length);
  });

  it('draw different attributes differently: no two products share a photo', () => {
    const svgs = new Set(DEMO_PRODUCTS.map((p) => p.art()));
    expect(svgs.size).toBe(DEMO_PRODUCTS.length);
  });
});

describe('seeding the demo catalog', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let dataDir: string;

  beforeAll(async () => {
    db = await openTestDb('pglite');
    dataDir = mkdtempSync(join(tmpdir(), 'shopsee-seed-'));
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('inserts every product with one photo into a fresh store, and nothing on a second call', async () => {
    const config = { dataDir, currency: DEFAULTS.currency };
    expect(await seedDemoCatalog(db.kysely, config)).toBe(DEMO_PRODUCTS.length);
    const stored = await getProducts(db.kysely, DEMO_PRODUCTS.map((p) => p.id));
    expect(stored).toHaveLength(DEMO_PRODUCTS.length);
    for (const s of stored) {
      const demo = DEMO_PRODUCTS.find((p) => p.id === s.id)!;
      expect(s.photos, s.id).toHaveLength(1);
      expect(s.photos[0]!.width, s.id).toBe(800);
      expect(s.price, s.id).toEqual({ amount: demo.price, currency: DEFAULTS.currency });
      expect(s.attributes, s.id).toEqual(demo.attributes);
    }
    expect(await seedDemoCatalog(db.kysely, config)).toBe(0);
    const { n } = await db.kysely.selectFrom('photos').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(DEMO_PRODUCTS.length);
  });
});
