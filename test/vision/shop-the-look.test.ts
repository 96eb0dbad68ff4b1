/**
 * Buying what the photo shows, in a real Chromium on a phone (touch, 390 px) against the built
 * client and a real server whose demo catalog was indexed with the same engine: a shopper drops the
 * street photo, taps a found garment, picks its size and adds it; "Complete the look" adds the best
 * match of every item with sizes asked once and reports a sold-out line; a box drawn by touch, and
 * one by keyboard, around a part of the photo finds products.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cart, Product } from '../../server/protocol/api.js';
import { FIXTURES } from '../../server/discovery/eval/fixtures.js';
import { indexCatalog } from '../../server/discovery/indexer.js';
import { discoveryFeature } from '../../server/discovery/routes.js';
import { launchChromium } from '../support/chromium.js';
import { discoverReady } from '../support/discover.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { setStock } from '../support/stock.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shots = join(root, 'test', 'artifacts', 'screenshots');
const street = join(FIXTURES, 'fashion', 'street-blazer-sunglasses.jpg');
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const ANALYSIS_MS = 120_000;

let server: TestServer;
let browser: Browser;
const pageErrors: string[] = [];

async function product(id: string): Promise<Product> {
  return (await fetch(`${server.url}/api/products/${id}`)).json() as Promise<Product>;
}

const cartOf = (page: Page) => page.evaluate(() => fetch('/api/cart').then((r) => r.json() as Promise<Cart>));

/** A fresh shopper (own cookie, empty cart) on Discover with the models and the catalog index loaded. */
async function openDiscover(): Promise<{ ctx: BrowserContext; page: Page; uploads: () => number }> {
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  let uploads = 0;
  // The photo stays on the phone: no request may carry image-sized bytes to the server.
  page.on('request', (r) => {
    if (r.method() !== 'GET' && (r.postDataBuffer()?.length ?? 0) > 10_000) uploads += 1;
  });
  await page.goto(`${server.url}/discover`);
  await discoverReady(page, ANALYSIS_MS);
  return { ctx, page, uploads: () => uploads };
}

/**
 * Drops the street photo on the drop zone as a file dragged from the phone's gallery would be, and
 * waits for the found items (or, with `anyResult`, for the analysed photo even if nothing was found).
 */
async function dropStreetPhoto(page: Page, anyResult = false): Promise<void> {
  await page.locator('.dropzone').evaluate((zone, b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'street.jpg', { type: 'image/jpeg' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, readFileSync(street).toString('base64'));
  if (anyResult) await page.getByRole('button', { name: 'Draw a box' }).waitFor({ timeout: ANALYSIS_MS });
  else await page.getByRole('group', { name: 'Items found in the photo' }).waitFor({ timeout: ANALYSIS_MS });
}

/** Drags a finger across the element between two points given as shares of its size (CDP touch events). */
async function touchDrag(page: Page, selector: string, from: [number, number], to: [number, number]): Promise<void> {
  const el = page.locator(selector);
  await el.scrollIntoViewIfNeeded();
  const b = (await el.boundingBox())!;
  const at = ([fx, fy]: [number, number]) => ({ x: b.x + fx * b.width, y: b.y + fy * b.height });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(from)] });
  for (let s = 1; s <= 8; s++) {
    const t = s / 8;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at([from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t])] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** A screen point inside outline `key` and outside every other outline, or null when none exists. */
