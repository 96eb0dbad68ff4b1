import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaIcons } from './client/pwa/icons.js';
import { manifest, PRECACHE_MAX_BYTES } from './client/pwa/manifest.js';

const api = process.env.API_URL ?? 'http://127.0.0.1:8080';

// The web client: built into dist/client and served by the shop server; `npm run dev` proxies the API.
export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [
    react(),
    pwaIcons(),
    // Installable app with an offline shell and a Web Share Target (client/pwa/). injectManifest:
    // the share POST needs our own service worker code; workbox adds the precache list to it.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'pwa',
      filename: 'sw.ts',
      // client/pwa/register.ts registers it after the page has loaded, outside the entry's critical path.
      injectRegister: false,
      manifest,
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,png}'],
        // Workers are started by their page and are large; sw.js never precaches itself.
        globIgnores: ['**/*.worker-*.js', 'sw.js'],
        // Large chunks are left out on purpose (workbox would stop the build over its own limit).
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        manifestTransforms: [async (entries) => ({ manifest: entries.filter((e) => e.size <= PRECACHE_MAX_BYTES), warnings: [] })],
      },
    }),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    // dist/client/.vite/manifest.json: read by `npm run report:bundle` and the bundle budget test.
    manifest: true,
  },
  server: {
    proxy: {
      '/api': api,
      '/media': api,
      '/models': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
