/**
 * Runs `npm run bench:vision -- --quick --json` so the benchmark itself runs in CI. Timings are
 * printed, not asserted (the machine is shared); what must hold on any machine is asserted: no
 * tensor leak over camera frames, approximate search recall, and index memory per product.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('bench:vision (quick)', () => {
  it('leaks no tensors over camera frames, keeps IVF and pgvector recall@10 at 0.97 and 0.95 or more and stays under 512 bytes a product', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/bench-vision.ts', '--quick', '--json'], { encoding: 'utf8', timeout: 280_000 });
    expect(res.status, res.stderr).toBe(0);
    const summary = JSON.parse(res.stdout.trim().split('\n').at(-1)!);
    process.stdout.write(`bench:vision --quick ${JSON.stringify(summary)}\n`);
    expect(summary.tensors_after_25).toBe(summary.tensors_after_10);
    // Measured 0.998 at 20k (0.980 at 100k) since the IVF seeds 64-dim centroids by k-means++.
    expect(summary.search_20k_recall10).toBeGreaterThanOrEqual(0.97);
    expect(summary.bytes_per_product).toBeLessThanOrEqual(512);
    // The server path: pgvector's HNSW index agrees with the exact scan (measured 0.992 at 5k).
    expect(summary.pgvector_5k_recall10).toBeGreaterThanOrEqual(0.95);
    // Garments only where the pixels show them (issue 8): measured 3.5 an image on the two fashion photos.
    expect(summary.items_per_photo).toBeGreaterThanOrEqual(3);
    expect(summary.photo_ratio).toBeGreaterThan(1);
  }, 300_000);
});
