/**
 * `npm run index-catalog [-- --all]`: computes the visual-search vector of every product photo
 * that lacks one for the current model (all of them with --all), with a progress bar. The server
 * does this by itself in the background; while it runs on the embedded database this command asks
 * it to (and shows its progress) instead of opening the database a second time.
 */
import { parseArgs } from 'node:util';
import { indexCatalog } from '../discovery/indexer.js';
import { openShopStore } from '../discovery/open-store.js';
import { loopbackJson, merchantToken, runningServer } from '../discovery/via-server.js';
import type { IndexStatus } from '../protocol/discovery.js';

function bar(done: number, total: number, startedMs: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const rate = done / Math.max(0.001, (Date.now() - startedMs) / 1000);
  const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)}/s  eta ${eta}s`;
}

const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
const started = Date.now();
const tty = process.stderr.isTTY;
const progress = (done: number, total: number): void => {
  const line = bar(done, total, started);
  if (tty) process.stderr.write(`\r${line}`);
  else if (done === total || done % 10 === 0) process.stderr.write(`${line}\n`);
};

/** Asks the running server to index and follows its status until the run ends. */
async function throughServer(url: string): Promise<number> {
  const token = merchantToken();
  if (!token) {
    process.stderr.write(`The shop server at ${url} holds the database, and no merchant token was found (set MERCHANT_TOKEN).\n`);
    return 2;
  }
  process.stderr.write(`The shop server at ${url} holds the database: asking it to index.\n`);
  const asked = await loopbackJson<IndexStatus & { error?: { message: string } }>(`${url}/api/discovery/reindex`, { method: 'POST', token, body: { all: values.all } });
  if (asked.status !== 202) {
    process.stderr.write(`The server refused: ${asked.body?.error?.message ?? `HTTP ${asked.status}`}\n`);
    return 1;
  }
  let status = asked.body;
  // The run starts at once; follow it until nothing is running (bounded: 1 hour).
  for (let i = 0; i < 7200 && (status.running || i < 2); i++) {
    await new Promise((r) => setTimeout(r, 500));
    status = (await loopbackJson<IndexStatus>(`${url}/api/discovery/status`)).body;
    if (status.run) progress(status.run.done, status.run.total);
  }
  if (tty) process.stderr.write('\n');
  process.stdout.write(`${status.indexed} of ${status.total} products are searchable by photo (${status.failed} failed) after ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  if (status.problem) process.stderr.write(`${status.problem}\n`);
  return status.failed || status.pending ? 1 : 0;
}

async function alone(): Promise<number> {
  const { db, dataDir } = await openShopStore({ role: 'index-catalog' });
  try {
    const result = await indexCatalog(db.kysely, dataDir, {
      all: values.all,
      onProgress: (p) => progress(p.done, p.total),
      onError: (id, message) => process.stderr.write(`${tty ? '\n' : ''}${id}: ${message}\n`),
    });
    if (tty) process.stderr.write('\n');
    process.stdout.write(`Indexed ${result.indexed} of ${result.total} products (${result.failed} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    return result.failed ? 1 : 0;
  } finally {
    await db.close();
  }
}

const server = runningServer();
try {
  process.exitCode = server?.url ? await throughServer(server.url) : await alone();
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = 2;
}
