/**
 * The installable app as built (dist/client, which `npm test` prepares): the web app manifest's share
 * target and icons, the service worker's precache list, and the server's answer to a share that
 * reaches it without a service worker.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRECACHE_MAX_BYTES } from '../../client/pwa/manifest.js';
import { discoverUrl, SHARE_ACTION, SHARE_FILE_FIELD } from '../../client/pwa/shareTarget.js';
import { bundleReport } from '../../server/cli/bundle-report.js';
import { startTestServer, type TestServer } from '../support/server.js';

const dist = join(resolve(fileURLToPath(new URL('../..', import.meta.url))), 'dist', 'client');

interface WebManifest {
  name: string;
  start_url: string;
  scope: string;
  display: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
  share_target: { action: string; method: string; enctype: string; params: { files: { name: string; accept: string[] }[] } };
}

describe('web app manifest', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')) as WebManifest;

  it('index.html links the manifest and an apple touch icon that exists at 180 px', async () => {
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    const touch = html.match(/rel="apple-touch-icon" href="\/([^"]+)"/)?.[1];
    expect(touch).toBeDefined();
    const meta = await sharp(join(dist, touch!)).metadata();
    expect([meta.width, meta.height]).toEqual([180, 180]);
  });

  it('declares an installable standalone app that starts at the shop', () => {
    expect(manifest).toMatchObject({ name: 'Shopsee', start_url: '/', scope: '/', display: 'standalone' });
  });

  it('offers Shopsee as a place to share photos: a multipart POST to the action the service worker handles', () => {
    expect(manifest.share_target).toEqual({
      action: SHARE_ACTION,
      method: 'POST',
      enctype: 'multipart/form-data',
      params: expect.objectContaining({ files: [{ name: SHARE_FILE_FIELD, accept: expect.arrayContaining(['image/*']) }] }),
    });
    // The action is served by the app, under its scope, and is not an API route.
    expect(manifest.share_target.action.startsWith(manifest.scope)).toBe(true);
    expect(manifest.share_target.action.startsWith('/api/')).toBe(false);
  });

  it('lists 192 and 512 px icons and a maskable one, each a PNG of the stated size in the build', async () => {
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const meta = await sharp(join(dist, icon.src)).metadata();
      expect(`${meta.format} ${meta.width}x${meta.height}`).toBe(`png ${icon.sizes}`);
    }
  });
});

describe('service worker precache', () => {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);

  it('holds index.html and everything the shop needs to start, so the shell opens offline', () => {
    const report = bundleReport(dist);
    expect(urls).toContain('index.html');
    for (const file of [...report.entry.files, ...report.css.files]) expect(urls).toContain(file);
  });

  it('leaves out the API, photos, models, workers and every file over the size limit', () => {
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => /^(api|media|models|socket\.io)\//.test(u) || u.includes('.worker-') || u.endsWith('.map'))).toEqual([]);
    const sizes = urls.map((u) => statSync(join(dist, u)).size);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PRECACHE_MAX_BYTES);
    // The heavy chunks exist in the build and are fetched only by their page.
    const heavy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && statSync(join(dist, 'assets', f)).size > PRECACHE_MAX_BYTES);
    expect(heavy.length).toBeGreaterThan(0);
  });
});

describe('share target without a service worker', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { clientDir: dist } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()) : []);

  it('serves sw.js and the manifest uncached, so phones find a new build at once', async () => {
    const sw = await fetch(`${server.url}/sw.js`);
    const manifest = await fetch(`${server.url}/manifest.webmanifest`);
    expect([sw.status, sw.headers.get('content-type'), sw.headers.get('cache-control')]).toEqual([200, 'application/javascript; charset=utf-8', 'no-cache']);
    expect([manifest.status, manifest.headers.get('content-type'), manifest.headers.get('cache-control')]).toEqual([200, 'application/manifest+json', 'no-cache']);
  });

  it.each([
    ['a multipart photo', () => {
      const form = new FormData();
      form.append(SHARE_FILE_FIELD, new Blob([new Uint8Array(200_000).fill(7)], { type: 'image/jpeg' }), 'photo.jpg');
      return form;
    }],
    ['a raw JPEG body', () => new Blob([new Uint8Array(200_000).fill(7)], { type: 'image/jpeg' })],
    ['a form without a photo', () => new URLSearchParams({ title: 'look', url: 'https://example.invalid/post' })],
  ])('%s is answered with a redirect to Discover that says why, and nothing is stored', async (_name, body) => {
    const before = files(server.config.dataDir);
    const res = await fetch(`${server.url}${SHARE_ACTION}`, { method: 'POST', body: body(), redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(discoverUrl('unavailable'));
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(files(server.config.dataDir)).toEqual(before);
    // The server stays healthy for the next request on the same keep-alive pool.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
