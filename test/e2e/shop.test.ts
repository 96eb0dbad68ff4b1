/**
 * The shop in a real Chromium on a phone-sized screen against the built client and a real server:
 * a shopper searches, adds two products, is declined once, pays, sees the order; the merchant
 * console, opened with the token link, lists that order.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product, ProductPage } from '../../server/protocol/api.js';
import { formatMoney } from '../../server/protocol/money.js';
import { launchChromium } from '../support/chromium.js';
import { features } from '../../server/features.js';
import { startTestServer, type TestServer } from '../support/server.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shots = join(root, 'test', 'artifacts', 'screenshots');
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), animations: 'disabled' });
}

/** Two products a shopper can add straight from the grid (in stock, no size to pick), read from the API. */
async function pickTwoProducts(): Promise<[Product, Product]> {
  const res = await fetch(`${server.url}/api/products?limit=100&inStock=true`);
  const page = (await res.json()) as ProductPage;
  const simple = page.items.filter((p) => p.stock >= 2 && !(p.attributes.sizes?.length) && !p.attributes.colorOptions);
  expect(simple.length, 'the seeded catalog has two products without sizes').toBeGreaterThanOrEqual(2);
  return [simple[0]!, simple[1]!];
}

describe('shopping on a phone', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // The whole product, as npm start mounts it: the merchant form also talks to the try-on routes.
    server = await startTestServer({ seed: true, config: { clientDir: join(root, 'dist', 'client') }, features: features() });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('a shopper finds two products, survives a declined card, pays and sees the order; the merchant console lists it and marks it shipped', async () => {
    const [first, second] = await pickTwoProducts();
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // The grid, then a text search for the first product from the header.
    await page.goto(server.url + '/');
    const grid = page.getByRole('list', { name: 'Products' });
    await grid.waitFor();
    await shot(page, '01-shop');

    // Paging: 12 at a time, "Load more" adds the next 12 (as many as the catalog has).
    const all = (await (await fetch(`${server.url}/api/products?limit=1`)).json()) as ProductPage;
    expect(await grid.getByRole('article').count()).toBe(Math.min(all.total, 12));
    if (all.total > 12) {
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Products"] article').length === n, Math.min(all.total, 24));
    }

    // A category chip filters the grid and is written into the address bar.
    const inCategory = (await (await fetch(`${server.url}/api/products?limit=1&category=${first.category}`)).json()) as ProductPage;
    await page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: new RegExp(`^${first.category}$`, 'i') }).click();
    await page.waitForURL((u) => u.searchParams.get('category') === first.category);
    await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Products"] article').length === n, Math.min(inCategory.total, 12));
    await page.getByRole('searchbox', { name: 'Search products' }).fill(first.name);
    await page.getByRole('searchbox', { name: 'Search products' }).press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === first.name);
    const firstCard = page.getByRole('article', { name: first.name });
    await firstCard.waitFor();

    // Product page: price formatted by the protocol's formatMoney, stock, share + QR.
    await firstCard.getByRole('link', { name: first.name }).click();
    await page.getByRole('heading', { level: 1, name: first.name }).waitFor();
    expect(await page.locator('.price-lg').textContent()).toBe(formatMoney(first.price));
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('img', { name: /^QR code for http/ }).waitFor();
    await shot(page, '02-product');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('status').filter({ hasText: `Added ${first.name}` }).waitFor();

    // The second product straight from the search results.
    await page.getByRole('searchbox', { name: 'Search products' }).fill(second.name);
    await page.getByRole('searchbox', { name: 'Search products' }).press('Enter');
    await page.getByRole('article', { name: second.name }).getByRole('button', { name: `Add ${second.name} to cart` }).click();
    await page.getByRole('status').filter({ hasText: `Added ${second.name}` }).waitFor();
    await page.getByRole('button', { name: 'Cart, 2 items' }).waitFor();

    // The cart drawer: two lines, server total.
    await page.getByRole('button', { name: 'Cart, 2 items' }).click();
    const drawer = page.getByRole('dialog', { name: 'Your cart' });
    await drawer.getByRole('listitem', { name: first.name }).waitFor();
    await drawer.getByRole('listitem', { name: second.name }).waitFor();
    const total = formatMoney({ amount: first.price.amount + second.price.amount, currency: first.price.currency });
    expect(await drawer.locator('.totals-row.total').textContent()).toContain(total);
    await shot(page, '03-cart');
    await drawer.getByRole('link', { name: 'Checkout' }).click();

    // Checkout: a declined card leaves the cart as it was.
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    await page.getByRole('radio', { name: /Test card \(declined\)/ }).check();
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.getByRole('alert').filter({ hasText: 'Your payment was declined' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'declined' }).textContent()).toContain('cart is unchanged');
    await page.getByRole('button', { name: 'Cart, 2 items' }).waitFor();
    await shot(page, '04-checkout-declined');

    // Then the paying card: confirmation page with both lines.
    await page.getByRole('radio', { name: /Test card \(pays\)/ }).check();
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
    const orderId = new URL(page.url()).pathname.split('/').pop()!;
    const ref = orderId.slice(-8).toUpperCase();
    await page.getByRole('link', { name: first.name }).waitFor();
    await page.getByRole('link', { name: second.name }).waitFor();
    await page.getByRole('button', { name: 'Cart, 0 items' }).waitFor();
    await shot(page, '05-order-confirmation');

    // My orders: the paid one and the declined one.
    await page.getByRole('navigation', { name: 'Quick actions' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
    const orderLinks = page.getByRole('list').getByRole('link');
    await orderLinks.first().waitFor();
    expect(await orderLinks.count()).toBe(2);
    expect(await page.getByText('Paid', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Payment failed', { exact: true }).count()).toBe(1);
    await shot(page, '06-my-orders');

    // The merchant opens the console from a token link: the token leaves the address bar, the order is listed.
    const merchant = await context.newPage();
    merchant.on('pageerror', (e) => pageErrors.push(e.message));
    await merchant.goto(`${server.url}/merchant#token=${server.merchantToken}`);
    await merchant.getByRole('heading', { level: 1, name: 'Merchant console' }).waitFor();
    expect(new URL(merchant.url()).hash).toBe('');
    const order = merchant.getByRole('listitem', { name: `Order ${ref}` });
    await order.waitFor();
    expect(await order.textContent()).toContain(first.name);
    expect(await order.getByRole('button', { name: 'Mark shipped' }).isEnabled()).toBe(true);
    await shot(merchant, '07-merchant-orders');
    await order.getByRole('button', { name: 'Mark shipped' }).click();
    await order.getByText('Shipped', { exact: true }).waitFor();
    expect(await order.getByRole('button', { name: 'Mark shipped' }).count()).toBe(0);
    await merchant.getByRole('tab', { name: 'Catalog' }).click();
    await merchant.getByRole('listitem', { name: first.name }).waitFor();
    await shot(merchant, '08-merchant-catalog');

    expect(pageErrors).toEqual([]);
  });

  it('a merchant sees the server’s field error, fixes it, creates sunglasses with a photo, and shoppers find them', async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const name = `Test Round Shades ${Date.now() % 100000}`;
    await page.goto(`${server.url}/merchant#token=${server.merchantToken}`);
    await page.getByRole('tab', { name: 'Catalog' }).click();
    await page.getByRole('button', { name: 'New product' }).click();
    const form = page.getByRole('form', { name: 'Product' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Category').selectOption('sunglasses');
    await form.getByLabel('Price (EUR)').fill('89.50');
    await form.getByLabel('Stock').fill('4');
    await form.getByLabel('Frame width (mm)').fill('90');
    await form.getByLabel('Frame shape').selectOption('round');
    await form.getByRole('button', { name: 'Create product' }).click();

    // The server refuses 90 mm (100-180); its issue lands on that field.
    const width = form.getByLabel('Frame width (mm)');
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await width.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').first().textContent()).toMatch(/100/);
    await shot(page, '09-merchant-field-error');
    await width.fill('138');
    await form.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { name: `Edit ${name}` }).waitFor();

    // Photo: preview before sending, then stored and listed.
    await page.getByLabel('Add a photo').setInputFiles(join(root, '..', 'shared', 'fixtures', 'fashion', 'street-blazer-sunglasses.jpg'));
    await page.getByRole('img', { name: 'Preview of the photo to upload' }).waitFor();
    await page.getByRole('button', { name: 'Upload photo' }).click();
    await page.getByRole('status').filter({ hasText: 'Photo added' }).waitFor();
    expect(await page.getByRole('button', { name: 'Remove' }).count()).toBe(1);
    await shot(page, '10-merchant-product-form');

    // A file that is not an image is refused before upload with a clear reason.
    await page.getByLabel('Add a photo').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByRole('alert').filter({ hasText: 'notes.txt is not a JPEG' }).waitFor();

    // Tryable products get the try-on model control; a file that is not glTF is refused with the reason.
    await page.getByTestId('model-upload').waitFor();
    await page.getByTestId('model-input').setInputFiles({ name: 'frames.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from('not a model at all') });
    expect(await page.getByTestId('model-error').textContent()).toContain('not a glTF model');

    await page.goto(`${server.url}/?q=${encodeURIComponent(name)}`);
    const card = page.getByRole('article', { name });
    await card.waitFor();
    const src = await card.locator('img').getAttribute('src');
    expect(src).toMatch(/^\/media\/ph_[0-9a-f]+-thumb\.webp$/);
    expect((await fetch(server.url + src!)).headers.get('content-type')).toBe('image/webp');
    expect(await card.textContent()).toContain('€89.50');
    expect(await card.textContent()).toContain('Only 4 left');
    expect(pageErrors).toEqual([]);
  });

  it('a Pay whose answer is lost to the network is retried with the same key and places exactly one order', async () => {
    const [, product] = await pickTwoProducts();
    const shopper = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      const page = await shopper.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      // The first checkout reaches the server (which places and pays the order), but its answer never arrives.
      const keys: string[] = [];
      await page.route('**/api/checkout', async (route) => {
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (keys.length === 1) {
          await route.fetch();
          await route.abort('internetdisconnected');
        } else await route.continue();
      });
      await page.goto(`${server.url}/p/${product.id}`);
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByRole('button', { name: 'Cart, 1 item' }).waitFor();
      await page.goto(`${server.url}/checkout`);
      await page.getByRole('button', { name: /^Pay/ }).click();
      await page.getByRole('alert').filter({ hasText: 'We could not reach the shop' }).waitFor();
      await page.getByRole('button', { name: /^Pay/ }).click();
      await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();

      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      const orders = await page.evaluate(() => fetch('/api/orders').then((r) => r.json() as Promise<{ items: { status: string }[] }>));
      expect(orders.items.map((o) => o.status)).toEqual(['paid']);
      expect(pageErrors).toEqual([]);
    } finally {
      await shopper.close();
    }
  });

  it('a shopper whose product sold out meanwhile is told which line and how many are left', async () => {
    const [product] = await pickTwoProducts();
    const shopper = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      const page = await shopper.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${server.url}/p/${product.id}`);
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByRole('button', { name: 'Cart, 1 item' }).waitFor();

      // Someone else buys the rest: the merchant sets stock to 0.
      const res = await fetch(`${server.url}/api/products/${product.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${server.merchantToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ stock: 0 }),
      });
      expect(res.status).toBe(200);

      await page.goto(`${server.url}/checkout`);
      await page.getByRole('button', { name: /^Pay/ }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'no longer available' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(`${product.name}: you asked for 1, none are left.`);
      await shot(page, '11-checkout-out-of-stock');
      expect(pageErrors).toEqual([]);
    } finally {
      await shopper.close();
    }
  });
});
