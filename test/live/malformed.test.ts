/**
 * Every client event with malformed payloads (wrong types, missing fields, huge strings, extra
 * fields, binary) gets an error ack; the server stays up and nothing is written.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_EVENTS, type ClientEventName } from '../../server/protocol/live.js';
import { Shopper } from '../support/http.js';
import type { TestServer } from '../support/server.js';
import { createProduct, createSession, LiveClient, startLiveServer } from './helpers.js';

let srv: TestServer;
let host: LiveClient;
let viewer: LiveClient;
let sessionId: string;
let productId: string;

const HUGE = 'x'.repeat(50_000);

/** A valid payload per event, to derive "extra field" variants from. */
function validPayload(event: ClientEventName): Record<string, unknown> {
  const base: Record<ClientEventName, Record<string, unknown>> = {
    'session:join': { v: 1, sessionId, name: 'Ana' },
    'session:sync': { sinceSeq: 0 },
    'session:end': {},
    'stream:set': { url: 'https://example.test/live.m3u8' },
    'chat:send': { text: 'hello' },
    'chat:delete': { seq: 1 },
    'viewer:mute': { viewerId: 'v_abc', muted: true },
    'viewer:ban': { viewerId: 'v_abc' },
    'product:push': { productId },
    'product:pin': { productId, pinned: true },
    'deal:start': { productId, priceMinor: 100, durationSeconds: 30, quantity: 2, perViewer: 1 },
    'cart:add': { productId },
    'reaction:send': { kind: 'heart' },
    'rtc:signal': { to: 'abc', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host' } },
    'rtc:request': {},
  };
  return base[event];
}

/** Malformed variants for an event: wrong types, missing fields, huge strings, extra fields, binary. */
function malformed(event: ClientEventName): Array<[string, unknown]> {
  const valid = validPayload(event);
  const out: Array<[string, unknown]> = [
    ['a number', 42],
    ['a string', 'hello'],
    ['an array', [valid]],
    ['null', null],
    ['binary', Buffer.from([1, 2, 3, 4])],
    ['extra field', { ...valid, admin: true }],
  ];
  for (const key of Object.keys(valid)) {
    const { [key]: _dropped, ...rest } = valid;
    out.push([`missing ${key}`, rest]);
    out.push([`${key} as an object`, { ...valid, [key]: { nested: true } }]);
    out.push([`${key} huge`, { ...valid, [key]: HUGE }]);
    out.push([`${key} as binary`, { ...valid, [key]: Buffer.from('zz') }]);
  }
  return out;
}

async function counts() {
  const db = srv.db.kysely;
  const n = async (table: 'live_events' | 'live_deals' | 'live_reservations' | 'cart_lines' | 'live_viewers') =>
    Number((await db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
  const s = await db.selectFrom('live_sessions').select(['last_seq', 'pins', 'status', 'stream_url']).where('id', '=', sessionId).executeTakeFirstOrThrow();
  return { events: await n('live_events'), deals: await n('live_deals'), reservations: await n('live_reservations'), cart: await n('cart_lines'), viewers: await n('live_viewers'), session: JSON.stringify(s) };
}

beforeAll(async () => {
  srv = await startLiveServer();
  productId = await createProduct(srv.url, srv.merchantToken, { name: 'Scarf', category: 'apparel' });
  const s = await createSession(srv.url, srv.merchantToken);
  sessionId = s.session.id;
  host = await LiveClient.open(srv.url);
  await host.ok('session:join', { v: 1, sessionId, name: 'Host', hostKey: s.hostKey });
  viewer = await LiveClient.open(srv.url);
  await viewer.ok('session:join', { v: 1, sessionId, name: 'Ana' });
});

afterAll(async () => {
  host?.close();
  viewer?.close();
  await srv?.close();
});

describe('malformed payloads', () => {
  it.each(Object.keys(CLIENT_EVENTS) as ClientEventName[])('%s: every malformed payload gets an error ack and writes nothing', async (event) => {
    const before = await counts();
    const sender = event === 'session:join' ? viewer : host;
    for (const [what, payload] of malformed(event)) {
      const ack = await sender.emit(event, payload);
      expect(ack.ok, `${event} with ${what}`).toBe(false);
      if (!ack.ok) expect(['VALIDATION_FAILED', 'PROTOCOL_VERSION'], `${event} with ${what}: ${ack.error.code}`).toContain(ack.error.code);
    }
    // No payload at all, and two payloads.
    expect(await sender.socket.timeout(5000).emitWithAck(event)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await sender.socket.timeout(5000).emitWithAck(event, validPayload(event), 'second')).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
    expect(host.socket.connected && viewer.socket.connected).toBe(true);
  });

  it('an unknown event is answered NOT_FOUND and a payload over the size limit only drops that socket', async () => {
    expect(await host.socket.timeout(5000).emitWithAck('admin:drop-tables', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const big = await LiveClient.open(srv.url);
    const dropped = new Promise<string>((resolve) => big.socket.once('disconnect', (reason) => resolve(reason)));
    big.socket.emit('chat:send', { text: 'y'.repeat(200_000) });
    expect(await dropped).toBe('transport close');
    const health = await new Shopper(srv.url).get('/api/health');
    expect(health.status).toBe(200);
    expect((await host.emit('chat:send', { text: 'still up' })).ok).toBe(true);
  });
});
