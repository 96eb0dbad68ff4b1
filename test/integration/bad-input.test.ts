/** Bad input on both stores: every refusal has its documented status and code, and writes nothing. */
import { existsSync, readdirSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaDir } from '../../server/media/photos.js';
import { Shopper, type Res } from '../support/http.js';
import { STORES, startTestServer, type TestServer } from '../support/server.js';
import { createProduct, expectError, merchantOf, newKey, rowCounts } from './helpers.js';
import { streamBody } from './streaming.js';

const MB = 1024 * 1024;

/** A PNG whose header claims `width` x `height` pixels: a decompression bomb in a few bytes. */
async function claimedPng(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer());
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

function photoForm(bytes: Buffer | Uint8Array, name = 'photo.jpg', type = 'image/jpeg'): FormData {
  const fd = new FormData();
  fd.append('photo', new Blob([new Uint8Array(bytes)], { type }), name);
  return fd;
}

describe.each(STORES)('bad input on %s', (store) => {
  let server: TestServer;
  let shopper: Shopper;
  let merchant: Shopper;
  let product: any;
  let sized: any;
  let lineId: string;

  beforeAll(async () => {
    server = await startTestServer({ store });
    merchant = merchantOf(server);
    product = await createProduct(server, { name: 'Steady Chair', price: { amount: 15000, currency: 'EUR' }, stock: 5 });
    sized = await createProduct(server, { name: 'Rain Boot', category: 'footwear', attributes: { sizes: ['40', '41'] } });
    shopper = new Shopper(server.url);
    const cart = await shopper.post('/api/cart/lines', { productId: product.id, quantity: 2 });
    lineId = cart.body.lines[0].id;
  });
  afterAll(() => server?.close());

  const mediaFiles = () => {
    const dir = mediaDir(server.config.dataDir);
    return existsSync(dir) ? readdirSync(dir).length : 0;
  };

  /** Runs a request and checks the answer and that no table changed. */
  async function refuses(send: () => Promise<Res | { status: number; body: any }>, status: number, code: string) {
    const before = await rowCounts(server);
    const res = await send();
    expectError(res as Res, status, code);
    expect(await rowCounts(server)).toEqual(before);
    return res;
  }

  const json = { 'content-type': 'application/json' };
  const cases: Array<[string, () => Promise<Res>, number, string]> = [
    ['malformed JSON', () => shopper.post('/api/cart/lines', '{"productId": "x",', json), 400, 'INVALID_JSON'],
    ['an empty JSON body', () => shopper.post('/api/cart/lines', '', json), 400, 'INVALID_JSON'],
    ['a __proto__ key', () => shopper.post('/api/cart/lines', `{"productId":"${'x'}","__proto__":{"admin":true}}`, json), 400, 'INVALID_JSON'],
    ['a form-encoded body', () => shopper.post('/api/cart/lines', 'productId=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    // Fastify reads text/plain as a string, which then fails the schema (so no text/plain CSRF either).
    ['a text/plain body', () => shopper.post('/api/cart/lines', `{"productId":"${'x'}"}`, { 'content-type': 'text/plain' }), 400, 'VALIDATION_FAILED'],
    ['a quantity sent as a string', () => shopper.post('/api/cart/lines', { productId: 'p', quantity: '2' }), 400, 'VALIDATION_FAILED'],
    ['a product id sent as a number', () => shopper.post('/api/cart/lines', { productId: 42 }), 400, 'VALIDATION_FAILED'],
    ['an array instead of an object', () => shopper.post('/api/cart/lines', [{ productId: 'p' }]), 400, 'VALIDATION_FAILED'],
    ['an extra price field', () => shopper.post('/api/cart/lines', { productId: 'p', quantity: 1, price: 1 }), 400, 'VALIDATION_FAILED'],
    ['a negative quantity', () => shopper.post('/api/cart/lines', { productId: 'p', quantity: -1 }), 400, 'VALIDATION_FAILED'],
    ['a zero quantity', () => shopper.post('/api/cart/lines', { productId: 'p', quantity: 0 }), 400, 'VALIDATION_FAILED'],
    ['a fractional quantity', () => shopper.post('/api/cart/lines', { productId: 'p', quantity: 1.5 }), 400, 'VALIDATION_FAILED'],
    ['a huge quantity', () => shopper.post('/api/cart/lines', { productId: 'p', quantity: 1e12 }), 400, 'VALIDATION_FAILED'],
    ['a quantity that overflows to Infinity', () => shopper.post('/api/cart/lines', '{"productId":"p","quantity":1e400}', json), 400, 'VALIDATION_FAILED'],
    ['an unknown product id', () => shopper.post('/api/cart/lines', { productId: 'no-such-thing' }), 404, 'NOT_FOUND'],
    ['a product id with a path in it', () => shopper.post('/api/cart/lines', { productId: '../../etc/passwd' }), 400, 'VALIDATION_FAILED'],
    ['an unknown cart line', () => shopper.patch('/api/cart/lines/999999', { quantity: 1 }), 404, 'NOT_FOUND'],
    ['a cart line id that is not a number', () => shopper.patch('/api/cart/lines/abc', { quantity: 1 }), 400, 'VALIDATION_FAILED'],
    ['a cart line id beyond integer range', () => shopper.del('/api/cart/lines/99999999999'), 400, 'VALIDATION_FAILED'],
    ['an unknown product detail', () => shopper.get('/api/products/nothing-here'), 404, 'NOT_FOUND'],
    ['an unknown order', () => shopper.get('/api/orders/ord_000000000000'), 404, 'NOT_FOUND'],
    ['an unknown API route', () => shopper.get('/api/nope'), 404, 'NOT_FOUND'],
    ['an extra checkout field', () => shopper.post('/api/checkout', { paymentToken: 'tok_visa', discount: 100 }, { 'idempotency-key': newKey() }), 400, 'VALIDATION_FAILED'],
    ['a payment token of the wrong type', () => shopper.post('/api/checkout', { paymentToken: 123 }, { 'idempotency-key': newKey() }), 400, 'VALIDATION_FAILED'],
    ['a price in another currency', () => merchant.post('/api/products', { name: 'Dollar Desk', category: 'home', price: { amount: 100, currency: 'USD' }, stock: 1 }), 400, 'UNSUPPORTED_CURRENCY'],
    ['a made-up currency', () => merchant.post('/api/products', { name: 'Odd', category: 'home', price: { amount: 100, currency: 'XQZ' }, stock: 1 }), 400, 'VALIDATION_FAILED'],
    ['a negative price', () => merchant.post('/api/products', { name: 'Odd', category: 'home', price: { amount: -1, currency: 'EUR' }, stock: 1 }), 400, 'VALIDATION_FAILED'],
    ['an unknown attribute', () => merchant.post('/api/products', { name: 'Odd', category: 'home', price: { amount: 1, currency: 'EUR' }, stock: 1, attributes: { glow: true } }), 400, 'VALIDATION_FAILED'],
    // PostgreSQL cannot store NUL in text or jsonb; these were 500s.
    ['a NUL character in the search text', () => shopper.get('/api/products?q=gold%00'), 400, 'VALIDATION_FAILED'],
    ['a NUL character in a product name', () => merchant.post('/api/products', { name: 'A\u0000B', category: 'home', price: { amount: 1, currency: 'EUR' }, stock: 1 }), 400, 'VALIDATION_FAILED'],
    ['a NUL character in a product attribute', () => merchant.patch(`/api/products/${product.id}`, { attributes: { material: 'oak\u0000' } }), 400, 'VALIDATION_FAILED'],
    ['a product update with an unknown id', () => merchant.patch('/api/products/not-a-product', { stock: 3 }), 404, 'NOT_FOUND'],
  ];

  it.each(cases)('refuses %s with the documented status and code, writing nothing', async (_name, send, status, code) => {
    await refuses(send, status, code);
  });

  it('lists each zod issue with its path for a body of wrong types', async () => {
    const res = await refuses(() => shopper.post('/api/cart/lines', { productId: 7, quantity: 'lots' }), 400, 'VALIDATION_FAILED');
    const paths = (res.body.error.issues as Array<{ path: string[] }>).map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['productId', 'quantity']);
  });

  it('refuses a negative or huge quantity change on an existing line and keeps the line as it was', async () => {
    for (const quantity of [-1, 100, 1e9, 2.5]) {
      await refuses(() => shopper.patch(`/api/cart/lines/${lineId}`, { quantity }), 400, 'VALIDATION_FAILED');
    }
    await refuses(() => shopper.patch(`/api/cart/lines/${lineId}`, { quantity: 3, productId: sized.id }), 400, 'VALIDATION_FAILED');
    expect((await shopper.get('/api/cart')).body.lines[0].quantity).toBe(2);
  });

  it('refuses a price change to another currency and leaves the product unchanged', async () => {
    await refuses(() => merchant.patch(`/api/products/${product.id}`, { price: { amount: 1, currency: 'GBP' }, stock: 0 }), 400, 'UNSUPPORTED_CURRENCY');
    expect((await shopper.get(`/api/products/${product.id}`)).body).toMatchObject({ price: { amount: 15000, currency: 'EUR' }, stock: 5 });
  });

  it('refuses a 50 MB JSON body with 413 PAYLOAD_TOO_LARGE before reading it all', async () => {
    const before = await rowCounts(server);
    const declared = await streamBody(server.url, '/api/cart/lines', { headers: json, fillBytes: 50 * MB });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(declared.sent).toBeLessThan(50 * MB);
    // Without a Content-Length the server has to count; it still stops at its limit.
    const chunked = await streamBody(server.url, '/api/cart/lines', { headers: json, fillBytes: 50 * MB, chunked: true });
    expect(chunked.status).toBe(413);
    expect(chunked.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(chunked.sent).toBeLessThan(50 * MB);
    expect(await rowCounts(server)).toEqual(before);
    expect((await shopper.get('/api/health')).status).toBe(200);
  });

  describe('photo uploads', () => {
    const upload = (body: FormData | string, headers?: Record<string, string>) =>
      merchant.post(`/api/products/${product.id}/photos`, body, headers);

    async function refusesUpload(send: () => Promise<Res | { status: number; body: any }>, status: number, code: string) {
      const files = mediaFiles();
      await refuses(send, status, code);
      expect(mediaFiles()).toBe(files);
    }

    it('refuses a file that is not an image with 415', async () => {
      await refusesUpload(() => upload(photoForm(Buffer.from('just some text, honestly'), 'notes.txt', 'text/plain')), 415, 'UNSUPPORTED_MEDIA_TYPE');
      // Claiming to be a JPEG does not help.
      await refusesUpload(() => upload(photoForm(Buffer.from('MZ\x90\x00 not a jpeg'), 'evil.jpg')), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses an SVG (it could carry script) and a truncated JPEG with 415', async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
      await refusesUpload(() => upload(photoForm(svg, 'x.svg', 'image/svg+xml')), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c33' } }).jpeg().toBuffer();
      await refusesUpload(() => upload(photoForm(jpeg.subarray(0, 400))), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses an empty file and a form without a file with 400', async () => {
      await refusesUpload(() => upload(photoForm(Buffer.alloc(0))), 400, 'VALIDATION_FAILED');
      const fd = new FormData();
      fd.append('caption', 'no photo here');
      await refusesUpload(() => upload(fd), 400, 'VALIDATION_FAILED');
    });

    it('refuses a JSON body where a multipart upload is expected with 415', async () => {
      await refusesUpload(() => upload('{"photo":"data:image/png;base64,AAAA"}', json), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses an image of more than 40 megapixels with 413 without decoding it', async () => {
      const bomb = await claimedPng(20_000, 20_000);
      expect(bomb.length).toBeLessThan(200);
      await refusesUpload(() => upload(photoForm(bomb, 'bomb.png', 'image/png')), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses an upload over the size limit with 413, streamed rather than buffered', async () => {
      const boundary = '----shopsee-test-boundary';
      const prefix = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      );
      const suffix = Buffer.from(`\r\n--${boundary}--\r\n`);
      const files = mediaFiles();
      const res = await refuses(
        () =>
          streamBody(server.url, `/api/products/${product.id}/photos`, {
            headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${server.merchantToken}` },
            prefix,
            fillBytes: server.config.maxUploadBytes + MB,
            suffix,
          }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
      expect(res.body.error.message.length).toBeGreaterThan(5);
      expect(mediaFiles()).toBe(files);
    });

    it('refuses an upload to an unknown product with 404', async () => {
      const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#333' } }).jpeg().toBuffer();
      await refusesUpload(() => merchant.post('/api/products/ghost-product/photos', photoForm(jpeg)), 404, 'NOT_FOUND');
    });
  });

  describe('share links', () => {
    const hostile = [
      '//evil.example/phish',
      'https://evil.example/',
      'javascript:alert(1)',
      '/\\evil.example',
      '/x\r\nSet-Cookie: a=b',
      '/<script>alert(1)</script>',
      '/x"onload="alert(1)',
      'relative/path',
      '',
      `/${'a'.repeat(400)}`,
    ];

    it.each(hostile)('refuses the share path %j with 400 VALIDATION_FAILED', async (path) => {
      await refuses(() => shopper.get(`/api/share?path=${encodeURIComponent(path)}`), 400, 'VALIDATION_FAILED');
      await refuses(() => shopper.get(`/api/qr.svg?path=${encodeURIComponent(path)}`), 400, 'VALIDATION_FAILED');
    });

    it('keeps every accepted share link on this site, even with dot segments or encoded slashes', async () => {
      const port = new URL(server.url).port;
      for (const path of ['/products/aviator-gold', '/../../etc/passwd', '/%2F%2Fevil.example', '/live/abc?ref=qr&x=1']) {
        const res = await shopper.get(`/api/share?path=${encodeURIComponent(path)}`);
        expect(res.status, path).toBe(200);
        const url = new URL(res.body.url);
        expect(url.port).toBe(port);
        expect(url.hostname).not.toContain('evil');
        expect(url.pathname.startsWith('/')).toBe(true);
        expect(url.username + url.password).toBe('');
      }
    });

    it('refuses an unknown share query parameter', async () => {
      await refuses(() => shopper.get('/api/share?path=/x&redirect=https://evil.example'), 400, 'VALIDATION_FAILED');
    });
  });
});
