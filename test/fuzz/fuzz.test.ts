/** A short fuzz run in every `npm test` (the long one is `npm run fuzz -- --runs 10000`). */
import { describe, expect, it } from 'vitest';
import { fuzz } from './fuzz.js';

describe('fuzzing every HTTP route and live socket event', () => {
  it('answers 600 generated inputs without a 5xx, an INTERNAL ack or a row written by a refused request', async () => {
    const report = await fuzz({ runs: 600, seed: Number(process.env.FUZZ_SEED ?? 42) });
    process.stdout.write(`fuzz: ${JSON.stringify({ requests: report.requests, emits: report.emits, byStatus: report.byStatus, ms: report.ms })}\n`);
    expect(report.problems).toEqual([]);
    expect(report.requests).toBeGreaterThan(400);
    expect(report.emits).toBeGreaterThan(100);
    // The inputs reach past validation too: some are accepted.
    expect(report.byStatus['200'] ?? 0).toBeGreaterThan(50);
  }, 240_000);
});
