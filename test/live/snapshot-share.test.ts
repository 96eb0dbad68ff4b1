/**
 * Sharing a try-on snapshot into a live chat, on a real server with real socket.io clients (a
 * host and two viewers): the sender's answer, what the others received, reconnect and replay,
 * host deletion, and every refused input leaving no file and no log entry behind.
 */
import { readdir } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaDir } from '../../server/media/photos.js';
import { LIMITS, type LiveEvent } from '../../server/protocol/live.js';
import { Shopper } from '../support/http.js';
import type { TestServer } from '../support/server.js';
import { createProduct, createSession, LiveClient, startLiveServer } from './helpers.js';

const PHOTO = new URL('../../../shared/fixtures/fashion/street-blazer-sunglasses.jpg', import.meta.url).pathname;

let srv: TestServer;
let host: LiveClient;
let a: LiveClient;
let b: LiveClient;
let sessionId: string;
let hostKey: string;
let productId: string;
let snapshotJpeg: Buffer;

type Chat = Extract<LiveEvent, { type: 'chat' }>;

/** Posts a snapshot the way the try-on page does: multipart field "photo", product in the query. */
function share(who: Shopper, bytes: Buffer | string, opts: { session?: string; product?: string; type?: string } = {}) {
  const form = new FormData();
  form.append('photo', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type: opts.type ?? 'image/jpeg' }), 'snapshot.jpg');
  return who.post(`/api/live/sessions/${opts.session ?? sessionId}/snapshots?productId=${opts.product ?? productId}`, form);
}

async function mediaFiles(): Promise<number> {
  return (await readdir(mediaDir(srv.config.dataDir)).catch(() => [])).length;
}

async function lastSeq(id = sessionId): Promise<number> {
  return (await new Shopper(srv.url).get(`/api/live/sessions/${id}`)).body.lastSeq as number;
}

beforeAll(async () => {
  srv = await startLiveServer();
  productId = await createProduct(srv.url, srv.merchantToken, { name: 'Aviator Sunglasses', category: 'sunglasses' });
  const created = await createSession(srv.url, srv.merchantToken);
  sessionId = created.session.id;
  hostKey = created.hostKey;
  host = await LiveClient.open(srv.url);
  a = await LiveClient.open(srv.url);
  b = await LiveClient.open(srv.url);
  await host.ok('session:join', { v: 1, sessionId, name: 'Host', hostKey });
  await a.ok('session:join', { v: 1, sessionId, name: 'Ana' });
  await b.ok('session:join', { v: 1, sessionId, name: 'Ben' });
  // A real photo, downscaled like the page does (720 px, JPEG).
  snapshotJpeg = await sharp(PHOTO).resize(720, 720, { fit: 'inside' }).jpeg({ quality: 80 }).toBuffer();
});

afterAll(async () => {
  for (const c of [host, a, b]) c?.close();
  await srv?.close();
});

