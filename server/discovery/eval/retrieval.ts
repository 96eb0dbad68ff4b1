/**
 * Retrieval quality on home-goods crops: nearest-neighbour category agreement between crops of
 * different photos (1-NN, P@5), and instance retrieval of augmented crops (jitter, scale, rotation
 * ≤ 15°, colour, blur, JPEG) against the original crops plus random-box distractors (R@1, R@5).
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { imageTensor } from '../../../client/vision/detect/tensor.js';
import type { Embedder, RawEmbedding } from '../../../client/vision/embed/embedder.js';
import { dot, seededRandom } from '../../../client/vision/embed/vector.js';
import type { ImageBox } from '../../../client/vision/types.js';
import { decodePhoto } from '../decode.js';
import type { LabelledPhoto } from './fixtures.js';

export interface Crop {
  photo: string;
  label: string;
  box: ImageBox;
  raw: RawEmbedding;
}

const MIN_SIDE = 24;

/** Raw embeddings of every labelled box at least MIN_SIDE wide and tall, plus `distractors` random boxes a photo. */
export async function embedCrops(embedder: Embedder, photos: LabelledPhoto[], distractors = 0, seed = 1): Promise<{ crops: Crop[]; noise: Crop[] }> {
  const rand = seededRandom(seed);
  const crops: Crop[] = [];
  const noise: Crop[] = [];
  for (const photo of photos) {
    const decoded = await decodePhoto(readFileSync(photo.path));
    const s = 1 / decoded.scale;
    const boxes = photo.boxes.filter((b) => b.box[2] >= MIN_SIDE && b.box[3] >= MIN_SIDE);
    const random: ImageBox[] = Array.from({ length: distractors }, () => {
      const w = decoded.width * (0.15 + 0.35 * rand());
      const h = decoded.height * (0.15 + 0.35 * rand());
      return [rand() * (decoded.width - w), rand() * (decoded.height - h), w, h];
    });
    const all = [...boxes.map((b) => b.box), ...random].map((b) => [b[0] * s, b[1] * s, b[2] * s, b[3] * s] as ImageBox);
    const tensor = imageTensor(decoded.image);
    const raws = await embedder.embedRaw(tensor, all);
    tensor.dispose();
    boxes.forEach((b, i) => crops.push({ photo: photo.name, label: b.label, box: b.box, raw: raws[i]! }));
    random.forEach((box, i) => noise.push({ photo: photo.name, label: '(distractor)', box, raw: raws[boxes.length + i]! }));
  }
  return { crops, noise };
}

/** 1-NN category agreement and precision@5 among crops of other photos. */
export function categoryAgreement(crops: Crop[], vectors: Float32Array[]): { nn1: number; p5: number; queries: number } {
  let nn1 = 0;
  let p5 = 0;
  let queries = 0;
  crops.forEach((q, i) => {
    const others = crops.map((c, j) => ({ c, j })).filter(({ c }) => c.photo !== q.photo);
    if (!others.some(({ c }) => c.label === q.label)) return;
    const ranked = others.map(({ c, j }) => ({ label: c.label, s: dot(vectors[i]!, vectors[j]!) })).sort((a, b) => b.s - a.s);
    queries += 1;
    if (ranked[0]?.label === q.label) nn1 += 1;
    p5 += ranked.slice(0, 5).filter((r) => r.label === q.label).length / 5;
  });
  return { nn1: queries ? nn1 / queries : 0, p5: queries ? p5 / queries : 0, queries };
}

/** An augmented copy of a crop as an encoded JPEG, deterministic for a seed. */
export async function augmentCrop(photoPath: string, box: ImageBox, rand: () => number): Promise<Buffer> {
  const meta = await sharp(photoPath).metadata();
  const W = meta.width ?? 1;
  const H = meta.height ?? 1;
  const scale = 0.85 + 0.3 * rand();
  const w = box[2] * scale;
  const h = box[3] * scale;
  const cx = box[0] + box[2] / 2 + (rand() - 0.5) * 0.2 * box[2];
  const cy = box[1] + box[3] / 2 + (rand() - 0.5) * 0.2 * box[3];
  const left = Math.max(0, Math.round(cx - w / 2));
  const top = Math.max(0, Math.round(cy - h / 2));
  const width = Math.max(8, Math.min(W - left, Math.round(w)));
  const height = Math.max(8, Math.min(H - top, Math.round(h)));
  const angle = (rand() * 2 - 1) * 15;
  const cropped = await sharp(photoPath).extract({ left, top, width, height }).toBuffer();
  return sharp(cropped)
    .rotate(angle, { background: '#808080' })
    .modulate({ brightness: 0.8 + 0.4 * rand(), saturation: 0.8 + 0.4 * rand(), hue: Math.round((rand() * 2 - 1) * 10) })
    .blur(0.3 + 1.2 * rand())
    .jpeg({ quality: Math.round(35 + 40 * rand()) })
    .toBuffer();
}

/** Raw embeddings of augmented copies of the given crops (whole augmented image as the box). */
export async function embedAugmented(embedder: Embedder, photos: LabelledPhoto[], crops: Crop[], seed = 2): Promise<RawEmbedding[]> {
  const rand = seededRandom(seed);
  const paths = new Map(photos.map((p) => [p.name, p.path]));
  const out: RawEmbedding[] = [];
  for (const crop of crops) {
    const decoded = await decodePhoto(await augmentCrop(paths.get(crop.photo)!, crop.box, rand));
    const tensor = imageTensor(decoded.image);
    const [raw] = await embedder.embedRaw(tensor, [[0, 0, decoded.image.width, decoded.image.height]]);
    tensor.dispose();
    out.push(raw!);
  }
  return out;
}

/** Recall@1 and @5 of queries (query i's true item is catalog index targets[i]). */
export function instanceRecall(queries: Float32Array[], catalog: Float32Array[], targets: number[]): { r1: number; r5: number } {
  let r1 = 0;
  let r5 = 0;
  queries.forEach((q, i) => {
    const ranked = catalog.map((c, j) => ({ j, s: dot(q, c) })).sort((a, b) => b.s - a.s);
    const rank = ranked.findIndex((r) => r.j === targets[i]);
    if (rank === 0) r1 += 1;
    if (rank >= 0 && rank < 5) r5 += 1;
  });
  return { r1: r1 / queries.length, r5: r5 / queries.length };
}
