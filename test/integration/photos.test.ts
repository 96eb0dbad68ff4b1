/** Product photo uploads on both stores: formats, EXIF orientation, CMYK, thumbnails and caching. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Shopper } from '../support/http.js';
import { STORES, startTestServer, type TestServer } from '../support/server.js';
import { createProduct, expectError, merchantOf, rowCounts } from './helpers.js';

/** A two-colour image: red top half, blue bottom half, so orientation can be checked by pixels. */
function halves(width: number, height: number) {
  const top = `<rect width="${width}" height="${height / 2}" fill="#ff0000"/>`;
  const bottom = `<rect y="${height / 2}" width="${width}" height="${height / 2}" fill="#0000ff"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${top}${bottom}</svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' });
}

function form(bytes: Buffer, filename: string, type: string): FormData {
  const fd = new FormData();
  fd.append('photo', new Blob([new Uint8Array(bytes)], { type }), filename);
  return fd;
}

/** Mean RGB of a region of a decoded image. */
async function meanColour(img: Buffer, region: { left: number; top: number; width: number; height: number }) {
  // stats() reads the input image, so crop into a new buffer first.
  const crop = await sharp(img).extract(region).png().toBuffer();
  const { channels } = await sharp(crop).stats();
  return channels.map((c) => Math.round(c.mean));
}

describe.each(STORES)('product photos on %s', (store) => {
  let server: TestServer;
  let merchant: Shopper;
  let product: any;

  beforeAll(async () => {
    server = await startTestServer({ store });
    merchant = merchantOf(server);
    product = await createProduct(server, { name: 'Photo subject', category: 'bags' });
  });
  afterAll(() => server?.close());

  async function upload(bytes: Buffer, filename: string, type: string) {
    const res = await merchant.post(`/api/products/${product.id}/photos`, form(bytes, filename, type));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const photo = res.body.photos.at(-1);
    const large = await fetch(server.url + photo.url);
    expect(large.status).toBe(200);
    const data = Buffer.from(await large.arrayBuffer());
    return { photo, large, data, meta: await sharp(data).metadata() };
  }

  it('stores a JPEG as an upright WebP with its size and a thumbnail, served with long cache headers', async () => {
    const jpeg = await halves(640, 400).jpeg({ quality: 90 }).toBuffer();
    const { photo, large, data, meta } = await upload(jpeg, 'bag.jpg', 'image/jpeg');
    expect(photo).toMatchObject({ width: 640, height: 400 });
    expect(photo.url).toBe(`/media/${photo.id}.webp`);
    expect(meta).toMatchObject({ format: 'webp', width: 640, height: 400 });
    expect(large.headers.get('content-type')).toBe('image/webp');
    const cache = large.headers.get('cache-control') ?? '';
    expect(cache).toContain('immutable');
    expect(Number(/max-age=(\d+)/.exec(cache)?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect(await meanColour(data, { left: 0, top: 0, width: 640, height: 150 })).toEqual([
      expect.closeTo(255, -1.5),
      expect.closeTo(0, -1.5),
      expect.closeTo(0, -1.5),
    ]);

    const thumb = await fetch(server.url + photo.thumbUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('cache-control')).toContain('immutable');
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(thumbMeta).toMatchObject({ format: 'webp', width: 480, height: 300 });
  });

  it('keeps the transparency of a PNG with an alpha channel', async () => {
    // An opaque disc on a fully transparent square.
    const disc = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><circle cx="150" cy="150" r="100" fill="#00aa00"/></svg>';
    const png = await sharp(Buffer.from(disc)).png().toBuffer();
    expect((await sharp(png).metadata()).hasAlpha).toBe(true);
    const { data, meta } = await upload(png, 'clear.png', 'image/png');
    expect(meta).toMatchObject({ width: 300, height: 300, hasAlpha: true });
    const corner = await meanColour(data, { left: 10, top: 10, width: 40, height: 40 });
    expect(corner[3]).toBeLessThan(10);
    const opaque = await meanColour(data, { left: 130, top: 130, width: 40, height: 40 });
    expect(opaque[3]).toBeGreaterThan(245);
  });

  it('accepts a WebP and shrinks a large photo to fit 1600 pixels', async () => {
    const webp = await halves(2400, 1200).webp().toBuffer();
    const { photo, meta } = await upload(webp, 'wide.webp', 'image/webp');
    expect(photo).toMatchObject({ width: 1600, height: 800 });
    expect(meta).toMatchObject({ width: 1600, height: 800 });
  });

  it('turns an EXIF-rotated JPEG upright: width and height swap and the top moves to the right', async () => {
    // Orientation 6: the camera held sideways; viewers rotate the stored 400x200 pixels 90° clockwise.
    const rotated = await halves(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(rotated).metadata()).orientation).toBe(6);
    const { photo, data, meta } = await upload(rotated, 'sideways.jpg', 'image/jpeg');
    expect(photo).toMatchObject({ width: 200, height: 400 });
    expect(meta).toMatchObject({ width: 200, height: 400 });
    // No orientation tag may remain, or browsers would rotate it a second time.
    expect(meta.orientation ?? 1).toBe(1);
    const [rr, , rb] = await meanColour(data, { left: 120, top: 0, width: 80, height: 400 });
    const [lr, , lb] = await meanColour(data, { left: 0, top: 0, width: 80, height: 400 });
    expect(rr).toBeGreaterThan(200);
    expect(rb).toBeLessThan(60);
    expect(lb).toBeGreaterThan(200);
    expect(lr).toBeLessThan(60);
  });

  it('converts a CMYK JPEG to sRGB with its colours intact', async () => {
    const cmyk = await halves(320, 240).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const { photo, data, meta } = await upload(cmyk, 'print.jpg', 'image/jpeg');
    expect(photo).toMatchObject({ width: 320, height: 240 });
    expect(meta.space).toBe('srgb');
    expect(meta.channels).toBe(3);
    const [r, g, b] = await meanColour(data, { left: 0, top: 0, width: 320, height: 100 });
    // Red survives a CMYK round trip as a strong red, not the dark or inverted colour of a naive decode.
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
  });

  it('removes a photo and its files when the merchant deletes it, and all photos with the product', async () => {
    const jpeg = await halves(200, 200).jpeg().toBuffer();
    const { photo } = await upload(jpeg, 'gone.jpg', 'image/jpeg');
    const anonymous = new Shopper(server.url);
    expectError(await anonymous.del(`/api/products/${product.id}/photos/${photo.id}`), 401, 'UNAUTHORIZED');
    expect((await merchant.del(`/api/products/${product.id}/photos/${photo.id}`)).status).toBe(204);
    expect((await fetch(server.url + photo.url)).status).toBe(404);
    expect((await fetch(server.url + photo.thumbUrl)).status).toBe(404);
    expectError(await merchant.del(`/api/products/${product.id}/photos/${photo.id}`), 404, 'NOT_FOUND');

    const other = await createProduct(server, { name: 'Short lived' });
    const res = await merchant.post(`/api/products/${other.id}/photos`, form(jpeg, 'a.jpg', 'image/jpeg'));
    const url = res.body.photos[0].url;
    expect((await fetch(server.url + url)).status).toBe(200);
    const before = await rowCounts(server);
    expect((await merchant.del(`/api/products/${other.id}`)).status).toBe(204);
    expect((await rowCounts(server)).photos).toBe(before.photos - 1);
    expect((await fetch(server.url + url)).status).toBe(404);
  });

  it('lists photos on the product in upload order', async () => {
    const res = await new Shopper(server.url).get(`/api/products/${product.id}`);
    const sizes = res.body.photos.map((p: any) => `${p.width}x${p.height}`);
    expect(sizes).toEqual(['640x400', '300x300', '1600x800', '200x400', '320x240']);
  });
});
