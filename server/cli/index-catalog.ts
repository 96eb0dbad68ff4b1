/**
 * `npm run index-catalog [-- --all]`: computes the visual-search vector of every product photo
 * that lacks one for the current model (all of them with --all), with a progress bar. Stop the
 * server first when it uses the embedded database (PGlite allows one process at a time).
 */
import { indexCatalog } from '../discovery/indexer.js';
import { openShopStore } from '../discovery/open-store.js';

function bar(done: number, total: number, startedMs: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const rate = done / Math.max(0.001, (Date.now() - startedMs) / 1000);
  const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)}/s  eta ${eta}s`;
}

const { db, dataDir } = await openShopStore();
const started = Date.now();
const tty = process.stderr.isTTY;
try {
  const result = await indexCatalog(db.kysely, dataDir, {
    all: process.argv.includes('--all'),
    onProgress: (p) => {
      const line = bar(p.done, p.total, started);
      if (tty) process.stderr.write(`\r${line}`);
      else if (p.done === p.total || p.done % 10 === 0) process.stderr.write(`${line}\n`);
    },
    onError: (id, message) => process.stderr.write(`${tty ? '\n' : ''}${id}: ${message}\n`),
  });
  if (tty) process.stderr.write('\n');
  process.stdout.write(`Indexed ${result.indexed} of ${result.total} products (${result.failed} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  process.exitCode = result.failed ? 1 : 0;
} finally {
  await db.close();
}
