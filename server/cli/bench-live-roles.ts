/**
 * The processes of `npm run bench:live`: the live server, a bare Socket.IO baseline server, and
 * viewer client processes. Each is started by bench-live.ts with `--role` and talks to it over IPC.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { createApp } from '../app.js';
import { liveFeature } from '../live/feature.js';
import { insertSession } from '../live/store.js';
import type { LiveEvent } from '../protocol/live.js';
import { openDb } from '../store/db.js';
import { insertProduct } from '../store/products.js';

export type Msg =
  | { t: 'ready'; url: string; sessionId?: string; hostKey?: string; productIds?: string[] }
  | { t: 'stats'; rssBytes: number; heapBytes: number; cpuMicros: number; wallMicros: number }
  | { t: 'joined'; count: number; failed: number }
  | { t: 'receipts'; byKey: Record<string, number[]>; failed: number[] };

const send = (m: Msg) => process.send?.(m);
const now = () => performance.timeOrigin + performance.now();
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Answers 'stats' requests with memory after a GC and CPU used since the last 'mark'. */
function serveStats(cleanup: () => Promise<void> = async () => undefined): void {
  let cpu = process.cpuUsage();
  let wall = now();
  process.on('message', (m: { t: string }) => {
    if (m.t === 'mark') {
      cpu = process.cpuUsage();
      wall = now();
    } else if (m.t === 'stats') {
      gc();
      gc();
      const u = process.cpuUsage(cpu);
      const mem = process.memoryUsage();
      send({ t: 'stats', rssBytes: mem.rss, heapBytes: mem.heapUsed + mem.external, cpuMicros: u.user + u.system, wallMicros: (now() - wall) * 1000 });
    } else if (m.t === 'exit') void cleanup().finally(() => process.exit(0));
  });
}

/** The real live server (PGlite in memory, or DATABASE_URL) with 100 products and one session. */
async function liveServer(pushes: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopsee-bench-'));
  // On PostgreSQL, a schema of this run's own, dropped at exit.
  const schema = `bench_live_${process.pid}`;
  const db = await openDb(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, schema } : {});
  const config = {
    port: 0, host: '127.0.0.1', dataDir, shopName: 'Bench', currency: 'EUR', merchantToken: 'bench-merchant-token',
    cookieSecret: 'bench-cookie-secret-0123456789', bodyLimit: 1 << 20, maxUploadBytes: 1 << 20, seedDemo: false, logLevel: 'silent',
    // Thousands of viewers from one loopback address: the per-address join limit is not what is measured.
    liveLimits: { join: { points: 1_000_000 } },
  };
  const productIds: string[] = [];
  for (let i = 0; i < pushes; i++) {
    productIds.push(await insertProduct(db.kysely, { name: `Bench product ${i}`, description: 'A product pushed by the benchmark.', category: 'watches', price: { amount: 10_000 + i, currency: 'EUR' }, stock: 100, attributes: {} }));
  }
  const session = await insertSession(db.kysely, { id: `live_bench_${Date.now()}`, title: 'Bench', hostKey: 'bench-host-key', currency: 'EUR' });
  const app = await createApp({ db, config, logger: false }, [liveFeature()]);
  const url = await app.listen(0, '127.0.0.1');
  serveStats(async () => {
    await app.close().catch(() => undefined);
    if (db.kind === 'postgres') await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.kysely).catch(() => undefined);
    await db.close().catch(() => undefined);
  });
  send({ t: 'ready', url, sessionId: session.id, hostKey: 'bench-host-key', productIds });
}

/** A bare Socket.IO server: clients join one room, the host's payloads are broadcast to it. */
async function baselineServer(): Promise<void> {
  // Answers plain HTTP with 404 (viewers ask /api/me for the cookie a live server gives; here there is none).
  const http = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  io.of('/live').on('connection', (socket) => {
    socket.on('session:join', (_p: unknown, ack: (a: unknown) => void) => {
      void socket.join('room');
      ack({ ok: true });
    });
    socket.on('product:push', (payload: LiveEvent, ack: (a: unknown) => void) => {
      ack({ ok: true, data: { event: payload } });
      socket.to('room').emit('session:event', payload);
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const addr = http.address() as { port: number };
  serveStats();
  send({ t: 'ready', url: `http://127.0.0.1:${addr.port}` });
}

/** Opens `count` viewers (retrying a failed connect like a real client would), joins them, records when each push arrives. */
async function viewers(url: string, count: number, sessionId: string): Promise<void> {
  const byKey: Record<string, number[]> = {};
  const sockets: Socket[] = [];
  const failed: number[] = [];
  const reasons = new Map<string, number>();
  const attempt = async (i: number) => {
    // Viewers carry the shop's cookie like a browser does (the live server requires it; the bare one has no /api/me).
    const cookie = await fetch(`${url}/api/me`).then((r) => r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), () => '');
    const s = connect(`${url}/live`, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000, extraHeaders: cookie ? { cookie } : {} });
    s.on('session:event', (e: LiveEvent) => {
      if (e.type !== 'product:pushed') return;
      (byKey[`${i}:${e.product.id}`] ??= []).push(now());
    });
    try {
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
      const ack = (await s.timeout(120_000).emitWithAck('session:join', { v: 1, sessionId, name: `Viewer ${i}` })) as { ok: boolean; error?: { code: string } };
      if (!ack.ok) throw new Error(ack.error?.code ?? 'join refused');
      sockets.push(s);
    } catch (err) {
      s.disconnect();
      throw err;
    }
  };
  const one = async (i: number) => {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt(i);
      } catch (err) {
        const why = String((err as Error).message ?? err).slice(0, 60);
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
        if (tries === 3) {
          failed.push(i);
          return;
        }
        await new Promise((r) => setTimeout(r, 500 * tries));
      }
    }
  };
  for (let i = 0; i < count; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => one(i + j)));
  }
  if (reasons.size) process.stderr.write(`viewer connect/join retries: ${JSON.stringify(Object.fromEntries(reasons))}\n`);
  send({ t: 'joined', count: count - failed.length, failed: failed.length });
  process.on('message', (m: { t: string }) => {
    if (m.t === 'collect') send({ t: 'receipts', byKey, failed });
    if (m.t === 'exit') {
      for (const s of sockets) s.disconnect();
      process.exit(0);
    }
  });
}

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const role = args.get('role');
const run =
  role === 'live' ? liveServer(Number(args.get('pushes') ?? 100))
  : role === 'baseline' ? baselineServer()
  : role === 'viewers' ? viewers(args.get('url')!, Number(args.get('count')), args.get('session') ?? 'bench')
  : Promise.reject(new Error(`unknown role ${role}`));
run.catch((err: unknown) => {
  process.stderr.write(`bench role ${role} failed: ${String((err as Error).stack ?? err)}\n`);
  process.exit(1);
});
