/**
 * `npm run bench:live [-- --viewers 2000 --procs 4 --pushes 100 --rate 4 --rounds 1 --json]`
 *
 * Starts the live server in its own process and N viewers spread over several client processes,
 * joins them to one session and has the host push products at a steady rate. Reports delivery
 * latency p50/p95/p99 from push to each viewer's receipt (one machine clock:
 * performance.timeOrigin + now), lost and duplicated deliveries, server memory per viewer and
 * CPU. Then the same against a bare Socket.IO server broadcasting the same payloads to a room
 * of the same N clients, and prints the ratio. Traffic stays on 127.0.0.1. The live server
 * uses PGlite in memory, or PostgreSQL (a schema of its own, dropped after) with DATABASE_URL.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io as connect } from 'socket.io-client';
import type { LiveEvent } from '../protocol/live.js';
import type { Msg } from './bench-live-roles.js';

const ROLES = fileURLToPath(new URL('./bench-live-roles.ts', import.meta.url));
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}
const VIEWERS = flag('viewers', 2000);
const PROCS = Math.min(flag('procs', 4), VIEWERS);
const PUSHES = flag('pushes', 100);
// 4 pushes a second to 2,000 viewers is 8,000 deliveries a second: the client processes, not the server, saturate first on 2 cores.
const RATE = flag('rate', 4);
const ROUNDS = flag('rounds', 1);
const JSON_OUT = process.argv.includes('--json');
const log = (s: string) => (JSON_OUT ? process.stderr : process.stdout).write(`${s}\n`);

function spawnRole(args: string[]): ChildProcess {
  return fork(ROLES, args, { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function next<T extends Msg['t']>(p: ChildProcess, t: T, timeoutMs = 300_000): Promise<Extract<Msg, { t: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${t}`)), timeoutMs);
    const on = (m: Msg) => {
      if (m.t !== t) return;
      clearTimeout(timer);
      p.off('message', on);
      resolve(m as Extract<Msg, { t: T }>);
    };
    p.on('message', on);
    p.once('exit', (code) => code && reject(new Error(`role exited with ${code} while waiting for ${t}`)));
  });
}

function ask<T extends Msg['t']>(p: ChildProcess, req: string, t: T) {
  const r = next(p, t);
  p.send({ t: req });
  return r;
}

const pct = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

interface Result {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  delivered: number;
  lost: number;
  duplicated: number;
  joined: number;
  joinFailed: number;
  rssPerViewerKB: number;
  heapPerViewerKB: number;
  cpuPercent: number;
}

async function scenario(kind: 'live' | 'baseline', payloads: LiveEvent[]): Promise<{ result: Result; events: LiveEvent[] }> {
  const server = spawnRole(['--role', kind, '--pushes', String(PUSHES)]);
  const children: ChildProcess[] = [server];
  try {
    const ready = await next(server, 'ready');
    const idle = await ask(server, 'stats', 'stats');
    const sessionId = ready.sessionId ?? 'bench';
    const per = Math.ceil(VIEWERS / PROCS);
    const workers = Array.from({ length: PROCS }, (_, w) => spawnRole(['--role', 'viewers', '--url', ready.url, '--count', String(Math.min(per, VIEWERS - w * per)), '--session', sessionId]));
    children.push(...workers);
    const joined = (await Promise.all(workers.map((w) => next(w, 'joined')))).reduce((s, j) => s + j.count, 0);
    log(`  ${kind}: ${joined}/${VIEWERS} viewers joined`);
    await sleep(2000);
    const loaded = await ask(server, 'stats', 'stats');

    const host = connect(`${ready.url}/live`, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((r) => host.once('connect', () => r()));
    await host.timeout(30_000).emitWithAck('session:join', { v: 1, sessionId, name: 'Host', ...(ready.hostKey ? { hostKey: ready.hostKey } : {}) });
    server.send({ t: 'mark' });
    const sent = new Map<string, number>();
    const acks: Array<Promise<{ ok: boolean; data?: { event: LiveEvent } }>> = [];
    const t0 = now();
    for (let i = 0; i < PUSHES; i++) {
      // Steady rate on the wall clock, not "after the previous ack".
      const due = t0 + (i * 1000) / RATE;
      if (due > now()) await sleep(due - now());
      const pid = kind === 'live' ? ready.productIds![i]! : (payloads[i] as Extract<LiveEvent, { type: 'product:pushed' }>).product.id;
      sent.set(pid, now());
      acks.push(host.timeout(60_000).emitWithAck('product:push', kind === 'live' ? { productId: pid } : payloads[i]));
    }
    const done = await Promise.all(acks);
    await sleep(3000); // stragglers
    const end = await ask(server, 'stats', 'stats');
    const receipts = await Promise.all(workers.map((w) => ask(w, 'collect', 'receipts')));
    host.disconnect();

    const lat: number[] = [];
    let lost = 0;
    let duplicated = 0;
    receipts.forEach((r, w) => {
      const count = Math.min(per, VIEWERS - w * per);
      const failed = new Set(r.failed);
      for (let i = 0; i < count; i++) {
        if (failed.has(i)) continue; // never joined: counted in joinFailed, not as lost deliveries
        for (const [pid, at] of sent) {
          const got = r.byKey[`${i}:${pid}`];
          if (!got) lost++;
          else {
            duplicated += got.length - 1;
            lat.push(got[0]! - at);
          }
        }
      }
    });
    lat.sort((a, b) => a - b);
    const events = done.flatMap((a) => (a.ok && a.data ? [a.data.event] : []));
    return {
      events,
      result: {
        p50: round(pct(lat, 0.5)),
        p95: round(pct(lat, 0.95)),
        p99: round(pct(lat, 0.99)),
        max: round(lat[lat.length - 1] ?? NaN),
        delivered: lat.length,
        lost,
        duplicated,
        joined,
        joinFailed: VIEWERS - joined,
        rssPerViewerKB: round((loaded.rssBytes - idle.rssBytes) / 1024 / Math.max(1, joined), 1),
        heapPerViewerKB: round((loaded.heapBytes - idle.heapBytes) / 1024 / Math.max(1, joined), 1),
        cpuPercent: round((100 * end.cpuMicros) / end.wallMicros, 1),
      },
    };
  } finally {
    for (const c of children) {
      c.send?.({ t: 'exit' });
      setTimeout(() => c.kill('SIGKILL'), 5000).unref();
    }
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
  }
}

/** Per-field median over rounds (sums for lost and duplicated), so one noisy round does not decide. */
function combine(rs: Result[]): Result {
  const med = (k: keyof Result) => {
    const v = rs.map((r) => r[k]).sort((a, b) => a - b);
    return v.length % 2 ? v[(v.length - 1) / 2]! : round((v[v.length / 2 - 1]! + v[v.length / 2]!) / 2);
  };
  const sum = (k: keyof Result) => rs.reduce((s, r) => s + r[k], 0);
  return {
    p50: med('p50'), p95: med('p95'), p99: med('p99'), max: med('max'), delivered: sum('delivered'), lost: sum('lost'), duplicated: sum('duplicated'),
    joined: med('joined'), joinFailed: sum('joinFailed'), rssPerViewerKB: med('rssPerViewerKB'), heapPerViewerKB: med('heapPerViewerKB'), cpuPercent: med('cpuPercent'),
  };
}

