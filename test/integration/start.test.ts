/**
 * The real start command: `tsx server/index.ts` on a fresh data folder, the demo catalog indexed
 * by the server itself, one process at a time on the embedded database, a clean stop on SIGTERM
 * with a request still in flight, a second start on the same data, and HTTPS=1.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../server/seed/catalog.js';
import { cleanEnv, freePort, root, tsx } from '../support/process.js';

const hasClient = existsSync(join(root, 'dist', 'client', 'index.html'));
/** GET / once the web client is built, else the API's health. */
const probePath = hasClient ? '/' : '/api/health';
/** A first start opens a new PGlite folder and renders the demo photos: slow on a busy 2-core machine. */
const START_TIMEOUT = 150_000;

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** The 1-minute load average, printed with timings: other work on the machine slows starts a lot. */
const load = () => loadavg()[0]!.toFixed(1);

/** CPU seconds used so far by a process and its descendants (Linux /proc; NaN elsewhere): a figure that load does not inflate. */
function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    let ticks = Number(fields[11]) + Number(fields[12]);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) ticks += cpuSeconds(Number(child)) * 100;
    }
    return ticks / 100;
  } catch {
    return Number.NaN;
  }
}

/** One GET over http or https (self-signed accepted); resolves with status, body, cookies and peer certificate. */
function get(port: number, path: string, tls = false) {
  return new Promise<{ status: number; body: string; cookies: string[]; cert?: ReturnType<TLSSocket['getPeerCertificate']> }>((res, rej) => {
    const opts = { host: '127.0.0.1', port, path, headers: { accept: 'text/html,application/json' }, rejectUnauthorized: false };
    const req = (tls ? httpsRequest : httpRequest)(opts, (r) => {
      // Read the certificate now: the socket is detached once the response has ended.
      const cert = tls ? (r.socket as TLSSocket).getPeerCertificate() : undefined;
      let body = '';
      r.setEncoding('utf8');
      r.on('data', (d) => (body += d));
      r.on('end', () => {
        res({ status: r.statusCode ?? 0, body, cookies: ([] as string[]).concat(r.headers['set-cookie'] ?? []), cert });
      });
    });
    req.on('error', rej);
    req.setTimeout(5_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

/** Spawns the server and resolves once the probe answers 200, with the milliseconds that took. */
async function start(dataDir: string, env: Record<string, string> = {}): Promise<{ run: Running; ms: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const childEnv: NodeJS.ProcessEnv = { ...cleanEnv(env), DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env };
  const child = spawn(tsx, ['server/index.ts'], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const run: Running = { child, port, output: () => out, exited };
  const tls = Boolean(env.HTTPS);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering:\n${out}`);
    const res = await get(port, probePath, tls).catch(() => undefined);
    if (res?.status === 200) return { run, ms: Math.round(performance.now() - t0) };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer ${probePath} within 120 s:\n${out}`);
}

async function stop(run: Running): Promise<number | null> {
  run.child.kill('SIGTERM');
  return run.exited;
}

describe('the real start command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopsee-start-'));
  const running: Running[] = [];
  let firstMs = 0;
  let startedAt = 0;

  afterAll(async () => {
    for (const r of running) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const mediaCount = () => readdirSync(join(dataDir, 'media')).length;

  it('starts on a fresh data folder and seeds the demo catalog', async () => {
    startedAt = performance.now();
    const { run, ms } = await start(dataDir);
    running.push(run);
    firstMs = ms;
    console.log(`[start] first start on a fresh data dir: ${ms} ms until GET ${probePath} answered 200, ${cpuSeconds(run.child.pid!).toFixed(1)} CPU s (load average ${load()})`);
    expect(run.output()).toContain('A merchant token was generated');
    const token = readFileSync(join(dataDir, 'merchant-token'), 'utf8').trim();
    expect(run.output()).toContain(`/merchant#token=${token}`);
    const products = JSON.parse((await get(run.port, '/api/products')).body);
    expect(products.total).toBe(DEMO_PRODUCTS.length);
    expect(mediaCount()).toBe(DEMO_PRODUCTS.length * 2);
    const health = JSON.parse((await get(run.port, '/api/health')).body);
    expect(health).toMatchObject({ ok: true, store: 'pglite' });
  }, START_TIMEOUT);

  it('makes the demo catalog searchable by photo with no command typed, and keeps a second process off its database', async () => {
    const run = running[0]!;
    // The server indexes the seeded photos by itself, in a worker thread.
    let status = { total: 0, indexed: -1, pending: -1, failed: -1 };
    const deadline = Date.now() + 110_000;
    while (Date.now() < deadline && !(status.total > 0 && status.indexed === status.total)) {
      await new Promise((r) => setTimeout(r, 250));
      status = JSON.parse((await get(run.port, '/api/discovery/status')).body);
    }
    const searchableMs = Math.round(performance.now() - startedAt);
    console.log(`[start] demo catalog searchable by photo ${searchableMs} ms after the start command (load average ${load()})`);
    expect(status).toMatchObject({ total: DEMO_PRODUCTS.length, indexed: DEMO_PRODUCTS.length, pending: 0, failed: 0 });
    const index = JSON.parse((await get(run.port, '/api/discovery/index')).body);
    expect(index).toMatchObject({ count: DEMO_PRODUCTS.length, missing: 0 });

    // The lock names the server's process (tsx's child of the spawned pid) and its own address.
    const lock = JSON.parse(readFileSync(join(dataDir, 'db.lock'), 'utf8'));
    expect(lock).toMatchObject({ role: 'server', url: `http://127.0.0.1:${run.port}` });

    // A second server on the same folder stops at once with a sentence, before touching the files.
    const second = spawnSync(tsx, ['server/index.ts'], { cwd: root, env: { ...cleanEnv(), DATA_DIR: dataDir, PORT: String(await freePort()) }, encoding: 'utf8', timeout: 60_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`in use by the shop server (pid ${lock.pid}, http://127.0.0.1:${run.port})`);

    // The indexing command goes through the running server instead of opening the database.
    const cli = spawnSync(tsx, ['server/cli/index-catalog.ts', '--all'], { cwd: root, env: { ...cleanEnv(), DATA_DIR: dataDir }, encoding: 'utf8', timeout: 110_000 });
    expect(cli.stderr).toContain(`The shop server at http://127.0.0.1:${run.port} holds the database`);
    expect(cli.stdout).toContain(`${DEMO_PRODUCTS.length} of ${DEMO_PRODUCTS.length} products are searchable by photo (0 failed)`);
    expect(cli.status).toBe(0);

    expect(await stop(run)).toBe(0);
    expect(run.output()).toContain('Stopped cleanly.');
    expect(existsSync(join(dataDir, 'db.lock'))).toBe(false);
  }, START_TIMEOUT);

  it('starts again on the same data without reseeding, and finishes a request in flight during SIGTERM', async () => {
    const { run, ms } = await start(dataDir);
    running.push(run);
    console.log(`[start] second start on the same data dir: ${ms} ms, ${cpuSeconds(run.child.pid!).toFixed(1)} CPU s (first was ${firstMs} ms; load average ${load()})`);
    expect(run.output()).not.toContain('A merchant token was generated');
    const products = JSON.parse((await get(run.port, '/api/products')).body);
    expect(products.total).toBe(DEMO_PRODUCTS.length);
    expect(mediaCount()).toBe(DEMO_PRODUCTS.length * 2);

    // Send the headers and part of the body, stop the server, wait until it refuses new
    // connections (so it is really shutting down), then send the rest.
    const body = JSON.stringify({ productId: DEMO_PRODUCTS[0]!.id, quantity: 1 });
    const req = httpRequest({
      host: '127.0.0.1',
      port: run.port,
      path: '/api/cart/lines',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const answer = new Promise<{ status: number; text: string }>((res, rej) => {
      req.on('response', (r) => {
        let text = '';
        r.on('data', (d) => (text += d));
        r.on('end', () => res({ status: r.statusCode ?? 0, text }));
      });
      req.on('error', rej);
    });
    req.flushHeaders();
    req.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 200));
    run.child.kill('SIGTERM');
    let refused = false;
    for (let i = 0; i < 200 && !refused; i++) {
      const probe = await get(run.port, '/api/health').catch(() => undefined);
      refused = probe === undefined || probe.status === 503;
      if (!refused) await new Promise((r) => setTimeout(r, 50));
    }
    expect(refused).toBe(true);
    expect(run.child.exitCode).toBe(null);
    req.end(body.slice(10));
    const res = await answer;
    expect(res.status, res.text).toBe(201);
    expect(JSON.parse(res.text).lines[0]).toMatchObject({ productId: DEMO_PRODUCTS[0]!.id, quantity: 1 });
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Stopped cleanly.');
  }, START_TIMEOUT);

  it('serves HTTPS with a self-signed certificate for this machine when HTTPS=1, with a Secure cookie', async () => {
    const { run, ms } = await start(dataDir, { HTTPS: '1' });
    running.push(run);
    console.log(`[start] HTTPS=1 start (certificate made on first use): ${ms} ms, ${cpuSeconds(run.child.pid!).toFixed(1)} CPU s (load average ${load()})`);
    expect(run.output()).toContain('self-signed certificate');
    const res = await get(run.port, '/api/me', true);
    expect(res.status).toBe(200);
    expect(res.cert?.subject?.CN).toBe('Shopsee local');
    expect(res.cert?.subjectaltname).toContain('IP Address:127.0.0.1');
    expect(res.cert?.subjectaltname).toContain('DNS:localhost');
    expect(res.cookies[0]?.toLowerCase()).toContain('secure');
    // Plain http on the same port is not served.
    await expect(get(run.port, '/api/health')).rejects.toThrow();
    expect(await stop(run)).toBe(0);
  }, START_TIMEOUT);
});
