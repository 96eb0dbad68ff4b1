/**
 * Security at the edges: headers on every answer, share links that never echo a foreign Host,
 * live connections only from the shop's own pages, and live text that cannot break the store or
 * disguise a name, stream links limited to media files and known players.
 */
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddress } from '../../server/http/share.js';
import { streamKind } from '../../server/protocol/stream.js';
import { createProduct, createSession, LiveClient, startLiveServer } from '../live/helpers.js';
import { Shopper } from '../support/http.js';
import type { TestServer } from '../support/server.js';

const TOKEN = 'merchant-test-token';
let server: TestServer;

beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server?.close());

describe('security headers', () => {
  it('send a content security policy, nosniff, no framing and a strict referrer policy on every answer', async () => {
    for (const path of ['/api/health', '/api/products', '/api/nothing-here']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

describe('share links without a public URL', () => {
  it('never put a foreign Host header into a link or QR code', async () => {
    const res = await fetch(`${server.url}/api/share?path=/p/1`, { headers: { host: 'attacker.example' } });
    const { url } = (await res.json()) as { url: string };
    expect(url).not.toContain('attacker');
    expect(new URL(url).hostname).toBe(lanAddress() ?? 'localhost');
  });
});

describe('live connections', () => {
  const open = (origin?: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(`${server.url}/live`, { transports: ['websocket'], extraHeaders: origin ? { origin } : {}, reconnection: false, forceNew: true });
      socket.once('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.once('connect_error', () => resolve('refused'));
    });

  it('are refused from another site and accepted from the shop itself', async () => {
    expect(await open('https://evil.example')).toBe('refused');
    expect(await open(server.url)).toBe('connected');
    // Native apps and scripts send no Origin at all.
    expect(await open()).toBe('connected');
  });

  it('refuse a chat line with a lone surrogate with VALIDATION_FAILED (it answered INTERNAL) and strip direction overrides from names', async () => {
    const { session } = await createSession(server.url, TOKEN);
    const viewer = await LiveClient.open(server.url);
    try {
      const joined = await viewer.emit('session:join', { v: 1, sessionId: session.id, name: '\u202Egnp.exe\u202C Ana' });
      expect(joined).toMatchObject({ ok: true });
      const chat = await viewer.emit('chat:send', { text: 'hello \uD83D' });
      expect(chat).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      const fine = await viewer.emit('chat:send', { text: 'hello 😀' });
      expect(fine).toMatchObject({ ok: true, data: { event: { type: 'chat', name: 'gnp.exe Ana', text: 'hello 😀' } } });
      expect(await viewer.emit('session:join', { v: 1, sessionId: session.id, name: '\u202E\u202C' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    } finally {
      viewer.close();
    }
  });
});

describe('live attribution of orders', () => {
  it('counts an order for a live session only when the shopper joined it', async () => {
    const { session } = await createSession(server.url, TOKEN);
    const productId = await createProduct(server.url, TOKEN, { stock: 10 });
    const stranger = new Shopper(server.url);
    await stranger.post('/api/cart/lines', { productId, quantity: 1 });
    const theirs = await stranger.post('/api/checkout', { paymentToken: 'tok_visa', sessionId: session.id }, { 'idempotency-key': `key_${crypto.randomUUID()}` });
    expect(theirs.status).toBe(201);
    expect(theirs.body.sessionId).toBeNull();

    const viewer = await LiveClient.open(server.url);
    try {
      await viewer.ok('session:join', { v: 1, sessionId: session.id, name: 'Ana' });
      await viewer.shopper.post('/api/cart/lines', { productId, quantity: 1 });
      const mine = await viewer.shopper.post('/api/checkout', { paymentToken: 'tok_visa', sessionId: session.id }, { 'idempotency-key': `key_${crypto.randomUUID()}` });
      expect(mine.status).toBe(201);
      expect(mine.body.sessionId).toBe(session.id);
    } finally {
      viewer.close();
    }
  });
});

describe('stream links', () => {
  it.each([
    ['https://cdn.example/live/index.m3u8', 'hls'],
    ['https://cdn.example/show.mp4', 'media'],
    ['https://www.youtube-nocookie.com/embed/abc', 'embed'],
    ['https://player.vimeo.com/video/1', 'embed'],
    ['https://customer-abc123.cloudflarestream.com/x/iframe', 'embed'],
    ['https://evilcloudflarestream.com/x', undefined],
    ['https://evil.example/page', undefined],
    ['http://cdn.example/live.m3u8', undefined],
    ['javascript:alert(1)', undefined],
    ['https://user:pw@www.youtube.com/embed/x', undefined],
  ])('%s plays as %s', (url, kind) => {
    expect(streamKind(url)).toBe(kind);
  });
});
