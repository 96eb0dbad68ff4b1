/** Health, the anonymous shopper cookie, and share links with QR codes that really scan. */
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOPPER_COOKIE } from '../../server/http/identity.js';
import { lanAddress } from '../../server/http/share.js';
import { Shopper } from '../support/http.js';
import { STORES, startTestServer, type TestServer } from '../support/server.js';
import { expectError, merchantOf } from './helpers.js';

/** Rasterises an SVG QR code and decodes it, as a phone camera would. */
async function scanQr(svg: string): Promise<string> {
  // Render at a whole number of pixels per module: a fractional scale blurs module edges and
  // can make the detector misjudge the code's version.
  const modules = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  expect(modules).toBeGreaterThan(20);
  const sized = svg.replace('<svg ', `<svg width="${modules * 8}" height="${modules * 8}" `);
  const { data, info } = await sharp(Buffer.from(sized))
    .flatten({ background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  expect(info.width).toBe(modules * 8);
  const pixels = new Int32Array(info.width * info.height);
  for (let i = 0; i < pixels.length; i++) {
    const o = i * info.channels;
    pixels[i] = (data[o]! << 16) | (data[o + 1]! << 8) | data[o + 2]!;
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, info.width, info.height)));
  // A rendered code, not a photo: zxing-js's finder-pattern detector misread the version of 15 of
  // 600 such codes (with or without a wider quiet zone); as a pure barcode it read all 600.
  const hints = new Map([[DecodeHintType.PURE_BARCODE, true]]);
  return new QRCodeReader().decode(bitmap, hints).getText();
}

describe.each(STORES)('health, identity and sharing on %s', (store) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ store });
  });
  afterAll(() => server?.close());

  it('reports health with the store kind, a version and the uptime', async () => {
    const res = await new Shopper(server.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, store, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(res.body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(res.body.uptimeSeconds).toBeLessThan(600);
  });

  it('echoes a request id so a report can be matched with the server log', async () => {
    const given = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-abc-123');
    const made = await fetch(`${server.url}/api/health`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives a first-time visitor a signed, http-only, year-long shopper cookie and keeps the id after', async () => {
    const first = await fetch(`${server.url}/api/me`);
    const body = await first.json();
    expect(body).toEqual({ shopperId: expect.stringMatching(/^shp_[A-Za-z0-9_-]{16}$/), currency: 'EUR', shopName: 'Test shop' });
    const [setCookie, ...more] = first.headers.getSetCookie();
    expect(more).toEqual([]);
    expect(setCookie).toMatch(new RegExp(`^${SHOPPER_COOKIE}=${body.shopperId}\\.[A-Za-z0-9%_+/=-]+;`));
    const attrs = setCookie!.toLowerCase();
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=lax');
    expect(attrs).toContain('path=/');
    expect(attrs).toContain('max-age=31536000');
    // Plain http here, so the cookie cannot be Secure or the browser would drop it.
    expect(attrs).not.toContain('secure');

    const cookie = setCookie!.split(';')[0]!;
    for (let i = 0; i < 3; i++) {
      const again = await fetch(`${server.url}/api/me`, { headers: { cookie } });
      expect((await again.json()).shopperId).toBe(body.shopperId);
      expect(again.headers.getSetCookie()).toEqual([]);
    }
  });

  it('gives each new visitor a different shopper id', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, async () => (await new Shopper(server.url).get('/api/me')).body.shopperId));
    expect(new Set(ids).size).toBe(20);
  });

  it('sets no cookie on media or model files, only on the API', async () => {
    const media = await fetch(`${server.url}/media/ph_missing.webp`);
    expect(media.status).toBe(404);
    expect(media.headers.getSetCookie()).toEqual([]);
  });

  it('checks the merchant token on /api/merchant/me', async () => {
    expectError(await new Shopper(server.url).get('/api/merchant/me'), 401, 'UNAUTHORIZED');
    expectError(await new Shopper(server.url, `${server.merchantToken}x`).get('/api/merchant/me'), 403, 'FORBIDDEN');
    expect((await merchantOf(server).get('/api/merchant/me')).body).toEqual({ ok: true });
  });

  it('makes a share link for a page of this shop and a QR code that scans to the same link', async () => {
    const res = await new Shopper(server.url).get('/api/share?path=/products/aviator-gold');
    expect(res.status).toBe(200);
    const port = new URL(server.url).port;
    // On localhost the link points at the LAN address so a phone can open it.
    const host = lanAddress() ?? '127.0.0.1';
    expect(res.body.url).toBe(`http://${host}:${port}/products/aviator-gold`);
    expect(res.body.qrSvg.startsWith('<svg')).toBe(true);
    expect(await scanQr(res.body.qrSvg)).toBe(res.body.url);
  });

  it('serves the QR code alone as a valid, uncached SVG image', async () => {
    const res = await fetch(`${server.url}/api/qr.svg?path=${encodeURIComponent('/live/s1?ref=qr')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 (\d+) \1"/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
    const meta = await sharp(Buffer.from(svg)).metadata();
    expect(meta.format).toBe('svg');
    expect(meta.width).toBe(meta.height);
    expect(await scanQr(svg)).toMatch(new RegExp(`^http://[^/]+:${new URL(server.url).port}/live/s1\\?ref=qr$`));
  });
});

describe('share links with a public URL configured', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { publicUrl: 'https://shop.example/' } });
  });
  afterAll(() => server?.close());

  it('use the public URL, without a doubled slash, whatever host the request came to', async () => {
    const res = await fetch(`${server.url}/api/share?path=/p/1`, { headers: { host: 'attacker.example' } });
    const body = await res.json();
    expect(body.url).toBe('https://shop.example/p/1');
    expect(await scanQr(body.qrSvg)).toBe('https://shop.example/p/1');
  });
});
