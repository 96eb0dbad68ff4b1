/**
 * Makes the app ready to serve: model files in place, and the web client built when its
 * sources are newer than the last build. Does nothing when all is current.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchModels } from '../../models/fetch.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function run(cmd: string, args: string[]): void {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    process.stderr.write(`\n"${cmd} ${args.join(' ')}" failed (exit ${res.status}).\n`);
    process.exit(res.status ?? 1);
  }
}

/** Builds the client unless dist/client is newer than every input of the build. */
export async function prepare(): Promise<void> {
  // In this process: a second Node + tsx start for the model check cost more than the check itself.
  await fetchModels();

  const built = join(root, 'dist', 'client', 'index.html');
  const inputs = ['client', 'server/protocol', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(root, p)));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...inputs)) {
    process.stdout.write('Web client is up to date.\n');
    return;
  }
  process.stdout.write('Building the web client...\n');
  run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
}

if (import.meta.url === `file://${process.argv[1]}`) await prepare();
