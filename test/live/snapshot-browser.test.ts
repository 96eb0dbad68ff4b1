/**
 * Sharing a try-on snapshot into the live chat in Chromium: a viewer on the live page follows a
 * card's try-on link, tries the watch on the street photo, shares the snapshot; the host (a real
 * socket.io client) receives it and another viewer's page shows it with its alt text. A muted
 * viewer's second share shows the reason and keeps the snapshot. Screenshots go to test/artifacts/live/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveFeature } from '../../server/live/feature.js';
import type { LiveEvent } from '../../server/protocol/live.js';
import { launchChromium } from '../support/chromium.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { clientDir, modelsDir, ROOT, STREET_PHOTO, waitForPlacement } from '../tryon/support.js';
import { createSession, LiveClient } from './helpers.js';

const SHOTS = join(ROOT, 'test/artifacts/live');
let srv: TestServer;
let browser: Browser;
let host: LiveClient;
let sessionId: string;
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(clientDir(), 'index.html'))) throw new Error(`No built client in ${clientDir()}: run npm run build`);
  srv = await startTestServer({ seed: true, features: [liveFeature()], config: { clientDir: clientDir(), modelsDir: modelsDir() } });
  const created = await createSession(srv.url, srv.merchantToken, 'Watches live');
  sessionId = created.session.id;
  host = await LiveClient.open(srv.url);
  await host.ok('session:join', { v: 1, sessionId, name: 'Host', hostKey: created.hostKey });
  await host.ok('product:push', { productId: 'field-watch-38' });
  browser = await launchChromium(['--enable-unsafe-swiftshader', '--ignore-gpu-blocklist']);
}, 120_000);

afterAll(async () => {
  host?.close();
  await browser?.close();
  await srv?.close();
});

async function viewer(name: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${srv.url}/live/${sessionId}`);
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Join the live' }).click();
  await page.locator('.live-stream [data-product="field-watch-38"]').waitFor({ timeout: 20_000 });
  return page;
}

describe('a try-on snapshot shared into the live chat from the browser', () => {
  it('reaches the host and shows in another viewer’s chat as an image; a muted viewer sees why and keeps the snapshot', async () => {
    const ana = await viewer('Ana');
    const ben = await viewer('Ben');
    const tryOn = ana.locator('.live-stream [data-product="field-watch-38"]').getByRole('link', { name: 'Try on' });
    expect(await tryOn.getAttribute('href')).toBe(`/try-on/field-watch-38?live=${sessionId}`);
    // The photo route (no camera in this browser): same page, same share button.
    await ana.goto(`${srv.url}/try-on/field-watch-38?live=${sessionId}&source=photo`);
    await ana.getByTestId('photo-input').setInputFiles(STREET_PHOTO);
    const placed = (await waitForPlacement(ana, 120_000)) as { kind: string } | null;
    expect(placed?.kind).toBe('wrist');
    await ana.getByRole('button', { name: 'Take a snapshot' }).click();
    await ana.getByTestId('snapshot-link').waitFor({ timeout: 20_000 });
    await ana.getByRole('button', { name: 'Share to live chat' }).click();
    await ana.getByText('Shared.').waitFor({ timeout: 20_000 });

    await host.until(() => host.events.some((e) => e.type === 'chat' && e.image), 10_000, 'the shared snapshot');
    const event = host.events.find((e) => e.type === 'chat' && e.image) as Extract<LiveEvent, { type: 'chat' }>;
    expect(event).toMatchObject({ name: 'Ana', image: { productId: 'field-watch-38', productName: 'Field Watch 38' } });
    const img = await fetch(srv.url + event.image!.url);
    expect(img.headers.get('content-type')).toMatch(/^image\//);
    const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(720);
    expect(Math.max(meta.width!, meta.height!)).toBeGreaterThan(300);

    const shown = ben.getByRole('img', { name: 'Ana tried on Field Watch 38' });
    await shown.waitFor({ timeout: 10_000 });
    expect(await shown.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(meta.width);
    mkdirSync(SHOTS, { recursive: true });
    await ana.screenshot({ path: join(SHOTS, 'share-tryon.png'), fullPage: true });
    await shown.scrollIntoViewIfNeeded();
    await ben.screenshot({ path: join(SHOTS, 'share-chat.png') });

    await host.ok('viewer:mute', { viewerId: event.viewerId, muted: true });
    await ana.getByRole('button', { name: 'Take a snapshot' }).click();
    await ana.getByRole('button', { name: 'Share to live chat' }).click();
    await expect(ana.getByTestId('share-error').textContent({ timeout: 20_000 })).resolves.toMatch(/muted/i);
    expect(await ana.getByTestId('snapshot-link').count()).toBe(1);
    expect(host.events.filter((e) => e.type === 'chat' && e.image)).toHaveLength(1);
    expect(errors).toEqual([]);
  }, 240_000);
});