describe('sharing a try-on snapshot into the live chat', () => {
  it('the sender gets the chat event; the host and the other viewer receive it once with a fetchable image', async () => {
    expect(snapshotJpeg.length).toBeLessThan(LIMITS.snapshotMaxBytes);
    const res = await share(a.shopper, snapshotJpeg);
    expect(res.status).toBe(201);
    const event = res.body.event as Chat;
    expect(event).toMatchObject({ type: 'chat', name: 'Ana', host: false, text: 'tried on Aviator Sunglasses' });
    expect(event.image).toMatchObject({ productId, productName: 'Aviator Sunglasses' });
    expect(Math.max(event.image!.width, event.image!.height)).toBeLessThanOrEqual(LIMITS.snapshotMaxSide);
    expect(event.image!.width).toBeGreaterThan(100);

    for (const c of [host, b, a]) await c.until(() => c.events.some((e) => e.seq === event.seq), 5000, 'the snapshot event');
    for (const c of [host, b, a]) {
      const got = c.events.filter((e) => e.seq === event.seq);
      expect(got).toHaveLength(1);
      expect(got[0]).toEqual(event);
    }
    const img = await fetch(srv.url + event.image!.url);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toMatch(/^image\//);
    const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
    expect(meta.width).toBe(event.image!.width);
  });

  it('a viewer who reconnects with the last number it saw receives the snapshot once; a late joiner sees it in the recent chat', async () => {
    const seen = b.events[b.events.length - 1]?.seq ?? 0;
    b.close();
    const res = await share(a.shopper, snapshotJpeg);
    expect(res.status).toBe(201);
    const seq = (res.body.event as Chat).seq;
    b = await LiveClient.open(srv.url, { shopper: b.shopper });
    const joined = await b.ok('session:join', { v: 1, sessionId, name: 'Ben', lastSeq: seen });
    await new Promise((r) => setTimeout(r, 200));
    const all = [...joined.events, ...b.events].filter((e) => e.seq === seq);
    expect(all).toHaveLength(1);
    expect((all[0] as Chat).image?.productId).toBe(productId);

    const late = await LiveClient.open(srv.url);
    const lj = await late.ok('session:join', { v: 1, sessionId, name: 'Late' });
    expect(lj.events.filter((e) => e.type === 'chat' && e.image).map((e) => e.seq)).toContain(seq);
    late.close();
  });

  it('the host deletes a snapshot like any message: the event is scrubbed from replays and its files are removed', async () => {
    const res = await share(b.shopper, snapshotJpeg);
    expect(res.status).toBe(201);
    const event = res.body.event as Chat;
    const before = await mediaFiles();
    const del = await host.ok('chat:delete', { seq: event.seq });
    expect(del.event).toMatchObject({ type: 'chat:deleted', target: event.seq });
    await a.until(() => a.events.some((e) => e.type === 'chat:deleted' && e.target === event.seq), 5000, 'the delete');
    expect(await mediaFiles()).toBe(before - 2);
    expect((await fetch(srv.url + event.image!.url)).status).toBe(404);
    const replay = await new Shopper(srv.url).get(`/api/live/sessions/${sessionId}/replay`);
    const scrubbed = (replay.body.events as LiveEvent[]).find((e) => e.seq === event.seq) as Chat;
    expect(scrubbed.text).toBe('');
    expect(scrubbed.image).toBeUndefined();
  });
});

describe('a refused snapshot says why with a stable code and writes nothing', () => {
  async function refused(run: () => Promise<{ status: number; body: any }>, status: number, code: string, session = sessionId) {
    const files = await mediaFiles();
    const seq = await lastSeq(session);
    const aBefore = a.events.length;
    const res = await run();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(10);
    expect(await mediaFiles()).toBe(files);
    expect(await lastSeq(session)).toBe(seq);
    expect(a.events.length).toBe(aBefore);
  }

  it('not an image, too many bytes, too many pixels, empty', async () => {
    await refused(() => share(a.shopper, 'hello, I am not a picture', { type: 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const noisy = await sharp(Buffer.from(Array.from({ length: 700 * 700 * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: 700, height: 700, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noisy.length).toBeGreaterThan(LIMITS.snapshotMaxBytes);
    await refused(() => share(a.shopper, noisy, { type: 'image/png' }), 413, 'PAYLOAD_TOO_LARGE');
    const wide = await sharp(PHOTO).resize(1200).jpeg({ quality: 30 }).toBuffer();
    expect(wide.length).toBeLessThan(LIMITS.snapshotMaxBytes);
    await refused(() => share(a.shopper, wide), 413, 'PAYLOAD_TOO_LARGE');
    await refused(() => share(a.shopper, Buffer.alloc(0)), 400, 'VALIDATION_FAILED');
  });

  it('unknown session, unknown product, a shopper who never joined', async () => {
    await refused(() => share(a.shopper, snapshotJpeg, { session: 'live_nope' }), 404, 'NOT_FOUND');
    await refused(() => share(a.shopper, snapshotJpeg, { product: 'nope' }), 404, 'NOT_FOUND');
    await refused(() => share(new Shopper(srv.url), snapshotJpeg), 403, 'FORBIDDEN');
  });

  it('a muted viewer, then a banned one', async () => {
    const m = await LiveClient.open(srv.url);
    const joined = await m.ok('session:join', { v: 1, sessionId, name: 'Mo' });
    await host.ok('viewer:mute', { viewerId: joined.viewerId, muted: true });
    await a.until(() => a.events.some((e) => e.type === 'viewer:moderated' && e.viewerId === joined.viewerId), 5000, 'mute');
    await refused(() => share(m.shopper, snapshotJpeg), 403, 'MUTED');
    await host.ok('viewer:ban', { viewerId: joined.viewerId });
    await a.until(() => a.events.some((e) => e.type === 'viewer:moderated' && e.viewerId === joined.viewerId && e.banned), 5000, 'ban');
    await refused(() => share(m.shopper, snapshotJpeg), 403, 'BANNED');
    m.close();
  });

  it('a viewer over the chat rate limit (chat and snapshots share it)', async () => {
    const r = await LiveClient.open(srv.url);
    await r.ok('session:join', { v: 1, sessionId, name: 'Rita' });
    for (let i = 0; i < LIMITS.chatPerWindow; i++) await r.ok('chat:send', { text: `hi ${i}` });
    await a.until(() => a.events.filter((e) => e.type === 'chat' && e.name === 'Rita').length === LIMITS.chatPerWindow, 5000, 'chat');
    await refused(() => share(r.shopper, snapshotJpeg), 429, 'RATE_LIMITED');
    r.close();
  });

  it('an ended session', async () => {
    const other = await createSession(srv.url, srv.merchantToken, 'Over');
    const h = await LiveClient.open(srv.url);
    const v = await LiveClient.open(srv.url);
    await h.ok('session:join', { v: 1, sessionId: other.session.id, name: 'Host', hostKey: other.hostKey });
    await v.ok('session:join', { v: 1, sessionId: other.session.id, name: 'Vi' });
    await h.ok('session:end', {});
    await refused(() => share(v.shopper, snapshotJpeg, { session: other.session.id }), 410, 'SESSION_ENDED', other.session.id);
    h.close();
    v.close();
  });
});