async function main(): Promise<void> {
  log(`bench:live: ${VIEWERS} viewers in ${PROCS} client processes, ${PUSHES} pushes at ${RATE}/s, ${ROUNDS} round(s)`);
  const lives: Result[] = [];
  const bases: Result[] = [];
  let payloads: LiveEvent[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which runs first, so drift in the machine's load does not favour one side.
    const order: Array<'live' | 'baseline'> = r % 2 === 0 ? ['live', 'baseline'] : ['baseline', 'live'];
    for (const kind of order) {
      const out = await scenario(kind, payloads);
      if (kind === 'live') {
        payloads = out.events;
        lives.push(out.result);
      } else bases.push(out.result);
    }
  }
  const live = { result: combine(lives) };
  const base = { result: combine(bases) };
  const ratio = { p50: round(live.result.p50 / base.result.p50), p95: round(live.result.p95 / base.result.p95), p99: round(live.result.p99 / base.result.p99) };
  const summary = { viewers: VIEWERS, procs: PROCS, pushes: PUSHES, rate: RATE, rounds: ROUNDS, live: live.result, baseline: base.result, ratio, targets: { lostAndDuplicated: 0, p99Ratio: 1.3, memoryPerViewerKB: 20 } };
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const row = (name: string, r: Result) =>
    `${name.padEnd(9)} p50 ${String(r.p50).padStart(8)} ms  p95 ${String(r.p95).padStart(8)} ms  p99 ${String(r.p99).padStart(8)} ms  lost ${r.lost}  dup ${r.duplicated}  join failed ${r.joinFailed}  mem ${r.heapPerViewerKB} KB/viewer (heap+external; RSS delta ${r.rssPerViewerKB})  cpu ${r.cpuPercent}%`;
  log(row('live', live.result));
  log(row('baseline', base.result));
  log(`ratio     p50 ${ratio.p50}  p95 ${ratio.p95}  p99 ${ratio.p99}   (target p99 ≤ 1.3, 0 lost/dup, ≤ 20 KB/viewer)`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:live failed: ${String((err as Error).stack ?? err)}\n`);
    process.exit(1);
  },
);
