/**
 * The whole live flow in Chromium: a host page with a fake camera and two viewer pages. The host
 * pushes a product; both viewers see the card and the video (WebRTC over loopback only); one adds
 * it to the cart and checks out; the host's figures show the add and the order.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { Shopper } from '../support/http.js';
import type { TestServer } from '../support/server.js';
import { createProduct, createSession, startLiveServer } from './helpers.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const clientDir = process.env.LIVE_CLIENT_DIR ?? join(root, 'dist', 'client');
let srv: TestServer;
let browser: Browser;
let tmp: string;
const errors: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'shopsee-live-e2e-'));
  const y4m = join(tmp, 'camera.y4m');
  // A moving test pattern as the host's camera (ffmpeg is installed on these machines and in CI).
  const ff = spawnSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=640x480:rate=15', '-t', '3', '-pix_fmt', 'yuv420p', y4m]);
  if (ff.status !== 0) throw new Error(`ffmpeg failed: ${ff.stderr}`);
  srv = await startLiveServer({ config: { clientDir } });
  browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${y4m}`,
    '--allow-loopback-in-peer-connection',
    // Real host addresses instead of mDNS names, so the loopback filter sees 127.0.0.1.
    '--disable-features=WebRtcHideLocalIpsWithMdns',
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await srv?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv.url + path);
  return page;
}

async function videoPlays(page: Page): Promise<{ width: number; advancing: boolean }> {
  await page.waitForFunction(() => {
    const v = document.querySelector('video[data-playing="yes"]') as HTMLVideoElement | null;
    return Boolean(v && v.videoWidth > 0 && v.currentTime > 0);
  }, undefined, { timeout: 30_000 });
  const t0 = await page.evaluate(() => (document.querySelector('video[data-playing="yes"]') as HTMLVideoElement).currentTime);
  await page.waitForTimeout(700);
  return page.evaluate((t) => {
    const v = document.querySelector('video[data-playing="yes"]') as HTMLVideoElement;
    return { width: v.videoWidth, advancing: v.currentTime > t };
  }, t0);
}

describe('a live session in real browsers', () => {
  it('host pushes a product; two viewers see it and the video; one buys; the host’s figures update', async () => {
    const photo = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#c8a24a' } }).png().toBuffer();
    const productId = await createProduct(srv.url, srv.merchantToken, { name: 'Aviator Live', category: 'sunglasses', stock: 7, price: { amount: 12_900, currency: 'EUR' } });
    const form = new FormData();
    form.append('photo', new Blob([photo], { type: 'image/png' }), 'p.png');
    expect((await new Shopper(srv.url, srv.merchantToken).post(`/api/products/${productId}/photos`, form)).status).toBe(201);
    const session = await createSession(srv.url, srv.merchantToken, 'Sunglasses drop');
    const id = session.session.id;

    const host = await open(`/live/${id}/host?ice=loopback#key=${session.hostKey}`);
    await host.getByRole('button', { name: 'Start camera' }).click();
    await host.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement | null)?.videoWidth === 640, undefined, { timeout: 20_000 });

    const viewers: Page[] = [];
    for (const name of ['Ana', 'Ben']) {
      const v = await open(`/live/${id}?ice=loopback`);
      await v.getByLabel('Display name').fill(name);
      await v.getByRole('button', { name: 'Join the live' }).click();
      viewers.push(v);
    }
    for (const v of viewers) {
      const video = await videoPlays(v);
      expect(video.width).toBe(640);
      expect(video.advancing).toBe(true);
    }
    await host.waitForFunction(() => document.querySelector('[data-viewers]')?.getAttribute('data-viewers') === '2', undefined, { timeout: 10_000 });

    // Push from the host's product search.
    await host.getByLabel('Search the catalog').fill('Aviator');
    await host.locator(`li[data-product="${productId}"]`).getByRole('button', { name: 'Push' }).click();
    for (const v of viewers) {
      const card = v.locator(`.live-stream article[data-product="${productId}"]`);
      await card.waitFor({ timeout: 10_000 });
      expect(await card.getByRole('heading').textContent()).toBe('Aviator Live');
      expect(await card.locator('img').getAttribute('src')).toMatch(/^\/media\/.+-thumb\.webp$/);
      expect(await card.textContent()).toContain('€129.00');
    }

    // Ana adds it to her cart from the card and checks out.
    const [ana, ben] = viewers as [Page, Page];
    await ana.locator(`.live-stream article[data-product="${productId}"]`).getByRole('button', { name: 'Add Aviator Live to cart' }).click();
    await ana.getByText('Added Aviator Live').waitFor({ timeout: 10_000 });
    await host.waitForFunction(() => document.querySelector('[data-figure="adds"] dd')?.textContent === '1', undefined, { timeout: 10_000 });
    await ana.goto(`${srv.url}/checkout`);
    await ana.getByRole('button', { name: /^Pay/ }).click();
    await ana.waitForURL(/\/orders\/ord_/, { timeout: 15_000 });
    await host.waitForFunction(() => document.querySelector('[data-figure="orders"] dd')?.textContent === '1', undefined, { timeout: 10_000 });
    expect(await host.locator('[data-figure="revenue"] dd').textContent()).toBe('€129.00');
    // Everyone sees the live stock drop from 7 to 6 after the purchase.
    await ben.waitForFunction((pid) => document.querySelector(`.live-stream article[data-product="${pid}"] [data-stock]`)?.getAttribute('data-stock') === '6', productId, { timeout: 10_000 });
    expect(errors).toEqual([]);
  });
});
