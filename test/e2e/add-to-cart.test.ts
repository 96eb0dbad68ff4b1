/**
 * The one add-to-cart control in a real Chromium on a phone-sized screen, against the built client
 * and a real server with the demo catalog: sizes asked in a sheet from the grid, inline on the
 * product page (keyboard too), sold out disabled with its reason, the server's refusal shown next
 * to the button, and the chosen size in the cart.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cart, Product, ProductPage } from '../../server/protocol/api.js';
import { launchChromium } from '../support/chromium.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { setStock } from '../support/stock.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shots = join(root, 'test', 'artifacts', 'screenshots');
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let server: TestServer;
let browser: Browser;
const pageErrors: string[] = [];

async function products(): Promise<Product[]> {
  return ((await (await fetch(`${server.url}/api/products?limit=100`)).json()) as ProductPage).items;
}

async function withShopper(run: (ctx: BrowserContext) => Promise<void>): Promise<void> {
  const ctx = await browser.newContext(PHONE);
  try {
    await run(ctx);
  } finally {
    await ctx.close();
  }
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startTestServer({ seed: true, config: { clientDir: join(root, 'dist', 'client') } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the add-to-cart control', () => {
  it('from the shop grid, a product with sizes asks for one in a sheet and the cart line carries it', async () => {
    const sized = (await products()).find((p) => (p.attributes.sizes?.length ?? 0) > 2 && p.stock > 0)!;
    expect(sized, 'the demo catalog has a product with several sizes').toBeDefined();
    const size = sized.attributes.sizes![1]!;
    await withShopper(async (ctx) => {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${server.url}/?q=${encodeURIComponent(sized.name)}`);
      const card = page.getByRole('article', { name: sized.name });
      await card.getByRole('button', { name: `Add ${sized.name} to cart` }).tap();
      const sheet = page.getByRole('dialog', { name: `Choose a size: ${sized.name}` });
      await sheet.waitFor();
      // Add without a size: the sheet says what is missing instead of a silent disabled button.
      await sheet.getByRole('button', { name: 'Add to cart' }).tap();
      await sheet.getByRole('status').filter({ hasText: `Choose a size for ${sized.name}.` }).waitFor();
      const group = sheet.getByRole('group', { name: `Size for ${sized.name}` });
      expect(await group.getByRole('radio').count()).toBe(sized.attributes.sizes!.length);
      // Every size is a target a thumb can hit (at least 44 px square).
      const boxes = await group.locator('.size span').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
      expect(Math.min(...boxes)).toBeGreaterThanOrEqual(44);
      await group.getByRole('radio', { name: size, exact: true }).check();
      await page.screenshot({ path: join(shots, 'buy-size-sheet.png') });
      await sheet.getByRole('button', { name: 'Add to cart' }).tap();
      await page.getByRole('status').filter({ hasText: `Added ${sized.name}, size ${size}` }).waitFor();
      expect(await sheet.count()).toBe(0);
      await page.getByRole('button', { name: 'Cart, 1 item' }).tap();
      const line = page.getByRole('dialog', { name: 'Your cart' }).getByRole('listitem', { name: sized.name });
      await line.getByText(`Size ${size}`).waitFor();
      const cart = (await page.evaluate(() => fetch('/api/cart').then((r) => r.json()))) as Cart;
      expect(cart.lines.map((l) => [l.productId, l.variant, l.quantity])).toEqual([[sized.id, size, 1]]);
    });
    expect(pageErrors).toEqual([]);
  });

  it('on the product page the sizes are radio buttons a keyboard can pick, and colours are named in words', async () => {
    const sized = (await products()).find((p) => (p.attributes.sizes?.length ?? 0) > 2 && (p.attributes.colors?.length ?? 0) > 0 && p.stock > 0)!;
    const sizes = sized.attributes.sizes!;
    await withShopper(async (ctx) => {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${server.url}/p/${sized.id}`);
      await page.getByRole('heading', { level: 1, name: sized.name }).waitFor();
      expect(await page.locator('.palette').textContent()).toMatch(/^Colour: [a-z ,]+$/);
      // Tab to the first size, arrow to the next: native radios, so the keyboard works as everywhere.
      const group = page.getByRole('group', { name: `Size for ${sized.name}` });
      await group.getByRole('radio').first().focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      expect(await group.getByRole('radio', { name: sizes[1]!, exact: true }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByRole('status').filter({ hasText: `Added ${sized.name}, size ${sizes[1]}` }).waitFor();
      await page.screenshot({ path: join(shots, 'buy-product-page.png') });
      const cart = (await page.evaluate(() => fetch('/api/cart').then((r) => r.json()))) as Cart;
      expect(cart.lines.map((l) => l.variant)).toEqual([sizes[1]]);
    });
    expect(pageErrors).toEqual([]);
  });

  it('a sold-out product cannot be added and says why; a refusal from the server is shown next to the button', async () => {
    const all = await products();
    const gone = all.find((p) => !(p.attributes.sizes?.length) && p.stock > 0)!;
    const scarce = all.find((p) => !(p.attributes.sizes?.length) && p.stock > 0 && p.id !== gone.id)!;
    await setStock(server, gone.id, 0);
    await setStock(server, scarce.id, 1);
    try {
      await withShopper(async (ctx) => {
        const page = await ctx.newPage();
        page.on('pageerror', (e) => pageErrors.push(e.message));
        await page.goto(`${server.url}/p/${gone.id}`);
        const button = page.getByRole('button', { name: 'Sold out' });
        await button.waitFor();
        expect(await button.isDisabled()).toBe(true);
        const reason = await button.getAttribute('aria-describedby');
        expect(await page.locator(`[id="${reason}"]`).textContent()).toBe('None left to add.');

        // One left: the first add works, the second is refused by the server with its own words.
        await page.goto(`${server.url}/p/${scarce.id}`);
        await page.getByRole('button', { name: 'Add to cart' }).click();
        await page.getByRole('status').filter({ hasText: `Added ${scarce.name}` }).waitFor();
        await page.getByRole('button', { name: 'Add to cart' }).waitFor({ timeout: 5000 });
        await page.getByRole('button', { name: 'Add to cart' }).click();
        const alert = page.locator('.buy').getByRole('alert');
        await alert.filter({ hasText: `Only 1 of ${scarce.name} left.` }).waitFor();
        await page.screenshot({ path: join(shots, 'buy-refused.png') });
        const cart = (await page.evaluate(() => fetch('/api/cart').then((r) => r.json()))) as Cart;
        expect(cart.lines.map((l) => [l.productId, l.quantity])).toEqual([[scarce.id, 1]]);
      });
    } finally {
      const seeded = new Map(all.map((p) => [p.id, p.stock]));
      await setStock(server, gone.id, seeded.get(gone.id)!);
      await setStock(server, scarce.id, seeded.get(scarce.id)!);
    }
    expect(pageErrors).toEqual([]);
  });
});
