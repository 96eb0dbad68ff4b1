/**
 * Colour on a live card: a pushed card carries the product's colour options; a viewer's socket
 * cart add (plain and at a flash deal) is checked by the shop's one size-and-colour rule; and in
 * Chromium on a phone a viewer picks size and colour in the card's sheet and finds both in the cart.
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
const NAVY = { name: 'Navy', hex: '#2d3a4f' };
const RUST = { name: 'Rust', hex: '#b5473a' };
let srv: TestServer;
let browser: Browser;
const clients: LiveClient[] = [];

beforeAll(async () => {
  srv = await startLiveServer({ config: { clientDir } });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await srv?.close();
});

async function liveWith(productAttrs: Record<string, unknown>, name: string) {
  const product = await createProduct(srv.url, srv.merchantToken, { name, category: 'apparel', stock: 10, attributes: productAttrs });
  const s = await createSession(srv.url, srv.merchantToken, `${name} live`);
  const host = await LiveClient.open(srv.url);
  clients.push(host);
  await host.ok('session:join', { v: 1, sessionId: s.session.id, name: 'Host', hostKey: s.hostKey });
  return { product, session: s, host };
}

describe('colours on a live card', () => {
  it('a socket add names size and colour, is refused with the shop’s words when the colour is missing or unknown, and works at a deal', async () => {
    const { product, session, host } = await liveWith({ sizes: ['S', 'M'], colorOptions: [NAVY, RUST] }, 'Live Knit');
    const viewer = await LiveClient.open(srv.url);
    clients.push(viewer);
    await viewer.ok('session:join', { v: 1, sessionId: session.session.id, name: 'Ana' });
    await host.ok('product:push', { productId: product });
    await viewer.until(() => viewer.events.some((e) => e.type === 'product:pushed'), 3000, 'push');
    const pushed = viewer.events.find((e) => e.type === 'product:pushed');
    expect(pushed?.type === 'product:pushed' && pushed.product.colorOptions).toEqual([NAVY, RUST]);

    expect(await viewer.emit('cart:add', { productId: product, variant: 'M' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Invalid payload: variant: Choose a colour for Live Knit: Navy, Rust.' },
    });
    expect(await viewer.emit('cart:add', { productId: product, variant: 'M / Teal' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('does not come in Teal') } });
    const added = await viewer.ok('cart:add', { productId: product, variant: 'M / rust' });
    expect(added.cart.lines.map((l) => [l.variant, l.size, l.color])).toEqual([['M / Rust', 'M', RUST]]);

    // At a flash deal the same rule runs before any unit is reserved.
    const deal = await host.ok('deal:start', { productId: product, priceMinor: 500, durationSeconds: 60, quantity: 3, perViewer: 2 });
    expect(await viewer.emit('cart:add', { productId: product, variant: 'S', dealId: deal.deal.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('Choose a colour') } });
    const grabbed = await viewer.ok('cart:add', { productId: product, variant: 'S / Navy', dealId: deal.deal.id });
    expect(grabbed.deal?.remaining).toBe(2);
    const cart = (await viewer.shopper.get('/api/cart')).body as Cart;
    expect(cart.lines.map((l) => [l.variant, l.quantity, l.unitPrice.amount])).toEqual([
      ['M / Rust', 1, 10_000],
      ['S / Navy', 1, 500],
    ]);
  });

  it('a viewer in Chromium picks size and colour in the card’s sheet and the cart shows both', async () => {
    const { product, session, host } = await liveWith({ sizes: ['S', 'M', 'L'], colorOptions: [NAVY, RUST] }, 'Live Hoodie');
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    try {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${srv.url}/live/${session.session.id}`);
      await page.getByLabel('Display name').fill('Bo');
      await page.getByRole('button', { name: 'Join the live' }).click();
      await host.ok('product:push', { productId: product });

      const card = page.locator(`.live-stream article[data-product="${product}"]`);
      await card.getByRole('button', { name: 'Add Live Hoodie to cart' }).tap();
      const sheet = page.getByRole('dialog', { name: 'Choose a size and colour: Live Hoodie' });
      await sheet.getByRole('radio', { name: 'L', exact: true }).check();
      await sheet.getByRole('button', { name: 'Add to cart' }).tap();
      await sheet.getByRole('status').filter({ hasText: 'Choose a colour for Live Hoodie.' }).waitFor();
      await sheet.getByRole('group', { name: 'Colour for Live Hoodie' }).getByRole('radio', { name: 'Rust', exact: true }).check();
      await sheet.getByRole('button', { name: 'Add to cart' }).tap();
      await page.getByRole('status').filter({ hasText: 'Added Live Hoodie' }).waitFor({ timeout: 10_000 });
      expect(await sheet.count()).toBe(0);
      const cart = (await page.evaluate(() => fetch('/api/cart').then((r) => r.json()))) as Cart;
      expect(cart.lines.map((l) => [l.productId, l.variant])).toEqual([[product, 'L / Rust']]);
      await page.screenshot({ path: join(root, 'test', 'artifacts', 'screenshots', 'live-card-colours.png') });
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
