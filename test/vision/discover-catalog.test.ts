/**
 * Discover in Chromium (phone) against a real server with the demo catalog: the page says what
 * photo search is waiting for while the server indexes, picks up the index when it is ready, and
 * with a catalog past the device limit matches through the server, sending vectors, never the photo.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../server/discovery/eval/fixtures.js';
import { discoveryFeature } from '../../server/discovery/routes.js';
import { DEMO_PRODUCTS } from '../../server/seed/catalog.js';
import { launchChromium } from '../support/chromium.js';
import { discoverReady } from '../support/discover.js';
import { Shopper } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const street = join(FIXTURES, 'fashion', 'street-blazer-sunglasses.jpg');

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

async function openDiscover(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/discover`);
  await discoverReady(page);
  return page;
}

/** Drops the street photo and returns how many found items list at least one match. */
async function itemsWithMatches(page: Page): Promise<number> {
  await page.getByTestId('discover-file').setInputFiles(street);
  await page.getByRole('group', { name: 'Items found in the photo' }).waitFor({ timeout: 120_000 });
  return page.evaluate(() => document.querySelectorAll('[aria-label^="Products like"] li').length);
}

beforeAll(async () => {
  // Indexing off at start, so the test decides when the server indexes.
  server = await startTestServer({ seed: true, features: [discoveryFeature], config: { clientDir: join(root, 'dist', 'client'), modelsDir: join(root, 'models', 'files') } });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('Discover and the server-side catalog index', () => {
  it('says the catalog is being prepared, then matches the photo once the server has indexed it, without a reload', async () => {
    const page = await openDiscover();
    const status = page.getByTestId('catalog-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain(`0 of ${DEMO_PRODUCTS.length} products so far`);

    const merchant = new Shopper(server.url, server.merchantToken);
    expect((await merchant.post('/api/discovery/reindex', {})).status).toBe(202);
    await status.waitFor({ state: 'detached', timeout: 120_000 });
    expect(await itemsWithMatches(page)).toBeGreaterThan(0);
    await page.close();
  }, 300_000);

  it('past the device limit, sends each item vector to the server instead of downloading the index, and never the photo', async () => {
    server.config.deviceIndexMaxProducts = 10;
    const page = await openDiscover();
    const posts: Request[] = [];
    page.on('request', (r) => r.method() !== 'GET' && posts.push(r));
    const found = await itemsWithMatches(page);
    expect(found).toBeGreaterThan(0);
    const searches = posts.filter((r) => r.url().endsWith('/api/discovery/search'));
    expect(searches.length).toBeGreaterThan(0);
    for (const r of posts) {
      // Only vectors leave the phone: small JSON bodies, no image bytes.
      expect(r.url()).toContain('/api/discovery/search');
      const body = JSON.parse(r.postData() ?? '{}');
      expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['model', 'vector', 'k']));
      expect((r.postData() ?? '').length).toBeLessThan(20_000);
    }
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
