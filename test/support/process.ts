/** The real server as a child process (`tsx server/index.ts`) on a free loopback port, for start and crash tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const tsx = join(root, 'node_modules', '.bin', 'tsx');

export interface Running {
  child: ChildProcess;
  port: number;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

/** The environment without shop settings a developer or CI may have exported: the defaults are under test. */
export function cleanEnv(keep: Record<string, string> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    'DATA_DIR', 'DATABASE_URL', 'DATABASE_SCHEMA', 'REDIS_URL', 'PUBLIC_URL', 'MERCHANT_TOKEN', 'COOKIE_SECRET', 'TLS_CERT', 'TLS_KEY', 'SEED_DEMO',
    'SHOP_NAME', 'SHOP_CURRENCY', 'BODY_LIMIT', 'MAX_UPLOAD_BYTES', 'HTTPS', 'NODE_OPTIONS', 'INDEX_IN_BACKGROUND', 'CHECKOUT_FAULT', 'PENDING_TIMEOUT_MS', 'RECOVERY_EVERY_MS',
  ]) {
    if (!(name in keep)) delete out[name];
  }
  return out;
}

/** Spawns the server and resolves once `probe` answers 200 over plain HTTP (bounded by timeoutMs). */
export async function spawnServer(env: Record<string, string>, options: { probe?: string; timeoutMs?: number } = {}): Promise<Running> {
  const port = await freePort();
  const child = spawn(tsx, ['server/index.ts'], { cwd: root, env: { ...cleanEnv(env), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering:\n${out}`);
    const ok = await fetch(url + (options.probe ?? '/api/health')).then((r) => r.ok, () => false);
    if (ok) return { child, port, url, output: () => out, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer within ${options.timeoutMs ?? 120_000} ms:\n${out}`);
}
