/**
 * The installable app in a real Chromium (phone-sized) against the built client and a real server:
 * the service worker installs and controls the page, a photo shared to the manifest's share target
 * ends on Discover analysed on the device while the server receives nothing, the shell opens
 * offline, and without a service worker the server's answer to the share keeps nothing.
 */
import type { IncomingMessage } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_PHOTO_CACHE } from '../../client/pwa/shareTarget.js';
import { FIXTURES } from '../../server/discovery/eval/fixtures.js';
import { discoveryFeature } from '../../server/discovery/routes.js';
import { launchChromium } from '../support/chromium.js';
import { startTestServer, type TestServer } from '../support/server.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shots = join(root, 'test', 'artifacts', 'screenshots');
const street = join(FIXTURES, 'fashion', 'street-blazer-sunglasses.jpg');
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

interface Seen {
  method: string;
  path: string;
  /** Bytes announced for the request body (content-length), or -1 when sent chunked. */
  bodyBytes: number;
}

let server: TestServer;
let browser: Browser;
let installed: BrowserContext;
let page: Page;
let seen: Seen[] = [];
const pageErrors: string[] = [];

interface ShareTarget {
  action: string;
  method: string;
  enctype: string;
  params: { files: { name: string; accept: string[] }[] };
}

/** Shares a photo the way a phone does: a multipart POST navigation to the manifest's share_target. */
async function sharePhoto(p: Page, target: ShareTarget, photo: Buffer): Promise<void> {
  await p.evaluate(
    ({ action, method, enctype, field, b64 }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const form = document.createElement('form');
      form.action = action;
      form.method = method;
      form.enctype = enctype;
      const title = Object.assign(document.createElement('input'), { name: 'title', value: 'Street style' });
      const input = Object.assign(document.createElement('input'), { type: 'file', name: field });
      const files = new DataTransfer();
      files.items.add(new File([bytes], 'street.jpg', { type: 'image/jpeg' }));
      input.files = files.files;
      form.append(title, input);
      document.body.append(form);
      form.submit();
    },
    { action: target.action, method: target.method, enctype: target.enctype, field: target.params.files[0]!.name, b64: photo.toString('base64') },
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

beforeAll(async () => {
  server = await startTestServer({ features: [discoveryFeature], config: { clientDir: join(root, 'dist', 'client'), modelsDir: join(root, 'models', 'files') } });
  // Every request the server receives, before Fastify sees it (the body itself is left to Fastify).
  server.app.http.server.on('request', (req: IncomingMessage) => {
    const length = req.headers['content-length'];
    seen.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, bodyBytes: length ? Number(length) : req.headers['transfer-encoding'] ? -1 : 0 });
  });
  browser = await launchChromium();
  installed = await browser.newContext(phone);
  // Note the document's state when the app registers its service worker (it must wait for "load").
  await installed.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
      (window as unknown as { swRegisteredWhen: string }).swRegisteredWhen = document.readyState;
      return register.apply(this, args);
    };
  });
  page = await installed.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 180_000);

afterAll(async () => {
  await installed?.close();
  await browser?.close();
  await server?.close();
});

describe('installable app (PWA) and share target', () => {
  it('the service worker installs after the page loads, controls it and precaches the shell but not the models or the API', async () => {
    await page.goto(`${server.url}/`);
    const sw = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
      const cached: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) cached.push(new URL(req.url).pathname);
      return { script: navigator.serviceWorker.controller!.scriptURL, cached, when: (window as unknown as { swRegisteredWhen?: string }).swRegisteredWhen };
    });
    expect(new URL(sw.script).pathname).toBe('/sw.js');
    expect(sw.when).toBe('complete');
    expect(sw.cached).toContain('/index.html');
    expect(sw.cached.filter((p) => p.startsWith('/assets/') && p.endsWith('.js')).length).toBeGreaterThan(5);
    expect(sw.cached.filter((p) => /^\/(api|media|models|socket\.io)\//.test(p))).toEqual([]);
    // The vision worker (about 2 MB) is fetched by Discover when it opens, not at install.
    expect(sw.cached.filter((p) => p.includes('.worker-'))).toEqual([]);
  }, 60_000);

  it('a photo shared from another app opens Discover and is analysed on the phone, and the server never receives it', async () => {
    const manifest = await page.evaluate(() => fetch('/manifest.webmanifest').then((r) => r.json()));
    const target = manifest.share_target as ShareTarget;
    const photo = readFileSync(street);
    expect(photo.length).toBeGreaterThan(50_000); // big enough that any upload would show below
    seen = [];
    await sharePhoto(page, target, photo);
    await page.waitForURL(/\/discover(\?|$)/);
    expect(seen.filter((r) => r.path === target.action)).toEqual([]); // answered on the device
    // The result view (not the "being analysed" one) shows the very photo that was shared.
    const result = page.getByRole('img', { name: 'Your photo', exact: true });
    await result.waitFor({ timeout: 180_000 });
    const size = await result.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    const meta = await sharp(photo).metadata();
    expect(size).toEqual([meta.width, meta.height]);
    // What the detector finds in it is the vision tests' business; here the analysis has answered.
    await page.getByRole('group', { name: 'Items found in the photo' }).or(page.getByText('No products found in this photo')).first().waitFor();
    await page.screenshot({ path: join(shots, 'pwa-shared-photo.png') });

    expect(seen.filter((r) => r.path === target.action)).toEqual([]);
    expect(seen.filter((r) => r.bodyBytes !== 0)).toEqual([]);
    // Picked up once: the device's copy is gone and the address no longer asks for it.
    const after = await page.evaluate(async (name) => ({ search: location.search, kept: (await (await caches.open(name)).keys()).length }), SHARED_PHOTO_CACHE);
    expect(after).toEqual({ search: '', kept: 0 });
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('the app shell opens offline from the service worker, while the API is never answered from its cache', async () => {
    await installed.setOffline(true);
    try {
      seen = [];
      await page.goto(`${server.url}/orders`);
      await page.getByRole('link', { name: 'Discover' }).first().waitFor({ timeout: 15_000 });
      await page.goto(`${server.url}/discover`);
      await page.getByRole('heading', { name: 'Discover', exact: true, level: 1 }).waitFor({ timeout: 15_000 });
      const api = await page.evaluate(() =>
        fetch('/api/health').then(
          (r) => `answered ${r.status}`,
          () => 'network error',
        ),
      );
      expect(api).toBe('network error');
      expect(seen).toEqual([]);
    } finally {
      await installed.setOffline(false);
    }
  }, 60_000);

  it('without a service worker the share reaches the server, which stores nothing and sends the shopper to Discover with the reason', async () => {
    const plain = await browser.newContext({ ...phone, serviceWorkers: 'block' });
    try {
      const p = await plain.newPage();
      p.on('pageerror', (e) => pageErrors.push(e.message));
      await p.goto(`${server.url}/`);
      const target = (await p.evaluate(() => fetch('/manifest.webmanifest').then((r) => r.json()))).share_target as ShareTarget;
      const before = filesUnder(server.config.dataDir);
      seen = [];
      await sharePhoto(p, target, readFileSync(street));
      await p.waitForURL(/\/discover(\?|$)/);
      await expect(p.getByRole('alert').textContent({ timeout: 30_000 })).resolves.toMatch(/installed.*not kept/);
      expect(seen.filter((r) => r.path === target.action).map((r) => r.method)).toEqual(['POST']);
      expect(filesUnder(server.config.dataDir)).toEqual(before);
      expect(await p.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      expect(pageErrors).toEqual([]);
    } finally {
      await plain.close();
    }
  }, 120_000);
});
