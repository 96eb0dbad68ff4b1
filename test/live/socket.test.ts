/**
 * Live sessions on a real server (port 0) with real socket.io clients: for each event, the
 * sender's ack and what every other client received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../server/protocol/live.js';
import { Shopper } from '../support/http.js';
import type { TestServer } from '../support/server.js';
import { createProduct, createSession, LiveClient, sleep, startLiveServer } from './helpers.js';

let srv: TestServer;
let host: LiveClient;
let a: LiveClient;
let b: LiveClient;
let sessionId: string;
let hostKey: string;
const products: string[] = [];
let aViewerId = '';
let bViewerId = '';

const lastEvent = (c: LiveClient) => c.events[c.events.length - 1];
const countType = (c: LiveClient, type: LiveEvent['type']) => c.events.filter((e) => e.type === type).length;

beforeAll(async () => {
  srv = await startLiveServer();
  for (let i = 0; i < 5; i++) {
    products.push(await createProduct(srv.url, srv.merchantToken, { name: `Watch ${i}`, stock: 10 + i, price: { amount: 10_000 + i, currency: 'EUR' } }));
  }
  const created = await createSession(srv.url, srv.merchantToken);
  sessionId = created.session.id;
  hostKey = created.hostKey;
  host = await LiveClient.open(srv.url);
  a = await LiveClient.open(srv.url);
  b = await LiveClient.open(srv.url);
});

afterAll(async () => {
  for (const c of [host, a, b]) c?.close();
  await srv?.close();
});

describe('a live session over sockets', () => {
  it('creating a session needs the merchant token and gives host and viewer links with a QR code', async () => {
    const anon = await new Shopper(srv.url).post('/api/live/sessions', { title: 'x' });
    expect(anon.status).toBe(401);
    const created = await createSession(srv.url, srv.merchantToken, 'Another');
    expect(created.hostPath).toMatch(new RegExp(`^/live/${created.session.id}/host#key=`));
    expect(created.viewerUrl.endsWith(`/live/${created.session.id}`)).toBe(true);
    expect(created.qrSvg).toContain('<svg');
    const list = await new Shopper(srv.url, srv.merchantToken).get('/api/live/sessions');
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([sessionId, created.session.id]));
  });

  it('the host joins with the host key, viewers join with a display name; a wrong key is FORBIDDEN', async () => {
    const bad = await a.emit('session:join', { v: 1, sessionId, name: 'Mallory', hostKey: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const h = await host.ok('session:join', { v: 1, sessionId, name: 'Host', hostKey });
    expect(h.role).toBe('host');
    expect(h.figures).toMatchObject({ pushes: 0, orders: 0 });
    const ja = await a.ok('session:join', { v: 1, sessionId, name: 'Ana' });
    const jb = await b.ok('session:join', { v: 1, sessionId, name: 'Ben' });
    expect(ja.role).toBe('viewer');
    expect(ja.hostSocketId).toBe(host.socket.id);
    expect(ja.viewerId).not.toBe(jb.viewerId);
    aViewerId = ja.viewerId;
    bViewerId = jb.viewerId;
    await host.until(() => host.named('viewers:count').some(([v]) => (v as { now: number }).now === 2), 5000, 'viewer count 2');
    await a.until(() => a.named('viewers:count').length > 0, 5000, 'viewer count on a viewer');
  });

  it('an unknown protocol version is answered PROTOCOL_VERSION', async () => {
    const c = await LiveClient.open(srv.url);
    expect(await c.emit('session:join', { v: 99, sessionId, name: 'Old' })).toMatchObject({ ok: false, error: { code: 'PROTOCOL_VERSION' } });
    expect(await c.emit('chat:send', { text: 'hi' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    c.close();
  });

  it('chat: the sender gets its numbered message in the ack, everyone else gets it once, as text', async () => {
    const before = { host: host.events.length, b: b.events.length, a: a.events.length };
    const ack = await a.ok('chat:send', { text: '<img src=x onerror=alert(1)> hello' });
    expect(ack.event).toMatchObject({ type: 'chat', text: '<img src=x onerror=alert(1)> hello', name: 'Ana', host: false });
    await host.until(() => host.events.length === before.host + 1, 3000, 'host chat');
    await b.until(() => b.events.length === before.b + 1, 3000, 'b chat');
    expect(lastEvent(host)).toEqual(ack.event);
    expect(lastEvent(b)).toEqual(ack.event);
    await sleep(50);
    expect(a.events.length).toBe(before.a); // the sender is not echoed: its copy came in the ack
  });

  it('product push: viewers get the card with photo, price and live stock; a viewer pushing is FORBIDDEN', async () => {
    const denied = await a.emit('product:push', { productId: products[0]! });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ack = await host.ok('product:push', { productId: products[0]! });
    expect(ack.event).toMatchObject({ type: 'product:pushed', product: { id: products[0], stock: 10, price: { amount: 10_000, currency: 'EUR' } } });
    for (const c of [a, b]) await c.until(() => lastEvent(c)?.seq === ack.event.seq, 3000, 'push');
    expect(lastEvent(a)).toEqual(ack.event);
    expect(countType(a, 'product:pushed')).toBe(1);
    expect(countType(host, 'product:pushed')).toBe(0);
  });

  it('pins: three stay pinned, a fourth drops the oldest, everyone sees the same pins', async () => {
    let seq = 0;
    for (const p of products.slice(0, 4)) seq = (await host.ok('product:pin', { productId: p, pinned: true })).event.seq;
    for (const c of [a, b]) await c.until(() => lastEvent(c)?.seq === seq, 3000, 'pins');
    const last = lastEvent(b) as Extract<LiveEvent, { type: 'pins:changed' }>;
    expect(last.pins.map((p) => p.id)).toEqual(products.slice(1, 4));
    expect(await a.emit('product:pin', { productId: products[1]!, pinned: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unpin = await host.ok('product:pin', { productId: products[1]!, pinned: false });
    expect((unpin.event as typeof last).pins.map((p) => p.id)).toEqual(products.slice(2, 4));
  });

  it('the host deletes a message: others are told, and the log no longer holds its text', async () => {
    const msg = await b.ok('chat:send', { text: 'spam spam' });
    expect(await a.emit('chat:delete', { seq: msg.event.seq })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const del = await host.ok('chat:delete', { seq: msg.event.seq });
    expect(del.event).toMatchObject({ type: 'chat:deleted', target: msg.event.seq });
    await a.until(() => lastEvent(a)?.seq === del.event.seq, 3000, 'delete');
    const replay = await new Shopper(srv.url).get(`/api/live/sessions/${sessionId}/replay`);
    const stored = replay.body.events.find((e: LiveEvent) => e.seq === msg.event.seq);
    expect(stored.text).toBe('');
    expect(await host.emit('chat:delete', { seq: del.event.seq })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a muted viewer gets MUTED on chat while others see the moderation; unmuting restores chat', async () => {
    const mute = await host.ok('viewer:mute', { viewerId: aViewerId, muted: true });
    expect(mute.event).toMatchObject({ type: 'viewer:moderated', viewerId: aViewerId, muted: true, banned: false });
    await b.until(() => lastEvent(b)?.seq === mute.event.seq, 3000, 'mute');
    const n = b.events.length;
    expect(await a.emit('chat:send', { text: 'let me talk' })).toMatchObject({ ok: false, error: { code: 'MUTED' } });
    await host.ok('viewer:mute', { viewerId: aViewerId, muted: false });
    expect((await a.emit('chat:send', { text: 'thanks' })).ok).toBe(true);
    await b.until(() => b.events.length === n + 2, 3000, 'unmute + chat');
    expect(b.events.slice(n).map((e) => e.type)).toEqual(['viewer:moderated', 'chat']);
  });

  it('chat is rate limited per viewer: the sixth message in ten seconds gets RATE_LIMITED and reaches nobody', async () => {
    const c = await LiveClient.open(srv.url);
    await c.ok('session:join', { v: 1, sessionId, name: 'Chatty' });
    const n = b.events.length;
    const acks = [];
    for (let i = 0; i < 6; i++) acks.push(await c.emit('chat:send', { text: `msg ${i}` }));
    expect(acks.slice(0, 5).every((x) => x.ok)).toBe(true);
    expect(acks[5]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    await b.until(() => b.events.length >= n + 5, 3000, 'five chats');
    await sleep(100);
    expect(b.events.length).toBe(n + 5);
    c.close();
  });

  it('add to cart puts the product in the viewer’s own shop cart and the host’s adds figure rises', async () => {
    const ack = await a.ok('cart:add', { productId: products[0]! });
    expect(ack.cart.lines).toHaveLength(1);
    expect(ack.cart.lines[0]).toMatchObject({ productId: products[0], quantity: 1, unitPrice: { amount: 10_000 } });
    const cart = await a.shopper.get('/api/cart');
    expect(cart.body.itemCount).toBe(1);
    expect((await b.shopper.get('/api/cart')).body.itemCount).toBe(0);
    await host.until(() => host.named('host:figures').some(([f]) => (f as { addsToCart: number }).addsToCart >= 1), 3000, 'figures');
    expect(await a.emit('cart:add', { productId: 'no-such-product' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a flash deal: everyone gets the server-time window, adds reserve stock at the deal price, the per-viewer limit holds', async () => {
    expect(await a.emit('deal:start', { productId: products[4]!, priceMinor: 5000, durationSeconds: 60, quantity: 5, perViewer: 2 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const start = await host.ok('deal:start', { productId: products[4]!, priceMinor: 5000, durationSeconds: 60, quantity: 5, perViewer: 2 });
    expect(new Date(start.deal.endsAt).getTime() - new Date(start.deal.startsAt).getTime()).toBe(60_000);
    for (const c of [a, b]) await c.until(() => c.events.some((e) => e.type === 'deal:started'), 3000, 'deal');
    expect(a.events.find((e) => e.type === 'deal:started')).toEqual(start.event);
    expect(await host.emit('deal:start', { productId: products[3]!, priceMinor: 1, durationSeconds: 10, quantity: 1, perViewer: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const add = await b.ok('cart:add', { productId: products[4]!, quantity: 2, dealId: start.deal.id });
    expect(add.cart.lines[0]).toMatchObject({ productId: products[4], quantity: 2, unitPrice: { amount: 5000 } });
    expect(add.deal?.remaining).toBe(3);
    expect(await b.emit('cart:add', { productId: products[4]!, dealId: start.deal.id })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    // Everyone sees the product's stock drop by the two reserved units (14 → 12).
    for (const c of [a, host]) {
      await c.until(() => c.events.some((e) => e.type === 'stock:changed' && e.productId === products[4] && e.stock === 12), 3000, 'stock');
    }
    const product = await new Shopper(srv.url).get(`/api/products/${products[4]}`);
    expect(product.body.stock).toBe(12);
  });

  it('reactions reach the others as a burst', async () => {
    await a.ok('reaction:send', { kind: 'heart' });
    await a.ok('reaction:send', { kind: 'heart' });
    await b.until(() => b.named('reaction:burst').some(([r]) => ((r as { heart?: number }).heart ?? 0) >= 2), 3000, 'hearts');
  });

  it('WebRTC signalling is relayed only between the host and a viewer of the session', async () => {
    const req = await a.ok('rtc:request', {});
    expect(req.hostSocketId).toBe(host.socket.id);
    await host.until(() => host.named('rtc:request').length > 0, 3000, 'rtc request');
    const [r] = host.named('rtc:request').at(-1)! as [{ from: string; viewerId: string }];
    expect(r).toEqual({ from: a.socket.id, viewerId: aViewerId });
    await host.ok('rtc:signal', { to: r.from, description: { type: 'offer', sdp: 'v=0 fake' } });
    await a.until(() => a.named('rtc:signal').length > 0, 3000, 'offer');
    expect(a.named('rtc:signal')[0]![0]).toEqual({ from: host.socket.id, description: { type: 'offer', sdp: 'v=0 fake' } });
    expect(await a.emit('rtc:signal', { to: b.socket.id!, description: { type: 'answer', sdp: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(b.named('rtc:signal')).toHaveLength(0);
  });

  it('a checkout carrying the session id shows up in the host’s orders and revenue', async () => {
    const res = await a.shopper.post('/api/checkout', { sessionId }, { 'idempotency-key': 'live-checkout-1' });
    expect(res.status).toBe(201);
    await host.until(
      () => host.named('host:figures').some(([f]) => (f as { orders: number; revenueMinor: number }).orders === 1 && (f as { revenueMinor: number }).revenueMinor === 10_000),
      3000,
      'order figures',
    );
  });

  it('the host bans a viewer: it is kicked, others are told, and it cannot join again', async () => {
    const ban = await host.ok('viewer:ban', { viewerId: bViewerId });
    expect(ban.event).toMatchObject({ type: 'viewer:moderated', viewerId: bViewerId, banned: true });
    await b.until(() => b.named('session:kicked').length === 1 && !b.socket.connected, 3000, 'kick');
    await a.until(() => lastEvent(a)?.seq === ban.event.seq, 3000, 'ban seen');
    const again = await LiveClient.open(srv.url, { shopper: b.shopper });
    expect(await again.emit('session:join', { v: 1, sessionId, name: 'Ben again' })).toMatchObject({ ok: false, error: { code: 'BANNED' } });
    again.close();
  });

  it('ending the session gives the host a summary, tells everyone, and refuses further actions', async () => {
    const end = await host.ok('session:end', {});
    expect(end.summary).toMatchObject({ orders: 1, revenueMinor: 10_000, pushes: 1, addsToCart: 2 });
    expect(end.summary.viewersPeak).toBeGreaterThanOrEqual(2);
    await a.until(() => lastEvent(a)?.type === 'session:ended', 3000, 'end');
    expect(await a.emit('chat:send', { text: 'still here?' })).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
    expect(await host.emit('product:push', { productId: products[0]! })).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
    const replay = await new Shopper(srv.url).get(`/api/live/sessions/${sessionId}/replay`);
    expect(replay.body.session.status).toBe('ended');
    const seqs = replay.body.events.map((e: LiveEvent) => e.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
  });
});
