/**
 * Decodes a photo for the vision engine in Node with sharp: upright by EXIF, sRGB (CMYK JPEGs),
 * alpha flattened on white, first frame of animations, downscaled for analysis. Refuses what it
 * cannot read with a stable error code and a sentence a person understands.
 */
import sharp, { type Metadata } from 'sharp';
import type { RgbImage } from '../../client/vision/types.js';
import { AppError } from '../protocol/errors.js';

/** Same limit as merchant uploads (server/media/photos.ts): beyond it, refuse before decoding. */
export const MAX_PIXELS = 40_000_000;
/** Longest side the engine analyses; detection runs at 512 and crops at 224, so more is waste. */
export const ANALYSIS_SIDE = 1280;

export interface DecodedPhoto {
  /** Upright size of the original, the space boxes are reported in. */
  width: number;
  height: number;
  /** Downscaled upright RGB pixels the engine runs on. */
  image: RgbImage;
  /** width / image.width: multiply analysis boxes by this. */
  scale: number;
}

const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif', 'tiff']);

/** Decodes bytes into an upright analysis image, or throws AppError (UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE). */
export async function decodePhoto(bytes: Uint8Array): Promise<DecodedPhoto> {
  if (bytes.byteLength === 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is empty (0 bytes).');
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'This is not an image that can be read (JPEG, PNG, WebP, GIF or AVIF expected).');
  }
  if (!meta.format || !FORMATS.has(meta.format)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Images in ${meta.format ?? 'this'} format are not supported.`);
  const w0 = meta.width ?? 0;
  const h0 = meta.pageHeight ?? meta.height ?? 0;
  if (w0 * h0 === 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The image has no pixels.');
  if (w0 * h0 > MAX_PIXELS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The image has ${(w0 * h0 / 1e6).toFixed(0)} megapixels; at most 40 are accepted. Please use a smaller copy.`);
  }
  // EXIF orientations 5-8 swap width and height once applied.
  const swap = (meta.orientation ?? 1) >= 5;
  const width = swap ? h0 : w0;
  const height = swap ? w0 : h0;
  try {
    const { data, info } = await sharp(bytes, { pages: 1, limitInputPixels: MAX_PIXELS })
      .rotate()
      .toColourspace('srgb')
      .flatten({ background: '#ffffff' })
      .resize(ANALYSIS_SIDE, ANALYSIS_SIDE, { fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const image: RgbImage = { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
    return { width, height, image, scale: width / info.width };
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The image could not be decoded; the file may be damaged or truncated.');
  }
}
