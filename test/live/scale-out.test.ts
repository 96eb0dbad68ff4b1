/**
 * Two server processes on one Redis (Streams adapter) and one PostgreSQL behave as one: a host
 * on one, viewers on both, every push reaches every viewer once, in order; connection state
 * recovery keeps working on the Redis Streams adapter.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../server/protocol/live.js';
import { POSTGRES_URL } from '../support/server.js';
import { createProduct, createSession, LiveClient } from './helpers.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const run = randomBytes(5).toString('hex');
const schema = `t_live_${run}`;
const stream = `shopsee-test-${run}`;
const TOKEN = 'merchant-test-token';
const children: ChildProcess[] = [];
let urls: string[] = [];
const clients: LiveClient[] = [];

/** Starts one server process and resolves with its URL. */
function startServer(): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/live/fixtures/live-server.ts'], {
    env: { ...process.env, DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema, REDIS_URL, LIVE_STREAM: stream },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 90 s')), 90_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });
}

beforeAll(async () => {
  urls = [await startServer()];
  urls.push(await startServer()); // after the first, so migrations ran once
}, 180_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(
    children.map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    })),
  );
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: POSTGRES_URL, max: 1 }) }) });
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
  await db.destroy();
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  const keys = await redis.keys(`${stream}*`);
  if (keys.length) await redis.del(keys);
  await redis.quit();
}, 60_000);

describe('two server processes on Redis and PostgreSQL', () => {
  it('a host on one process and viewers on both: every push and chat reaches every viewer once, in order, and a dropped viewer recovers its missed pushes', async () => {
    const [a, b] = urls as [string, string];
    const products: string[] = [];
    for (let i = 0; i < 10; i++) products.push(await createProduct(a, TOKEN, { name: `Lamp ${i}`, category: 'home' }));
    const session = await createSession(a, TOKEN);
    const sessionId = session.session.id;
    const host = await LiveClient.open(a);
    clients.push(host);
    await host.ok('session:join', { v: 1, sessionId, name: 'Host', hostKey: session.hostKey });
    const viewers: LiveClient[] = [];
    for (let i = 0; i < 6; i++) {
      const v = await LiveClient.open(i % 2 === 0 ? a : b);
      clients.push(v);
      viewers.push(v);
      await v.ok('session:join', { v: 1, sessionId, name: `Viewer ${i}` });
    }
    const sent: LiveEvent[] = [];
    for (const p of products) sent.push((await host.ok('product:push', { productId: p })).event);
    // A viewer on process B chats; everyone else (both processes) gets it too.
    const chat = (await viewers[1]!.ok('chat:send', { text: 'hello from B' })).event;
    for (const [i, v] of viewers.entries()) {
      const expected = i === 1 ? sent : [...sent, chat];
      await v.until(() => v.events.length >= expected.length, 10_000, `viewer ${i} events`);
    }
    await new Promise((r) => setTimeout(r, 300));
    for (const [i, v] of viewers.entries()) expect(v.events, `viewer ${i}`).toEqual(i === 1 ? sent : [...sent, chat]);
    await host.until(() => host.events.some((e) => e.seq === chat.seq), 10_000, 'host chat');

    // The viewer count spans both processes.
    await host.until(() => host.named('viewers:count').some(([c]) => (c as { now: number }).now === 6), 10_000, 'viewer count 6');

    // Connection state recovery still works on the Redis Streams adapter: a viewer on B drops,
    // misses three pushes from the host on A, and gets exactly those when it reconnects.
    const dropper = await LiveClient.open(b, { reconnection: true });
    clients.push(dropper);
    await dropper.ok('session:join', { v: 1, sessionId, name: 'Dropper' });
    await dropper.until(() => dropper.named('viewers:count').length > 0, 10_000, 'first broadcast');
    const reconnected = new Promise<void>((resolve) => dropper.socket.io.once('reconnect', () => resolve()));
    dropper.socket.io.engine.close();
    await new Promise((r) => setTimeout(r, 200));
    const missed: LiveEvent[] = [];
    for (const p of products.slice(0, 3)) missed.push((await host.ok('product:push', { productId: p })).event);
    await reconnected;
    await dropper.until(() => dropper.events.length >= 3, 10_000, 'missed pushes');
    await new Promise((r) => setTimeout(r, 300));
    expect(dropper.socket.recovered).toBe(true);
    expect(dropper.events).toEqual(missed);
  });

  it('with one process stopped (SIGSTOP), joins on the other still succeed within a second and it stays ready', async () => {
    const [a] = urls as [string, string];
    const session = await createSession(a, TOKEN);
    const sessionId = session.session.id;
    const host = await LiveClient.open(a);
    clients.push(host);
    await host.ok('session:join', { v: 1, sessionId, name: 'Host', hostKey: session.hostKey });
    const stopped = children[1]!;
    stopped.kill('SIGSTOP');
    try {
      const ms: number[] = [];
      for (let i = 0; i < 20; i++) {
        const v = await LiveClient.open(a);
        clients.push(v);
        const t0 = performance.now();
        const joined = await v.ok('session:join', { v: 1, sessionId, name: `Viewer ${i}` });
        ms.push(performance.now() - t0);
        expect(joined.hostSocketId).toBe(host.socket.id);
      }
      ms.sort((x, y) => x - y);
      console.log(`[scale-out] joins with the other process stopped: p50 ${ms[10]!.toFixed(0)} ms, max ${ms[19]!.toFixed(0)} ms`);
      expect(ms[19]!).toBeLessThan(1000);
      const ready = await fetch(`${a}/api/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ok: true, checks: { database: { ok: true }, redis: { ok: true } } });
    } finally {
      stopped.kill('SIGCONT');
    }
  }, 60_000);

  it('holds the per-address chat limit across both processes: 30 identities behind one address get 40 messages through in 10 s, not 150', async () => {
    const [a, b] = urls as [string, string];
    const session = await createSession(a, TOKEN);
    const sessionId = session.session.id;
    const crowd: LiveClient[] = [];
    for (let i = 0; i < 30; i++) {
      const v = await LiveClient.open(i % 2 === 0 ? a : b);
      clients.push(v);
      crowd.push(v);
      await v.ok('session:join', { v: 1, sessionId, name: `Fan ${i}` });
    }
    const acks = await Promise.all(crowd.flatMap((v, i) => Array.from({ length: 5 }, (_, k) => v.emit('chat:send', { text: `msg ${i}.${k}` }))));
    const accepted = acks.filter((x) => x.ok).length;
    const limited = acks.filter((x) => !x.ok && x.error.code === 'RATE_LIMITED').length;
    console.log(`[scale-out] 150 messages from 30 identities on one address over two processes: ${accepted} accepted, ${limited} limited`);
    expect(accepted + limited).toBe(150);
    expect(accepted).toBeGreaterThanOrEqual(40);
    expect(accepted).toBeLessThanOrEqual(44);
  }, 60_000);

  it('refuses a viewer without the shop cookie: limits and bans hold on to an identity', async () => {
    const session = await createSession(urls[0]!, TOKEN);
    const bare = await LiveClient.open(urls[1]!, { cookie: false });
    clients.push(bare);
    expect(await bare.emit('session:join', { v: 1, sessionId: session.session.id, name: 'Nobody' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });
});
