/** Photo upload over XMLHttpRequest, because fetch cannot report upload progress. */
import type { Product } from '../../server/protocol/api.js';
import { ApiError, errorFromBody } from '../lib/api.js';

/** Types the server's photo pipeline (sharp) accepts. */
export const ACCEPTED_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'];
/** The server's default upload limit (MAX_UPLOAD_BYTES); a larger limit there still answers 413 here first. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** A reason the file cannot be uploaded, checked before sending, or null when it looks fine. */
export function photoProblem(file: { type: string; size: number; name: string }): string | null {
  if (!ACCEPTED_PHOTO_TYPES.includes(file.type)) {
    return `${file.name} is not a JPEG, PNG, WebP, GIF or AVIF image.`;
  }
  if (file.size > MAX_PHOTO_BYTES) {
    return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}

/** Uploads one photo for a product, calling onProgress with 0..1; resolves with the updated product. */
export function uploadPhoto(token: string, productId: string, file: File, onProgress: (fraction: number) => void): Promise<Product> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/products/${encodeURIComponent(productId)}/photos`);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Product);
      else reject(errorFromBody(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload was interrupted. Check your connection and try again.'));
    const form = new FormData();
    form.append('photo', file, file.name);
    xhr.send(form);
  });
}
