/**
 * The Discover page in a real Chromium (phone-sized, wasm backend in the worker) against the built
 * client and a real server whose catalog was indexed from real photo crops: a shopper drops the
 * street photo, taps the eyewear, finds the sunglasses and adds them to the cart. A file that is
 * not an image gets a clear message and the page keeps working.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../server/discovery/eval/fixtures.js';
import { indexCatalog } from '../../server/discovery/indexer.js';
import { discoveryFeature } from '../../server/discovery/routes.js';
import { launchChromium } from '../support/chromium.js';
import { discoverReady } from '../support/discover.js';
import { Shopper } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shots = join(root, 'test', 'artifacts', 'screenshots');
const street = join(FIXTURES, 'fashion', 'street-blazer-sunglasses.jpg');
const tmp = mkdtempSync(join(tmpdir(), 'discover-page-'));

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let sunglassesId = '';
const pageErrors: string[] = [];

async function addProduct(merchant: Shopper, name: string, category: string, photo: Buffer): Promise<string> {
  const created = await merchant.post('/api/products', { name, category, price: { amount: 8900, currency: 'EUR' }, stock: 4 });
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  await merchant.post(`/api/products/${created.body.id}/photos`, form);
  return created.body.id;
}

const crop = (path: string, [left, top, width, height]: number[]) => sharp(path).extract({ left: left!, top: top!, width: width!, height: height! }).jpeg().toBuffer();

async function openDiscover(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/discover`);
  await page.getByText('Your photo never leaves this phone.').waitFor();
  await discoverReady(page);
  return page;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startTestServer({ features: [discoveryFeature], config: { clientDir: join(root, 'dist', 'client'), modelsDir: join(root, 'models', 'files') } });
  const merchant = new Shopper(server.url, server.merchantToken);
  const home = join(FIXTURES, 'home-goods', 'images');
  sunglassesId = await addProduct(merchant, 'Aviator sunglasses', 'sunglasses', await crop(street, [300, 125, 150, 75]));
  await addProduct(merchant, 'Round tortoise sunglasses', 'sunglasses', await crop(join(home, '2007_000999.jpg'), [330, 91, 73, 70]));
  await addProduct(merchant, 'Dark denim jeans', 'apparel', await crop(street, [235, 680, 275, 344]));
  await addProduct(merchant, 'Dining chair', 'home', await crop(join(home, '2007_001416.jpg'), [260, 116, 94, 155]));
  await indexCatalog(server.db.kysely, server.config.dataDir);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('Discover page', () => {
  it('a shopper finds the sunglasses in a street photo and adds them to the cart', async () => {
    const page = await openDiscover();
    await page.getByTestId('discover-file').setInputFiles(street);
    const items = page.getByRole('group', { name: 'Items found in the photo' });
    await items.waitFor({ timeout: 120_000 });
    await items.getByRole('button', { name: 'eyewear' }).first().click();
    const matches = page.getByRole('list', { name: 'Products like the eyewear' });
    const first = matches.getByRole('listitem').first();
    await first.getByText('Aviator sunglasses').waitFor({ timeout: 30_000 });
    await expect(first.getByText(/\d+% similar/).textContent()).resolves.toMatch(/^\d+% similar$/);
    await expect(first.getByRole('link', { name: 'Try on' }).getAttribute('href')).resolves.toBe(`/try-on/${sunglassesId}`);
    await page.screenshot({ path: join(shots, 'discover-street.png') });
    await first.getByRole('button', { name: 'Add Aviator sunglasses to cart' }).click();
    await page.getByText('Added Aviator sunglasses').waitFor();
    const cart = await page.evaluate(() => fetch('/api/cart').then((r) => r.json()));
    expect(cart.lines.map((l: { productId: string }) => l.productId)).toEqual([sunglassesId]);
    // The photo never left the device: no request carried image bytes to the server.
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('says clearly that a text file is not an image, and still analyses the next photo', async () => {
    const page = await openDiscover();
    let uploads = 0;
    page.on('request', (r) => {
      if (r.method() !== 'GET' && (r.postDataBuffer()?.length ?? 0) > 10_000) uploads += 1;
    });
    const notes = join(tmp, 'notes.txt');
    writeFileSync(notes, 'not a photo at all');
    await page.getByTestId('discover-file').setInputFiles(notes);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/notes\.txt is not an image/);
    const empty = join(tmp, 'empty.jpg');
    writeFileSync(empty, '');
    await page.getByTestId('discover-file').setInputFiles(empty);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/empty/);
    await page.getByTestId('discover-file').setInputFiles(street);
    await page.getByRole('group', { name: 'Items found in the photo' }).waitFor({ timeout: 120_000 });
    expect(uploads).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('a merchant who adds a product photo gets it indexed for Discover by the browser, without any command', async () => {
    const merchant = new Shopper(server.url, server.merchantToken);
    const created = await merchant.post('/api/products', { name: 'Walnut side chair', category: 'home', price: { amount: 12900, currency: 'EUR' }, stock: 2 });
    const photo = join(tmp, 'chair.jpg');
    writeFileSync(photo, await crop(join(FIXTURES, 'home-goods', 'images', '2007_000464.jpg'), [364, 77, 74, 75]));
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/merchant#token=${server.merchantToken}`);
    await page.getByRole('tab', { name: /catalog/i }).click();
    await page.getByRole('button', { name: 'Edit Walnut side chair' }).click();
    await page.getByLabel('Add a photo').setInputFiles(photo);
    await page.getByRole('button', { name: 'Upload photo' }).click();
    const deadline = Date.now() + 120_000;
    let ids: string[] = [];
    while (Date.now() < deadline && !ids.includes(created.body.id)) {
      await new Promise((r) => setTimeout(r, 1000));
      ids = (await new Shopper(server.url).get('/api/discovery/index')).body.ids;
    }
    expect(ids).toContain(created.body.id);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
