/**
 * `npm run discover -- IMAGE... [--json]`: finds products in photos with the same engine the
 * browser runs, and matches them against the shop's catalog index when one exists. With --json,
 * one line per readable image; unreadable files are reported on stderr and make the exit code 1.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../protocol/errors.js';
import { loadCatalogIndexForCli } from '../discovery/cli-catalog.js';
import { discoverPhoto } from '../discovery/node-engine.js';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write('Usage: npm run discover -- IMAGE... [--json]\n');
    return 2;
  }
  const index = await loadCatalogIndexForCli((line) => process.stderr.write(`${line}\n`));
  let failed = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      failed += 1;
      process.stderr.write(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).\n`);
      continue;
    }
    try {
      const result = await discoverPhoto(bytes, index ? { index } : {});
      const items = result.items.map((it) => ({ label: it.label, kind: it.kind, score: it.score, box: it.box, matches: it.matches }));
      if (json) process.stdout.write(`${JSON.stringify({ file, width: result.width, height: result.height, items })}\n`);
      else {
        process.stdout.write(`${file} (${result.width}×${result.height}): ${items.length} item${items.length === 1 ? '' : 's'}\n`);
        for (const it of items) {
          const best = it.matches[0] ? `  → ${it.matches[0].productId} (${it.matches[0].score.toFixed(2)})` : '';
          process.stdout.write(`  ${it.kind.padEnd(7)} ${it.label.padEnd(14)} ${it.score.toFixed(2)}  [${it.box.join(', ')}]${best}\n`);
        }
      }
    } catch (err) {
      failed += 1;
      const message = err instanceof AppError ? `${err.message} [${err.code}]` : `could not be analysed: ${(err as Error).message}`;
      process.stderr.write(`${file}: ${message}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
