/** Product photo processing: decode any common image, upright it, store a large and a thumbnail WebP. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../protocol/errors.js';

export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'];
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif']);
/** Larger than this is refused before decoding, so a decompression bomb cannot exhaust memory. */
export const MAX_INPUT_PIXELS = 40_000_000;
const LARGE = 1600;
const THUMB = 480;

export interface StoredPhoto {
  id: string;
  width: number;
  height: number;
}

export function mediaDir(dataDir: string): string {
  return join(dataDir, 'media');
}

/** Validates and normalises an image, writing `{id}.webp` and `{id}-thumb.webp` under the media folder. */
export async function storePhoto(dataDir: string, input: Buffer): Promise<StoredPhoto> {
  let meta: Metadata;
  try {
    // metadata() reads only the header; with the pixel limit set it would throw on a huge image
    // and answer "not an image" (415) instead of the size check below (413).
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'That file is not an image we can read (JPEG, PNG, WebP, GIF or AVIF).');
  }
  if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Images in ${meta.format ?? 'this'} format are not accepted; use JPEG, PNG or WebP.`);
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_INPUT_PIXELS) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'That image has more than 40 megapixels; please upload a smaller one.');
  }
  const id = `ph_${randomBytes(10).toString('hex')}`;
  const dir = mediaDir(dataDir);
  await mkdir(dir, { recursive: true });
  try {
    // rotate() applies the EXIF orientation; toColourspace keeps CMYK photos right on screens.
    const base = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 }).rotate().toColourspace('srgb');
    const large = await base
      .clone()
      .resize(LARGE, LARGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await base.clone().resize(THUMB, THUMB, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
    // Write to temporary names first so a failure never leaves a half photo behind.
    const tmp = `.${id}.${process.pid}`;
    await writeFile(join(dir, `${tmp}.webp`), large.data);
    await writeFile(join(dir, `${tmp}-thumb.webp`), thumb);
    await rename(join(dir, `${tmp}.webp`), join(dir, `${id}.webp`));
    await rename(join(dir, `${tmp}-thumb.webp`), join(dir, `${id}-thumb.webp`));
    return { id, width: large.info.width, height: large.info.height };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'That image could not be decoded; it may be damaged.');
  }
}

export async function deletePhotoFiles(dataDir: string, id: string): Promise<void> {
  const dir = mediaDir(dataDir);
  await Promise.all([rm(join(dir, `${id}.webp`), { force: true }), rm(join(dir, `${id}-thumb.webp`), { force: true })]);
}
