/**
 * The live card uses the shop's one add-to-cart control: a viewer in Chromium on a phone picks the
 * size of a pushed jacket in the sheet and it reaches their cart over the session's socket with that
 * size; a pushed product that is sold out shows a disabled "Sold out" with its reason.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cart } from '../../server/protocol/api.js';
import { launchChromium } from '../support/chromium.js';
import type { TestServer } from '../support/server.js';
import { createProduct, createSession, LiveClient, startLiveServer } from './helpers.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const clientDir = process.env.LIVE_CLIENT_DIR ?? join(root, 'dist', 'client');
let srv: TestServer;
let browser: Browser;
let host: LiveClient;

beforeAll(async () => {
  srv = await startLiveServer({ config: { clientDir } });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  host?.close();
  await browser?.close();
  await srv?.close();
});

describe('sizes on a live card', () => {
  it('a viewer picks a size in the sheet and the socket adds that size to their cart; a sold-out card says so', async () => {
    const jacket = await createProduct(srv.url, srv.merchantToken, { name: 'Live Jacket', category: 'apparel', stock: 5, attributes: { sizes: ['S', 'M', 'L'] } });
    const gone = await createProduct(srv.url, srv.merchantToken, { name: 'Gone Cap', category: 'hats', stock: 0 });
    const s = await createSession(srv.url, srv.merchantToken, 'Jackets');
    host = await LiveClient.open(srv.url);
    await host.ok('session:join', { v: 1, sessionId: s.session.id, name: 'Host', hostKey: s.hostKey });

    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    try {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${srv.url}/live/${s.session.id}`);
      await page.getByLabel('Display name').fill('Ana');
      await page.getByRole('button', { name: 'Join the live' }).click();
      await host.ok('product:push', { productId: jacket });
      await host.ok('product:push', { productId: gone });

      const card = page.locator(`.live-stream article[data-product="${jacket}"]`);
      await card.getByRole('button', { name: 'Add Live Jacket to cart' }).tap();
      const sheet = page.getByRole('dialog', { name: 'Choose a size: Live Jacket' });
      await sheet.getByRole('radio', { name: 'L', exact: true }).check();
      await sheet.getByRole('button', { name: 'Add to cart' }).tap();
      await page.getByRole('status').filter({ hasText: 'Added Live Jacket' }).waitFor({ timeout: 10_000 });
      expect(await sheet.count()).toBe(0);
      const cart = (await page.evaluate(() => fetch('/api/cart').then((r) => r.json()))) as Cart;
      expect(cart.lines.map((l) => [l.productId, l.variant])).toEqual([[jacket, 'L']]);

      const soldOut = page.locator(`.live-stream article[data-product="${gone}"]`).getByRole('button', { name: 'Gone Cap: sold out' });
      await soldOut.waitFor();
      expect(await soldOut.isDisabled()).toBe(true);
      expect(await soldOut.textContent()).toBe('Sold out');
      expect(await page.locator(`.live-stream article[data-product="${gone}"] .buy-note`).textContent()).toBe('None left to add.');
      await page.screenshot({ path: join(root, 'test', 'artifacts', 'screenshots', 'live-card-sizes.png') });
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
