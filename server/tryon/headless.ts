/**
 * A headless try-on session for `npm run tryon` and `npm run bench:tryon`: the shop server on
 * 127.0.0.1 (the store from DATABASE_URL, else an in-memory one with the demo catalog), the built
 * client and model files, and Debian's Chromium (optionally with a fake camera playing a y4m).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createApp, type ShopApp } from '../app.js';
import { DEFAULTS } from '../config.js';
import { features } from '../features.js';
import { seedDemoCatalog } from '../seed/seed.js';
import { openDb, type Db } from '../store/db.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

// The flags that work as root on these machines, with no traffic leaving the machine (../shared/DESIGN-NOTES.md).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface HeadlessSession {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts server and browser; progress goes to `log` (stderr by default), never to stdout. */
export async function openHeadlessSession(opts: { y4m?: string; log?: (line: string) => void } = {}): Promise<HeadlessSession> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  // Build the client / fetch models when stale, printing to stderr so stdout stays the command's output.
  const prep = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', 'prepare.ts')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (prep.status !== 0) throw new Error('preparing the web client and models failed (see above)');
  const clientDir = process.env.CLIENT_DIR ?? join(ROOT, 'dist', 'client');
  const modelsDir = process.env.MODELS_DIR ?? join(ROOT, 'models', 'files');
  const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => Boolean(p && existsSync(p)));
  if (!chromium) throw new Error('Chromium is needed: apt-get install -y chromium');
  const dataDir = mkdtempSync(join(tmpdir(), 'shopsee-tryon-'));
  const db: Db = await openDb(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {});
  const config = {
    ...DEFAULTS,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir,
    modelsDir,
    merchantToken: 'headless-tryon',
    cookieSecret: 'headless-tryon-cookie-secret-0123',
    seedDemo: !process.env.DATABASE_URL,
    logLevel: 'silent',
  };
  if (config.seedDemo) await seedDemoCatalog(db.kysely, config);
  let app: ShopApp | null = null;
  let browser: Browser | null = null;
  try {
    app = await createApp({ db, config, logger: false }, features());
    const url = await app.listen(0, '127.0.0.1');
    const { chromium: pw } = await import('playwright-core');
    const camera = opts.y4m ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${opts.y4m}`] : [];
    browser = await pw.launch({ executablePath: chromium, headless: true, args: [...CHROMIUM_ARGS, ...camera] });
    log(`try-on: server ${url}, Chromium ${browser.version()}`);
    const b = browser;
    const a = app;
    return {
      url,
      browser: b,
      async close() {
        await b.close();
        await a.close();
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close();
    await app?.close();
    await db.close();
    throw e;
  }
}
