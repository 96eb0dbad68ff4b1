/**
 * Security headers for every answer (helmet): a Content-Security-Policy that allows exactly what
 * the app loads (its own scripts and workers, wasm for the on-device models, camera frames as
 * blobs, known video players in frames), nosniff, no framing of the shop, a strict referrer policy.
 */
import type { FastifyHelmetOptions } from '@fastify/helmet';
import { EMBED_HOSTS } from '../protocol/stream.js';

/** helmet options for the shop. */
export function securityHeaders(): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval': tfjs and MediaPipe compile their WebAssembly on the device.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        // React sets style attributes (outline boxes, progress bars).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // Pasted stream links play from their own https hosts.
        mediaSrc: ["'self'", 'blob:', 'https:'],
        // blob:/data: — the page reads back its own snapshots and decoded photos.
        connectSrc: ["'self'", 'blob:', 'data:'],
        workerSrc: ["'self'", 'blob:'],
        frameSrc: EMBED_HOSTS.map((h) => `https://${h}`),
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // The shop is served over plain HTTP on a LAN too (and self-signed HTTPS): no HSTS pinning.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Product photos and model files are fetched by workers of this origin only.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  };
}

/** Whether a request's Origin is this shop: the Host it was sent to, or the configured public URL. */
export function sameOrigin(origin: string, host: string | undefined, publicUrl?: string): boolean {
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  if (host && o.host === host) return true;
  if (publicUrl) {
    try {
      return new URL(publicUrl).host === o.host;
    } catch {
      return false;
    }
  }
  return false;
}
