/**
 * `npm test`: prepares (system packages, models, client build), runs vitest, and ends with the
 * plain line "N passed, N failed" that CI reads. Extra arguments go to vitest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const results = join(root, 'test', 'artifacts', 'vitest-results.json');
mkdirSync(join(root, 'test', 'artifacts'), { recursive: true });

const prep = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test', 'support', 'prepare.ts')], { cwd: root, stdio: 'inherit' });
if (prep.status !== 0) process.exit(prep.status ?? 1);

const vitest = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  const skipped = r.numPendingTests + r.numTodoTests;
  process.stdout.write(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
}
process.exit(vitest.status ?? 1);
