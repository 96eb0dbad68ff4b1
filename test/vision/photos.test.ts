/**
 * The engine in Node on real photos: the street fixture's items are found where they are, and
 * every kind of bad input is refused clearly or handled (models load once for the file).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iou } from '../../client/vision/detect/boxes.js';
import type { DiscoveredItem, ImageBox } from '../../client/vision/types.js';
import { decodePhoto } from '../../server/discovery/decode.js';
import { isFound } from '../../server/discovery/eval/fashion.js';
import { FIXTURES } from '../../server/discovery/eval/fixtures.js';
import { discoverPhoto, nodeEngine } from '../../server/discovery/node-engine.js';
import { AppError } from '../../server/protocol/errors.js';

const street = readFileSync(join(FIXTURES, 'fashion', 'street-blazer-sunglasses.jpg'));
const SUNGLASSES: ImageBox = [318, 138, 112, 48];
const JEANS: ImageBox = [245, 690, 255, 334];

const best = (items: DiscoveredItem[], label: string): DiscoveredItem | undefined => items.filter((i) => i.label === label).sort((a, b) => b.score - a.score)[0];

async function refusal(bytes: Uint8Array): Promise<AppError> {
  try {
    await decodePhoto(bytes);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the photo to be refused');
}

let upright: Awaited<ReturnType<typeof discoverPhoto>>;
beforeAll(async () => {
  await nodeEngine();
  upright = await discoverPhoto(street);
}, 120_000);

describe('discovery on the street photo', () => {
  it('reports the photo size, finds eyewear on the sunglasses and a bottom on the jeans, and names nothing the photo lacks', () => {
    expect([upright.width, upright.height]).toEqual([683, 1024]);
    // Scored like eval:vision's fashion items: the region covers half of the smaller box, IoU ≥ 0.1.
    const on = (label: string, box: ImageBox): boolean => isFound({ item: label, box, labels: [label] }, [best(upright.items, label)!]);
    expect(on('eyewear', SUNGLASSES)).toBe(true);
    expect(on('bottom', JEANS)).toBe(true);
    expect(iou(best(upright.items, 'bottom')!.box, JEANS)).toBeGreaterThan(0.4);
    const labels = new Set(upright.items.map((i) => i.label));
    expect(labels).toContain('top');
    // Garments come from evidence: no hat, bag, dress or wrist is in this photo.
    for (const label of ['hat', 'bag', 'dress', 'wrist']) expect(labels).not.toContain(label);
  });

  it('gives every item integer pixel boxes inside the image and a score between 0 and 1', () => {
    for (const item of upright.items) {
      const [x, y, w, h] = item.box;
      expect([x, y, w, h].every(Number.isInteger)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + w).toBeLessThanOrEqual(683);
      expect(y + h).toBeLessThanOrEqual(1024);
      expect(item.score).toBeGreaterThan(0);
      expect(item.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('photos in awkward formats', () => {
  it('reports boxes in the upright image for a photo stored sideways with EXIF orientation 6', async () => {
    // Stored rotated 90° anticlockwise; orientation 6 tells viewers to turn it clockwise.
    const sideways = await sharp(street).rotate(270).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toBuffer();
    const result = await discoverPhoto(sideways);
    expect([result.width, result.height]).toEqual([683, 1024]);
    const eyewear = best(result.items, 'eyewear')!.box;
    expect(iou(eyewear, best(upright.items, 'eyewear')!.box)).toBeGreaterThan(0.6);
  });

  it('reads a CMYK JPEG in the right colours and finds the same person', async () => {
    const cmyk = await sharp(street).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const decoded = await decodePhoto(cmyk);
    const plain = await decodePhoto(street);
    let diff = 0;
    for (let i = 0; i < plain.image.data.length; i += 97) diff += Math.abs(decoded.image.data[i]! - plain.image.data[i]!);
    expect(diff / (plain.image.data.length / 97)).toBeLessThan(12); // mean channel error after CMYK round trip
    expect(best((await discoverPhoto(cmyk)).items, 'eyewear')).toBeDefined();
  });

  it('flattens a transparent PNG on white instead of black', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 200, g: 10, b: 10, alpha: 0 } } }).png().toBuffer();
    const decoded = await decodePhoto(png);
    expect(decoded.image.channels).toBe(3);
    expect([...decoded.image.data.slice(0, 3)]).toEqual([255, 255, 255]);
  });

  it('uses the first frame of an animated GIF', async () => {
    const frame = (colour: string) => sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).png().toBuffer();
    const gif = await sharp([await frame('#ff0000'), await frame('#0000ff')], { join: { animated: true } }).gif().toBuffer();
    const decoded = await decodePhoto(gif);
    expect([decoded.width, decoded.height]).toEqual([40, 30]);
    const [r, g, b] = decoded.image.data;
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(50);
    expect(g).toBeLessThan(50);
  });
});

describe('bad input', () => {
  it('refuses an empty file, a text file and a truncated JPEG as unsupported media', async () => {
    expect((await refusal(new Uint8Array())).message).toMatch(/empty/);
    expect((await refusal(Buffer.from('just some text, not a photo'))).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const truncated = await refusal(street.subarray(0, 4000));
    expect(truncated.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(truncated.message).toMatch(/damaged|truncated|read/);
  });

  it('refuses a photo over 40 megapixels before decoding it', async () => {
    const huge = await sharp({ create: { width: 8000, height: 5100, channels: 3, background: '#888' } }).jpeg({ quality: 30 }).toBuffer();
    const err = await refusal(huge);
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(err.message).toMatch(/41 megapixels/);
  });
});

describe('npm run discover', () => {
  const dir = mkdtempSync(join(tmpdir(), 'discover-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON line per readable image, then names the unreadable file and exits 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const broken = join(dir, 'broken.jpg');
    writeFileSync(broken, 'not an image');
    const photo = join(FIXTURES, 'fashion', 'street-blazer-sunglasses.jpg');
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/discover.ts', photo, broken, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: join(dir, 'data') },
      timeout: 120_000,
    });
    expect(res.status).toBe(1);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(out).toMatchObject({ file: photo, width: 683, height: 1024 });
    const eyewear = out.items.find((i: { label: string }) => i.label === 'eyewear');
    expect(eyewear.kind).toBe('apparel');
    expect(eyewear.box).toHaveLength(4);
    expect(Array.isArray(eyewear.matches)).toBe(true);
    expect(res.stderr).toMatch(/broken\.jpg: .*UNSUPPORTED_MEDIA_TYPE/);
  }, 150_000);
});
