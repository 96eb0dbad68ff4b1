/**
 * Try-on in a real headless Chromium against a real shop server: a fake camera playing a face photo
 * gets glasses drawn over the eyes; the street photo uploaded by the photo route gets a watch on a
 * wrist; a refused camera explains itself and offers the photo route. Screenshots go to
 * test/artifacts/tryon/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { probeLayer } from './pixels.js';
import { ARTIFACTS, cameraFromPhoto, FACE_SOURCE, ffmpeg, launchWithCamera, STREET_PHOTO, startTryOnServer, waitForPlacement } from './support.js';

const VIEWPORT = { width: 420, height: 900 };

describe('try-on in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTryOnServer();
    browser = await launchWithCamera(cameraFromPhoto('face', FACE_SOURCE.file, FACE_SOURCE.filter).y4m);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws sunglasses over both eyes of the face the front camera sees, at the frame width the iris scale gives', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${server.url}/try-on/aviator-gold`);
    const summary = (await waitForPlacement(page, 90_000)) as { kind: string; widthPx: number; pxPerMm: number; centre: { x: number; y: number }; rollDeg: number };
    expect(summary?.kind).toBe('eyewear');
    // Let the smoothing settle on the still picture.
    await page.waitForFunction(() => (window.__shopseeTryOn?.loop?.frames ?? 0) >= 4, undefined, { timeout: 60_000 });
    const { eyes, summary: s } = await page.evaluate(() => ({ eyes: window.__shopseeTryOn!.eyes!, summary: window.__shopseeTryOn!.summary as { widthPx: number; pxPerMm: number; centre: { x: number; y: number }; rollDeg: number } }));
    // The fake camera is the front camera: the picture is mirrored, so the subject's right eye is on the right.
    expect(eyes.right.x).toBeGreaterThan(eyes.left.x);
    const eyeY = (eyes.left.y + eyes.right.y) / 2;
    const chin = { x: (eyes.left.x + eyes.right.x) / 2, y: eyeY + 1.6 * Math.abs(eyes.right.x - eyes.left.x) };
    const probe = await probeLayer(page, [eyes.left, eyes.right, chin], eyeY);
    // Tinted lenses (opacity 0.8) cover each pupil; nothing is drawn on the chin.
    expect(probe.alphaNear[0]).toBeGreaterThan(150);
    expect(probe.alphaNear[1]).toBeGreaterThan(150);
    expect(probe.alphaNear[2]).toBe(0);
    // The drawn frame spans the eyes, about as wide as the 140 mm frame at this face's scale.
    const [lo, hi] = probe.rowExtent!;
    expect(lo).toBeLessThan(eyes.left.x - 20);
    expect(hi).toBeGreaterThan(eyes.right.x + 20);
    expect(Math.abs(hi - lo - s.widthPx) / s.widthPx).toBeLessThan(0.12);
    expect(Math.abs(s.widthPx / s.pxPerMm - 140)).toBeLessThan(3);
    expect(Math.abs(s.centre.y - eyeY)).toBeLessThan(0.2 * (eyes.right.x - eyes.left.x));
    expect(Math.abs(s.rollDeg)).toBeLessThan(8);
    // The fit panel shows a plausible adult PD (54-74 mm) with its honest note.
    const pd = Number((await page.getByTestId('fit-pd').textContent())!.replace(/\D+/g, ''));
    expect(pd).toBeGreaterThan(54);
    expect(pd).toBeLessThan(74);
    await expect(page.getByText(/an estimate/i).count()).resolves.toBeGreaterThan(0);
    // The snapshot composites camera and glasses: the eyes are darker there than in the bare picture.
    await page.getByRole('button', { name: 'Take a snapshot' }).click();
    const link = page.getByTestId('snapshot-link');
    await link.waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=tryon-stage]').screenshot({ path: join(ARTIFACTS, 'glasses-on-face.png') });
    await page.close();
  });

  it('puts the watch on a wrist of the street photo sent through the photo route, sized by the hand, and says so when a photo has no hand', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${server.url}/try-on/field-watch-38?source=photo`);
    await page.getByTestId('photo-input').setInputFiles(STREET_PHOTO);
    const s = (await waitForPlacement(page, 90_000)) as { kind: string; centre: { x: number; y: number }; diameterPx: number; pxPerMm: number } | null;
    expect(s?.kind).toBe('wrist');
    const hand = await page.evaluate(() => {
      const r = window.__shopseeTryOn!.lastResult!;
      const h = r.hands[0]!;
      return { wrist: { x: h.landmarks[0]! * r.width, y: h.landmarks[1]! * r.height }, middle: { x: h.landmarks[27]! * r.width, y: h.landmarks[28]! * r.height } };
    });
    const palm = Math.hypot(hand.middle.x - hand.wrist.x, hand.middle.y - hand.wrist.y);
    // The case sits on the wrist: within a palm's length of the wrist landmark, on the forearm side.
    expect(Math.hypot(s!.centre.x - hand.wrist.x, s!.centre.y - hand.wrist.y)).toBeLessThan(palm);
    // The street photo's hands are at the bottom right and left; the watch is in the lower half.
    expect(s!.centre.y).toBeGreaterThan(1024 / 2);
    // 38 mm against a ~90 mm palm: the case is about 0.3-0.6 palm lengths across.
    expect(s!.diameterPx / palm).toBeGreaterThan(0.25);
    expect(s!.diameterPx / palm).toBeLessThan(0.7);
    const probe = await probeLayer(page, [s!.centre], s!.centre.y, 2);
    expect(probe.alphaNear[0]).toBeGreaterThan(200);
    // Only the watch is drawn: a small part of the picture.
    expect(probe.coverage).toBeGreaterThan(0.0005);
    expect(probe.coverage).toBeLessThan(0.02);
    await page.locator('[data-testid=tryon-stage]').screenshot({ path: join(ARTIFACTS, 'watch-on-wrist.png') });

    // A photo with nobody in it: a clear message, and the watch is not left hanging anywhere.
    const wall = join(ARTIFACTS, 'empty-wall.png');
    ffmpeg(['-f', 'lavfi', '-i', 'color=c=0xb0a898:s=640x480', '-frames:v', '1', wall]);
    await page.getByTestId('photo-input').setInputFiles(wall);
    await page.locator('[data-seen="none"]').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('tryon-status').textContent()).resolves.toMatch(/No hand found in this photo/);
    expect(await page.evaluate(() => window.__shopseeTryOn?.summary ?? null)).toBeNull();
    expect((await probeLayer(page, [{ x: 320, y: 240 }], 240)).coverage).toBe(0);
    await page.close();
  });

  it('explains a refused camera and offers the photo route instead', async () => {
    // Without the fake-UI flag headless Chromium refuses the camera permission.
    const { launchChromium } = await import('../support/chromium.js');
    const refusing = await launchChromium(['--use-fake-device-for-media-stream']);
    try {
      const page = await refusing.newPage({ viewport: VIEWPORT });
      await page.goto(`${server.url}/try-on/aviator-gold`);
      const problem = page.getByTestId('camera-problem');
      await problem.waitFor({ timeout: 60_000 });
      await expect(problem.textContent()).resolves.toMatch(/refused|No camera/);
      await expect(problem.textContent()).resolves.toMatch(/upload a photo/i);
      await expect(page.locator('label.tryon-upload').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('photo-input').count()).resolves.toBe(1);
    } finally {
      await refusing.close();
    }
  });
});
