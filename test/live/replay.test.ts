/**
 * Missed events after a drop or a reload arrive exactly once, in order: Socket.IO's connection
 * state recovery for a short drop, the numbered log (join with lastSeq) after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveFeed } from '../../client/live/feed.js';
import type { LiveEvent } from '../../server/protocol/live.js';
import type { TestServer } from '../support/server.js';
import { createProduct, createSession, LiveClient, sleep, startLiveServer } from './helpers.js';

let srv: TestServer;
let host: LiveClient;
let sessionId: string;
const products: string[] = [];

beforeAll(async () => {
  srv = await startLiveServer();
  for (let i = 0; i < 5; i++) products.push(await createProduct(srv.url, srv.merchantToken, { name: `Bag ${i}`, category: 'bags' }));
  const s = await createSession(srv.url, srv.merchantToken);
  sessionId = s.session.id;
  host = await LiveClient.open(srv.url);
  await host.ok('session:join', { v: 1, sessionId, name: 'Host', hostKey: s.hostKey });
});

afterAll(async () => {
  host?.close();
  await srv?.close();
});

/** The host pushes the five products and sends two chat messages; returns the seven events. */
async function pushFiveAndChat(): Promise<LiveEvent[]> {
  const out: LiveEvent[] = [];
  for (const p of products) out.push((await host.ok('product:push', { productId: p })).event);
  out.push((await host.ok('chat:send', { text: 'all five are live' })).event);
  out.push((await host.ok('chat:send', { text: 'go go go' })).event);
  return out;
}

describe('replay after a drop or a reload', () => {
  it('a viewer whose connection drops gets every missed push and chat once, in order, when it reconnects', async () => {
    const viewer = await LiveClient.open(srv.url, { reconnection: true });
    await viewer.ok('session:join', { v: 1, sessionId, name: 'Dropper' });
    // Recovery resumes from the last broadcast the client saw (its offset); wait for the first one.
    await viewer.until(() => viewer.named('viewers:count').length > 0, 5000, 'first broadcast');
    const before = viewer.events.length;
    const reconnected = new Promise<void>((resolve) => viewer.socket.io.once('reconnect', () => resolve()));
    viewer.socket.io.engine.close(); // a network drop, not a deliberate disconnect
    await sleep(100);
    expect(viewer.socket.connected).toBe(false);
    const sent = await pushFiveAndChat();
    await reconnected;
    await viewer.until(() => viewer.events.length >= before + sent.length, 5000, 'missed events');
    await sleep(200);
    expect(viewer.socket.recovered).toBe(true);
    expect(viewer.events.slice(before)).toEqual(sent);
    viewer.close();
  });

  it('after a full reload (new socket, same viewer) join with the last number seen returns exactly the missed events', async () => {
    const first = await LiveClient.open(srv.url);
    const joined = await first.ok('session:join', { v: 1, sessionId, name: 'Reloader' });
    const seen = joined.session.lastSeq;
    const viewerId = joined.viewerId;
    first.close();
    const sent = await pushFiveAndChat();

    const again = await LiveClient.open(srv.url, { shopper: first.shopper });
    const ack = await again.ok('session:join', { v: 1, sessionId, name: 'Reloader', lastSeq: seen });
    expect(ack.viewerId).toBe(viewerId);
    expect(ack.events).toEqual(sent);
    // Nothing else arrives on the wire for those numbers.
    await sleep(200);
    expect(again.events).toEqual([]);

    // The page's feed applies each once even when the same events come again (a sync, a late broadcast).
    const applied: number[] = [];
    const feed = new LiveFeed(seen, (e) => applied.push(e.seq));
    feed.push(ack.events);
    feed.push([...ack.events].reverse());
    const more = await again.ok('session:sync', { sinceSeq: seen });
    feed.push(more.events);
    expect(applied).toEqual(sent.map((e) => e.seq));
    again.close();
  });

  it('a late joiner gets the recent chat and product cards without sequence numbers it did not need', async () => {
    const late = await LiveClient.open(srv.url);
    const ack = await late.ok('session:join', { v: 1, sessionId, name: 'Late' });
    const types = new Set(ack.events.map((e) => e.type));
    expect([...types].sort()).toEqual(['chat', 'product:pushed']);
    expect(ack.events.filter((e) => e.type === 'product:pushed')).toHaveLength(products.length * 2);
    const seqs = ack.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    late.close();
  });
});

describe('the feed a page keeps', () => {
  const ev = (seq: number): LiveEvent => ({ seq, at: '2026-01-01T00:00:00.000Z', type: 'chat:deleted', target: 0 });

  it('applies out-of-order and repeated events once, in order, and holds a gap until it is filled', () => {
    const applied: number[] = [];
    const feed = new LiveFeed(3, (e) => applied.push(e.seq));
    feed.push([ev(2), ev(3), ev(5), ev(4), ev(5), ev(7)]);
    expect(applied).toEqual([4, 5]);
    expect(feed.hasGap).toBe(true);
    feed.push(ev(6));
    expect(applied).toEqual([4, 5, 6, 7]);
    expect(feed.hasGap).toBe(false);
    feed.resetTo(10);
    feed.push([ev(9), ev(11)]);
    expect(applied).toEqual([4, 5, 6, 7, 11]);
  });
});
