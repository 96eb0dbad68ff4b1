/** `npm run fuzz [-- --runs 10000 --seed 42]`: the fuzzer at length; prints the report and exits 1 on any problem. */
import { parseArgs } from 'node:util';
import { fuzz } from './fuzz.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string', default: '42' } } });
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs <= 0 || !Number.isInteger(seed)) {
  process.stderr.write('Usage: npm run fuzz -- [--runs N] [--seed S]\n');
  process.exit(2);
}
const report = await fuzz({ runs, seed, log: (l) => process.stderr.write(`${l}\n`) });
process.stdout.write(`${JSON.stringify({ requests: report.requests, emits: report.emits, byStatus: report.byStatus, problems: report.problems.length, ms: report.ms })}\n`);
for (const p of report.problems.slice(0, 20)) process.stdout.write(`${p.where}: ${p.what}\n  input: ${JSON.stringify(p.input).slice(0, 300)}\n`);
process.exit(report.problems.length ? 1 : 0);
