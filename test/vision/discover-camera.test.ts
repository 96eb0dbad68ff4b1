/**
 * Camera mode in a real Chromium with a fake camera playing the street photo (a y4m made with
 * ffmpeg): outlines appear over the video, each item keeps its identity from frame to frame, and
 * "Freeze" turns the current frame into a photo whose items can be tapped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../server/discovery/eval/fixtures.js';
import { discoveryFeature } from '../../server/discovery/routes.js';
import { launchChromium } from '../support/chromium.js';
import { startTestServer, type TestServer } from '../support/server.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const tmp = mkdtempSync(join(tmpdir(), 'discover-camera-'));
const video = join(tmp, 'street.y4m');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // 480×720 portrait frames (even sizes for yuv420p), 5 s at 10 fps.
  const ff = spawnSync('ffmpeg', ['-loglevel', 'error', '-loop', '1', '-i', join(FIXTURES, 'fashion', 'street-blazer-sunglasses.jpg'), '-vf', 'scale=480:720', '-t', '5', '-r', '10', '-pix_fmt', 'yuv420p', video]);
  expect(ff.status, String(ff.stderr)).toBe(0);
  server = await startTestServer({ features: [discoveryFeature], config: { clientDir: join(root, 'dist', 'client'), modelsDir: join(root, 'models', 'files') } });
  browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The tracks drawn over the video right now: label → identity. */
const tracks = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.discover-camera .outline')].map((g) => `${g.getAttribute('data-label')}#${g.getAttribute('data-key')}`));

describe('Discover camera mode', () => {
  it('outlines items over the live video with identities that stay put, then freezes a frame to pick from', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, permissions: ['camera'] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/discover`);
    await page.getByRole('button', { name: 'Open the camera' }).click({ timeout: 120_000 });
    await page.waitForFunction(() => document.querySelectorAll('.discover-camera .outline[data-label="eyewear"]').length > 0, undefined, { timeout: 90_000 });
    const first = await tracks(page);
    // Several more processed frames: the same items must keep the same ids (no flicker, no re-numbering).
    await page.waitForTimeout(6000);
    const later = await tracks(page);
    const eyewear = first.filter((t) => t.startsWith('eyewear#'));
    expect(eyewear).toHaveLength(1);
    expect(later).toContain(eyewear[0]);
    const stable = first.filter((t) => later.includes(t)).length / first.length;
    expect(stable).toBeGreaterThanOrEqual(0.8);

    await page.getByRole('button', { name: 'Freeze and pick an item' }).click();
    const items = page.getByRole('group', { name: 'Items found in the photo' });
    await items.waitFor({ timeout: 90_000 });
    await expect(items.getByRole('button', { name: 'eyewear' }).count()).resolves.toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