async function uncoveredSpot(page: Page, key: number): Promise<{ x: number; y: number } | null> {
  await page.locator('.stage').scrollIntoViewIfNeeded();
  return page.locator('svg.outlines').evaluate((svg, k) => {
    const rects = [...svg.querySelectorAll('g[data-key]')].map((g) => {
      const r = g.querySelector('rect')!;
      return { key: Number(g.getAttribute('data-key')), x: +r.getAttribute('x')!, y: +r.getAttribute('y')!, w: +r.getAttribute('width')!, h: +r.getAttribute('height')! };
    });
    const own = rects.find((r) => r.key === k)!;
    const [vw, vh] = (svg.getAttribute('viewBox') ?? '').split(' ').slice(2).map(Number) as [number, number];
    const box = svg.getBoundingClientRect();
    // A 9x9 grid inside the box, away from its edges (the stroke and label sit there).
    for (let i = 1; i < 10; i++) {
      for (let j = 1; j < 10; j++) {
        const x = own.x + (own.w * i) / 10;
        const y = own.y + (own.h * j) / 10;
        if (rects.some((r) => r.key !== k && x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h)) continue;
        const p = { x: box.left + (x / vw) * box.width, y: box.top + (y / vh) * box.height };
        if (p.y > 0 && p.y < window.innerHeight && document.elementFromPoint(p.x, p.y)?.closest('g[data-key]') === svg.querySelector(`g[data-key="${k}"]`)) return p;
      }
    }
    return null;
  }, key);
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startTestServer({ seed: true, features: [discoveryFeature], config: { clientDir: join(root, 'dist', 'client'), modelsDir: join(root, 'models', 'files') } });
  const { indexed, total } = await indexCatalog(server.db.kysely, server.config.dataDir);
  expect(indexed).toBe(total);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('buying the look in a street photo', () => {
  it('a shopper drops a street photo, taps a found garment, picks a size and adds it; the cart shows that size', async () => {
    const { ctx, page, uploads } = await openDiscover();
    try {
      await dropStreetPhoto(page);
      // Every found item has its own group: its name, then its matches. The garment is the first
      // item whose best match is sold in sizes (which labels the detector emits is not fixed here).
      const groups = page.locator('section.match-group');
      const count = await groups.count();
      expect(count).toBeGreaterThanOrEqual(2);
      const candidates: { index: number; product: Product }[] = [];
      for (let i = 0; i < count; i++) {
        const first = groups.nth(i).getByRole('listitem').first();
        if ((await first.count()) === 0) continue;
        await first.and(page.locator('[data-product]')).waitFor({ timeout: 30_000 });
        const p = await product((await first.getAttribute('data-product'))!);
        if ((p.attributes.sizes?.length ?? 0) > 1 && p.stock > 0) candidates.push({ index: i, product: p });
      }
      expect(candidates.length, 'a found item whose best match comes in sizes').toBeGreaterThanOrEqual(1);
      // Tap a garment's outline on the photo where no other outline covers it; its chip when every
      // such outline lies wholly under others.
      let spot: { x: number; y: number } | null = null;
      let chosen = candidates[0]!;
      for (const c of candidates) {
        spot = await uncoveredSpot(page, c.index);
        if (spot) {
          chosen = c;
          break;
        }
      }
      const { index, product: garment } = chosen;
      const label = (await groups.nth(index).getAttribute('data-label'))!;
      const chip = page.getByRole('group', { name: 'Items found in the photo' }).getByRole('button').nth(index);
      expect((await chip.textContent())!.startsWith(label)).toBe(true);
      if (spot) await page.touchscreen.tap(spot.x, spot.y);
      else await chip.tap();
      expect(await chip.getAttribute('aria-pressed')).toBe('true');
      const group = groups.nth(index);
      await expect(group.getAttribute('class')).resolves.toContain('is-selected');
      const match = group.getByRole('listitem').first();
      expect(await match.getByText(/^\d+% similar$/).count()).toBe(1);
      await match.getByRole('button', { name: `Add ${garment.name} to cart` }).tap();

      // A garment that also comes in colours asks both in the one sheet.
      const colours = garment.attributes.colorOptions ?? [];
      const sheet = page.getByRole('dialog', { name: `Choose ${colours.length > 1 ? 'a size and colour' : 'a size'}: ${garment.name}` });
      await sheet.waitFor();
      const size = garment.attributes.sizes!.at(-1)!;
      await sheet.getByRole('group', { name: `Size for ${garment.name}` }).getByRole('radio', { name: size, exact: true }).check();
      const colour = colours.length > 1 ? colours.at(-1)!.name : colours[0]?.name ?? '';
      if (colours.length > 1) await sheet.getByRole('group', { name: `Colour for ${garment.name}` }).getByRole('radio', { name: colour, exact: true }).check();
      await page.screenshot({ path: join(shots, 'discover-size-sheet.png') });
      await sheet.getByRole('button', { name: 'Add to cart' }).tap();
      await page.getByRole('status').filter({ hasText: `Added ${garment.name}, size ${size}${colour ? `, ${colour}` : ''}` }).waitFor();

      await page.getByRole('button', { name: 'Cart, 1 item' }).tap();
      const line = page.getByRole('dialog', { name: 'Your cart' }).getByRole('listitem', { name: garment.name });
      await line.getByText(`Size ${size}`).waitFor();
      await page.screenshot({ path: join(shots, 'discover-cart-with-size.png') });
      expect((await cartOf(page)).lines.map((l) => [l.productId, l.variant, l.quantity])).toEqual([[garment.id, colour ? `${size} / ${colour}` : size, 1]]);
      expect(uploads()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 300_000);

  it('Complete the look asks every size and colour once, adds the best match of each item and says which one sold out', async () => {
    const { ctx, page, uploads } = await openDiscover();
    let soldOut: Product | undefined;
    try {
      await dropStreetPhoto(page);
      await page.getByRole('button', { name: /^Complete the look \(\d+ items?\)$/ }).tap();
      const sheet = page.getByRole('dialog', { name: 'Complete the look' });
      const rows = sheet.getByRole('list', { name: 'Products in the look' }).getByRole('listitem');
      await sheet.locator('li[data-product]').first().waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => !document.querySelector('dialog .look-lines [aria-busy="true"]'));
      const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-product')).filter((x): x is string => Boolean(x)));
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(new Set(ids).size).toBe(ids.length);
      const products = await Promise.all(ids.map(product));

      // Someone buys the last line's product meanwhile: the shop refuses it, the others still go in.
      soldOut = products.at(-1)!;
      await setStock(server, soldOut.id, 0);

      const sized = products.filter((p) => (p.attributes.sizes?.length ?? 0) > 1);
      expect(sized.length).toBeGreaterThanOrEqual(1);
      const addAll = sheet.getByRole('button', { name: `Add ${ids.length} items to cart` });
      await addAll.tap();
      await sheet.getByRole('status').filter({ hasText: /^Choose a (size|colour|size and a colour) for / }).waitFor();
      // Each size and colour asked once; a lone size or colour is taken without asking.
      const picked = new Map<string, string>();
      for (const p of products) {
        const sizes = p.attributes.sizes ?? [];
        const colours = p.attributes.colorOptions ?? [];
        const size = sizes[0] ?? '';
        const colour = colours.at(-1)?.name ?? '';
        if (sizes.length > 1) await sheet.getByRole('group', { name: `Size for ${p.name}` }).getByRole('radio', { name: size, exact: true }).check();
        if (colours.length > 1) await sheet.getByRole('group', { name: `Colour for ${p.name}` }).getByRole('radio', { name: colour, exact: true }).check();
        picked.set(p.id, size && colour ? `${size} / ${colour}` : size || colour);
      }
      await page.screenshot({ path: join(shots, 'discover-complete-the-look.png') });
      await addAll.tap();

      const summary = sheet.getByRole('status').filter({ hasText: /^Added / });
      await summary.waitFor();
      expect(await summary.textContent()).toBe(`Added ${ids.length - 1} of ${ids.length} items. 1 could not be added: see why below.`);
      expect(await sheet.locator(`li[data-product="${soldOut.id}"] .look-outcome`).textContent()).toBe(`Not added: ${soldOut.name} is sold out.`);
      for (const p of products.slice(0, -1)) {
        expect(await sheet.locator(`li[data-product="${p.id}"] .look-outcome`).textContent()).toMatch(/^✓ Added to your cart/);
      }
      await page.screenshot({ path: join(shots, 'discover-complete-the-look-done.png') });

      const lines = (await cartOf(page)).lines.map((l) => [l.productId, l.variant]).sort();
      const expected = products.slice(0, -1).map((p) => [p.id, picked.get(p.id)!]).sort();
      expect(lines).toEqual(expected);
      await sheet.getByRole('button', { name: 'View cart' }).tap();
      await page.getByRole('dialog', { name: 'Your cart' }).waitFor();
      expect(uploads()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      if (soldOut) await setStock(server, soldOut.id, soldOut.stock);
      await ctx.close();
    }
  }, 300_000);

  it('a box drawn by finger around part of the photo, and one placed with the keyboard, each find products', async () => {
    const { ctx, page, uploads } = await openDiscover();
    try {
      // Drawing is for what the detector missed, so this holds whatever the detector finds, even nothing.
      await dropStreetPhoto(page, true);
      const before = await page.locator('section.match-group').count();
      await page.getByRole('button', { name: 'Draw a box' }).tap();
      const area = page.getByRole('application', { name: 'Drawing area over your photo' });
      await area.waitFor();
      // A too-small box is refused with a reason, not searched.
      await touchDrag(page, '.boxdraw', [0.5, 0.5], [0.51, 0.505]);
      await page.getByRole('status').filter({ hasText: 'That box is too small to search' }).waitFor();
      await touchDrag(page, '.boxdraw', [0.2, 0.55], [0.8, 0.85]);
      const list = page.getByRole('list', { name: 'Products like your box' });
      await list.getByRole('listitem').first().and(page.locator('[data-product]')).waitFor({ timeout: 60_000 });
      expect(await list.getByText(/^\d+% similar$/).count()).toBeGreaterThanOrEqual(1);
      await page.getByRole('status').filter({ hasText: /^Found \d+ products? like your box\.$/ }).waitFor();
      expect(await page.locator('section.match-group').count()).toBe(before + 1);
      // The drawn box is outlined on the photo like the found items.
      expect(await page.locator('.outlines g[data-label="your box"]').count()).toBe(1);
      await page.getByRole('group', { name: 'Items found in the photo' }).getByRole('button', { name: 'your box' }).waitFor();
      await page.locator('.stage').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'discover-drawn-box.png') });

      // Keyboard: focus the drawing area, move the starting box up, widen it, Enter searches.
      await page.getByRole('button', { name: 'Draw a box' }).click();
      await area.focus();
      const start = await area.getAttribute('data-box');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
      for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowRight');
      const moved = (await area.getAttribute('data-box'))!.split(',').map(Number);
      const [x0, y0, w0, h0] = start!.split(',').map(Number);
      expect(moved[0]).toBe(x0);
      expect(moved[1]).toBeLessThan(y0!);
      expect(moved[2]).toBeGreaterThan(w0!);
      expect(moved[3]).toBe(h0);
      await page.keyboard.press('Enter');
      const second = page.getByRole('list', { name: 'Products like your 2nd box' });
      await second.getByRole('listitem').first().and(page.locator('[data-product]')).waitFor({ timeout: 60_000 });
      // The drawing layer closed: focus went on to the new results, not back to the top of the page.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Like your 2nd box');
      expect(uploads()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 300_000);
});
