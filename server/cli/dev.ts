/**
 * `npm run dev`: the API with `tsx watch` (restarts on server changes) on PORT (8080) and the Vite dev
 * server with hot reload, which proxies /api, /media, /models and /socket.io to it. Ctrl-C stops both;
 * if either exits, the other is stopped too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const port = process.env.PORT ?? '8080';
const tls = Boolean(process.env.TLS_CERT || (process.env.HTTPS && process.env.HTTPS !== '0' && process.env.HTTPS !== 'false'));
const apiUrl = process.env.API_URL ?? `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;

const children: ChildProcess[] = [];
let stopping = false;

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`\n${name} exited (${signal ?? `code ${code}`}); stopping the other process.\n`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

/** Stops every child (SIGTERM, then SIGKILL after 5 s) and exits with `code`. */
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (alive.length === 0) process.exit(code);
  let left = alive.length;
  for (const c of alive) {
    c.once('exit', () => {
      if (--left === 0) process.exit(code);
    });
    c.kill('SIGTERM');
  }
  setTimeout(() => {
    for (const c of alive) if (c.exitCode === null) c.kill('SIGKILL');
    process.exit(code);
  }, 5000).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('API server', [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'watch', '--clear-screen=false', 'server/index.ts'], {
  PORT: port,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
});
start('Vite dev server', [join(root, 'node_modules', 'vite', 'bin', 'vite.js')], { API_URL: apiUrl });
