/**
 * `npm run eval:vision [-- --every N] [--json]`: the discovery engine's quality on the real photos
 * of ../shared/fixtures: detection recall/precision, category agreement, instance retrieval under
 * augmentation for several embeddings, the fashion items found, and garments per class on the
 * held-out quarter of fashion-ccp. Prints markdown tables.
 */
import { garmentTable } from '../discovery/eval/garment-scores.js';
import { runEvaluation } from '../discovery/eval/run.js';

const args = process.argv.slice(2);
const every = Number(args[args.indexOf('--every') + 1] ?? 1) || 1;
const t0 = Date.now();
const ev = await runEvaluation({ every: args.includes('--every') ? every : 1 });
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(ev)}\n`);
} else {
  const out: string[] = [`Home-goods: ${ev.photos} photos${every > 1 ? ` (every ${every}th)` : ''}`, '', 'Detection at IoU 0.5 (classes COCO shares with the labels)'];
  out.push('| pass | min score | recall | precision | truths | predictions |', '| --- | --- | --- | --- | --- | --- |');
  for (const d of ev.detection) {
    out.push(`| ${d.tiles ? 'full + 2×2 tiles' : 'full frame'} | ${d.minScore} | ${d.scores.recall.toFixed(3)} | ${d.scores.precision.toFixed(3)} | ${d.scores.truths} | ${d.scores.predictions} |`);
  }
  out.push('', `Retrieval: ${ev.crops} labelled crops, ${ev.distractors} distractors, ${ev.queries} augmented queries`);
  out.push('| embedding | 1-NN category | P@5 category | instance R@1 | instance R@5 |', '| --- | --- | --- | --- | --- |');
  for (const e of ev.embeddings) out.push(`| ${e.name} | ${e.nn1.toFixed(3)} | ${e.p5.toFixed(3)} | ${e.r1.toFixed(3)} | ${e.r5.toFixed(3)} |`);
  out.push('', 'Fashion items found', '| photo | item | found |', '| --- | --- | --- |');
  for (const f of ev.fashion) out.push(`| ${f.photo} | ${f.item} | ${f.found ? 'yes' : 'no'} |`);
  out.push('', `${ev.fashion.filter((f) => f.found).length} of ${ev.fashion.length} fashion items found.`);
  const g = ev.garments;
  out.push('', `Garments on fashion-ccp: ${g.photos.length} held-out photos (every 4th by name: ${g.photos.slice(0, 3).join(', ')}, ...; the head trained on the other ${g.trainPhotos}), IoU 0.5`);
  out.push(...garmentTable(g.scores), '', `Detector (objects + garments) ${Math.round(g.msPerPhoto)} ms a photo. Took ${Math.round((Date.now() - t0) / 1000)} s.`);
  process.stdout.write(`${out.join('\n')}\n`);
}
