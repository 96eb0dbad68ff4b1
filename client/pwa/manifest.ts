/**
 * The web app manifest: what a phone needs to install Shopsee and list it as a place to share photos
 * to. The build writes it to dist/client/manifest.webmanifest (vite-plugin-pwa) next to the icons.
 */
import type { ManifestOptions } from 'vite-plugin-pwa';
import { SHARE_ACCEPT, SHARE_ACTION, SHARE_FILE_FIELD } from './shareTarget.js';

/** Shop colours, the same as index.html's theme-color and the favicon. */
export const THEME_COLOR = '#faf8f5';
export const BRAND_COLOR = '#1f5f4a';

/** PNG icons drawn at build time from icon.svg (client/pwa/icons.ts); `maskable` ones keep a safe zone. */
export const ICONS = [
  { file: 'icons/icon-192.png', size: 192, maskable: false },
  { file: 'icons/icon-512.png', size: 512, maskable: false },
  { file: 'icons/maskable-512.png', size: 512, maskable: true },
  { file: 'icons/apple-touch-icon.png', size: 180, maskable: false },
] as const;

/**
 * Files above this size stay out of the service worker's precache: the vision worker, try-on's
 * three.js and the tracker (0.9-2.1 MB each) load only when their page opens, like /models/.
 */
export const PRECACHE_MAX_BYTES = 300 * 1024;

export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Shopsee',
  short_name: 'Shopsee',
  description: 'Find products in photos, try them on and buy them from your phone.',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  background_color: THEME_COLOR,
  theme_color: THEME_COLOR,
  categories: ['shopping'],
  icons: ICONS.filter((i) => i.file !== 'icons/apple-touch-icon.png').map((i) => ({
    src: `/${i.file}`,
    sizes: `${i.size}x${i.size}`,
    type: 'image/png',
    purpose: i.maskable ? 'maskable' : 'any',
  })),
  // "Share to Shopsee" from the gallery or a social app: a POST the service worker answers on the device.
  share_target: {
    action: SHARE_ACTION,
    method: 'POST',
    enctype: 'multipart/form-data',
    params: { title: 'title', text: 'text', url: 'url', files: [{ name: SHARE_FILE_FIELD, accept: SHARE_ACCEPT }] },
  },
};
