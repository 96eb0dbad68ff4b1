/**
 * The one add-to-cart control in a real Chromium on a phone-sized screen, against the built client
 * and a real server with the demo catalog: sizes asked in a sheet from the grid, inline on the
 * product page (keyboard too), sold out disabled with its reason, the server's refusal shown next
 * to the button, size and colour asked together, and the chosen size and colour in the cart and checkout.
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
    const sized = (await products()).find((p) => (p.attributes.sizes?.length ?? 0) > 2 && !p.attributes.colorOptions && p.stock > 0)!;
    expect(sized, 'the demo catalog has a product with several sizes and no colour to choose').toBeDefined();
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
    const sized = (await products()).find((p) => (p.attributes.sizes?.length ?? 0) > 2 && (p.attributes.colors?.length ?? 0) > 0 && !p.attributes.colorOptions && p.stock > 0)!;
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
    const plain = all.filter((p) => !(p.attributes.sizes?.length) && !p.attributes.colorOptions && p.stock > 0);
    const [gone, scarce] = [plain[0]!, plain[1]!];
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

  it('a product in sizes and colours asks both in one sheet, says which is missing, and the cart and checkout name the colour', async () => {
    const both = (await products()).find((p) => (p.attributes.sizes?.length ?? 0) > 1 && (p.attributes.colorOptions?.length ?? 0) > 1 && p.stock > 0)!;
    expect(both, 'the demo catalog has a product in sizes and colours').toBeDefined();
    const size = both.attributes.sizes![1]!;
    const colour = both.attributes.colorOptions![1]!;
    await withShopper(async (ctx) => {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${server.url}/?q=${encodeURIComponent(both.name)}`);
      await page.getByRole('article', { name: both.name }).getByRole('button', { name: `Add ${both.name} to cart` }).tap();
      const sheet = page.getByRole('dialog', { name: `Choose a size and colour: ${both.name}` });
      await sheet.waitFor();
      const add = sheet.getByRole('button', { name: 'Add to cart' });
      await add.tap();
      await sheet.getByRole('status').filter({ hasText: `Choose a size and a colour for ${both.name}.` }).waitFor();
      await sheet.getByRole('group', { name: `Size for ${both.name}` }).getByRole('radio', { name: size, exact: true }).check();
      await add.tap();
      await sheet.getByRole('status').filter({ hasText: `Choose a colour for ${both.name}.` }).waitFor();
      // The missing group takes focus, and its radios are named in words with a visible swatch.
      const colours = sheet.getByRole('group', { name: `Colour for ${both.name}` });
      expect(await colours.getByRole('radio').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(both.attributes.colorOptions!.map((c) => c.name));
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(both.attributes.colorOptions![0]!.name);
      await page.keyboard.press('ArrowRight');
      expect(await colours.getByRole('radio', { name: colour.name, exact: true }).isChecked()).toBe(true);
      const swatch = await colours.locator('label', { hasText: colour.name }).locator('.swatch').evaluate((e) => getComputedStyle(e).backgroundColor);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.hex.slice(i, i + 2), 16));
      expect(swatch).toBe(`rgb(${r}, ${g}, ${b})`);
      await page.screenshot({ path: join(shots, 'buy-size-colour-sheet.png') });
      await add.tap();
      await page.getByRole('status').filter({ hasText: `Added ${both.name}, size ${size}, ${colour.name}` }).waitFor();

      await page.getByRole('button', { name: 'Cart, 1 item' }).tap();
      const line = page.getByRole('dialog', { name: 'Your cart' }).getByRole('listitem', { name: both.name });
      await line.getByText(`Size ${size} · ${colour.name}`).waitFor();
      await page.screenshot({ path: join(shots, 'buy-cart-colour.png') });
      const cart = (await page.evaluate(() => fetch('/api/cart').then((r) => r.json()))) as Cart;
      expect(cart.lines.map((l) => [l.productId, l.variant, l.size, l.color?.name])).toEqual([[both.id, `${size} / ${colour.name}`, size, colour.name]]);

      await page.goto(`${server.url}/checkout`);
      await page.locator('.summary-line', { hasText: both.name }).filter({ hasText: `(size ${size}, ${colour.name})` }).waitFor();
    });
    expect(pageErrors).toEqual([]);
  });

  it('on the product page a colour-only product shows its colours as named swatches and adds the one picked', async () => {
    const tote = (await products()).find((p) => !(p.attributes.sizes?.length) && (p.attributes.colorOptions?.length ?? 0) > 1 && p.stock > 0)!;
    expect(tote, 'the demo catalog has a product in colours only').toBeDefined();
    const colour = tote.attributes.colorOptions!.at(-1)!;
    await withShopper(async (ctx) => {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${server.url}/p/${tote.id}`);
      await page.getByRole('heading', { level: 1, name: tote.name }).waitFor();
      const group = page.getByRole('group', { name: `Colour for ${tote.name}` });
      expect(await group.getByRole('radio').count()).toBe(tote.attributes.colorOptions!.length);
      // The palette line gives way to the choice: colours are said once.
      expect(await page.locator('.palette').count()).toBe(0);
      await group.getByRole('radio', { name: colour.name, exact: true }).check();
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByRole('status').filter({ hasText: `Added ${tote.name}, ${colour.name}` }).waitFor();
      await page.screenshot({ path: join(shots, 'buy-product-page-colour.png') });
      const cart = (await page.evaluate(() => fetch('/api/cart').then((r) => r.json()))) as Cart;
      expect(cart.lines.map((l) => [l.variant, l.size, l.color])).toEqual([[colour.name, '', colour]]);
    });
    expect(pageErrors).toEqual([]);
  });
});
