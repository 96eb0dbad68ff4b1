/**
 * Turns a dropped, pasted or chosen file into an upright ImageBitmap, or a clear reason why not:
 * empty, not an image, damaged, or over 40 megapixels. Animated GIFs give their first frame.
 */

/** Same limit as the server's (server/discovery/decode.ts). */
export const MAX_PIXELS = 40_000_000;

export type LoadedPhoto = { ok: true; bitmap: ImageBitmap; url: string } | { ok: false; message: string };

/** Decodes a file in the browser; EXIF orientation is applied so boxes match the upright photo. */
export async function loadPhoto(file: Blob & { name?: string }): Promise<LoadedPhoto> {
  const name = file.name ?? 'The file';
  if (file.size === 0) return { ok: false, message: `${name} is empty (0 bytes).` };
  if (file.type && !file.type.startsWith('image/')) return { ok: false, message: `${name} is not an image (it is ${file.type}).` };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, message: `${name} could not be read as a photo; it may be damaged or in a format this browser does not know.` };
  }
  if (bitmap.width * bitmap.height > MAX_PIXELS) {
    const mp = Math.round((bitmap.width * bitmap.height) / 1e6);
    bitmap.close();
    return { ok: false, message: `${name} has ${mp} megapixels; at most 40 are accepted. Please use a smaller copy.` };
  }
  return { ok: true, bitmap, url: URL.createObjectURL(file) };
}
