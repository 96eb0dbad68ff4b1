/**
 * Shared set-up of the try-on browser tests, CLI and benchmark: a fake-camera video made from a
 * photo with ffmpeg, a real shop server with the built client, model files and the demo catalog,
 * and Chromium pointed at it with the fake camera.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { startTestServer, type TestServer } from '../support/server.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const STREET_PHOTO = resolve(ROOT, '../shared/fixtures/fashion/street-blazer-sunglasses.jpg');
/** A face photo shipped with @vladmandic/human: the demo's camera still, cropped to the face. */
export const FACE_SOURCE = { file: join(ROOT, 'node_modules/@vladmandic/human/assets/screenshot-faceid.jpg'), filter: 'crop=140:140:14:142,scale=420:420,pad=640:480:110:30:black' };
export const ARTIFACTS = join(ROOT, 'test/artifacts/tryon');

/** Runs ffmpeg; throws with its message when it fails. */
export function ffmpeg(args: string[]): void {
  const r = spawnSync('ffmpeg', ['-loglevel', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr || r.error?.message}`);
}

/** A 640x480 still made from a photo (cropped/padded by `filter`), as PNG and as a fake-camera y4m. */
export function cameraFromPhoto(name: string, file: string, filter: string, seconds = 2): { png: string; y4m: string } {
  const dir = join(tmpdir(), 'shopsee-tryon');
  mkdirSync(dir, { recursive: true });
  const png = join(dir, `${name}.png`);
  const y4m = join(dir, `${name}.y4m`);
  if (!existsSync(y4m) || statSync(y4m).mtimeMs < statSync(file).mtimeMs) {
    ffmpeg(['-i', file, '-vf', filter, '-frames:v', '1', png]);
    ffmpeg(['-loop', '1', '-i', png, '-t', String(seconds), '-r', '15', '-pix_fmt', 'yuv420p', y4m]);
  }
  return { png, y4m };
}

/** The street photo scaled into 640x480 (letterboxed), for the wrist and face still tests. */
export const STREET_FILTER = 'scale=-2:480,pad=640:480:(ow-iw)/2:0:black';

export const clientDir = () => process.env.TRYON_CLIENT_DIR ?? join(ROOT, 'dist/client');
export const modelsDir = () => process.env.MODELS_DIR ?? join(ROOT, 'models/files');

/** A real shop server with the demo catalog, the built client and the model files. */
export function startTryOnServer(): Promise<TestServer> {
  if (!existsSync(join(clientDir(), 'index.html'))) throw new Error(`No built client in ${clientDir()}: run npm run build`);
  if (!existsSync(join(modelsDir(), 'face-landmarker'))) throw new Error(`No model files in ${modelsDir()}: run npm run models`);
  return startTestServer({ seed: true, config: { clientDir: clientDir(), modelsDir: modelsDir() } });
}

/** Chromium with a fake camera playing `y4m` (or none: then getUserMedia finds no camera). */
export function launchWithCamera(y4m?: string): Promise<Browser> {
  const camera = y4m ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`] : [];
  return launchChromium([...camera, '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist']);
}

/** Waits until the page's try-on reports a placement (or an error), up to `ms`. */
export async function waitForPlacement(page: Page, ms = 60_000): Promise<unknown> {
  await page.waitForFunction(() => Boolean(window.__shopseeTryOn?.summary || window.__shopseeTryOn?.error || document.querySelector('[data-seen="none"]')), undefined, { timeout: ms, polling: 200 });
  return page.evaluate(() => window.__shopseeTryOn?.summary ?? null);
}
