import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.API_URL ?? 'http://127.0.0.1:8080';

// The web client: built into dist/client and served by the shop server; `npm run dev` proxies the API.
export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [react()],
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
