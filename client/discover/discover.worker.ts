/// <reference lib="webworker" />
/**
 * The vision worker: loads the models and the catalog index once, then analyses photos (detect,
 * embed, search) and camera frames (detect only) sent as ImageBitmaps, one at a time; searches a
 * box the shopper draws on the last analysed photo.
 */
import { CAMERA_DETECTOR } from '../vision/detect/detector.js';
import { embeddingModel } from '../vision/embed/spec.js';
import { createVisionEngine, type VisionEngine } from '../vision/engine.js';
import { fetchBytes, initBackend, MODELS_URL, modelStatus } from '../vision/runtime/index.js';
import { fromCompact } from '../vision/search/compact.js';
import type { VectorIndex } from '../vision/search/index.js';
import type { Match, RgbImage } from '../vision/types.js';
import type { CompactIndex } from '../../server/protocol/discovery.js';
import type { WorkerMessage, WorkerRequest } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerMessage): void => scope.postMessage(m);
/** Longest side analysed; detection runs at 512 and crops at 224. */
const MAX_SIDE = 1280;

let engine: VisionEngine | undefined;
let index: VectorIndex | undefined;
let remote = false;
/** The last analysed photo's pixels, so a box drawn on it is searched without sending the photo again. */
let lastPhoto: { image: RgbImage; scale: number } | undefined;

modelStatus.subscribe(() => post({ type: 'status', states: modelStatus.all() }));

/** Pixels of a bitmap, downscaled, alpha flattened on white (transparent PNGs are not black). */
function pixels(bitmap: ImageBitmap): { image: RgbImage; scale: number } {
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  const data = ctx.getImageData(0, 0, w, h).data;
  return { image: { width: w, height: h, channels: 4, data }, scale: 1 / scale };
}

const up = <T extends { box: readonly [number, number, number, number] }>(items: T[], s: number): T[] =>
  items.map((it) => ({ ...it, box: [Math.round(it.box[0] * s), Math.round(it.box[1] * s), Math.round(it.box[2] * s), Math.round(it.box[3] * s)] as const }));

/** Fetches the catalog index; an index of another model version is ignored (the page says why). */
async function loadCatalog(): Promise<{ count: number; missing: number }> {
  const catalog = await fetch('/api/discovery/index')
    .then((r) => (r.ok ? (r.json() as Promise<CompactIndex>) : undefined))
    .catch(() => undefined);
  const current = catalog && catalog.model.version === embeddingModel().version ? catalog : undefined;
  // A catalog too big to download is searched on the server: only each item's vector is sent.
  remote = current?.mode === 'server' && current.count > 0;
  index = current && !remote ? fromCompact(current) : undefined;
  return { count: remote ? current!.count : (index?.size ?? 0), missing: catalog?.missing ?? 0 };
}

/** The server's nearest products to a vector (catalogs past what a phone downloads). */
async function searchOnServer(vector: Float32Array, k: number, categories: readonly string[] | undefined): Promise<Match[]> {
  const res = await fetch('/api/discovery/search', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: embeddingModel(), vector: Array.from(vector), k, ...(categories ? { categories } : {}) }),
  });
  if (!res.ok) throw new Error(`The catalog search answered ${res.status}.`);
  const body = (await res.json()) as { items: { score: number; product: { id: string } }[] };
  return body.items.map((m) => ({ productId: m.product.id, score: m.score }));
}

async function start(): Promise<void> {
  try {
    const backend = await initBackend({ wasmDir: `${MODELS_URL}/tfjs-wasm/` });
    const [e, catalog] = await Promise.all([createVisionEngine({ base: MODELS_URL, read: fetchBytes }), loadCatalog()]);
    engine = e;
    post({ type: 'ready', backend, catalog });
  } catch (err) {
    post({ type: 'failed', reason: (err as Error).message });
  }
}

const ready = start();

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  await ready;
  const t0 = performance.now();
  try {
    if (req.type === 'refreshCatalog') {
      post({ type: 'catalog', catalog: await loadCatalog() });
      return;
    }
    if (!engine) throw new Error('The vision models are not available.');
    if (req.type === 'searchBox') {
      if (!lastPhoto) throw new Error('Choose a photo first.');
      if (!index && !remote) throw new Error('The catalog is not searchable by photo yet.');
      const { image, scale } = lastPhoto;
      const [x, y, w, h] = req.box;
      // Back to the analysed pixels, kept inside them (the box comes from the page).
      const x0 = Math.max(0, Math.min(image.width - 1, Math.round(x / scale)));
      const y0 = Math.max(0, Math.min(image.height - 1, Math.round(y / scale)));
      const box = [x0, y0, Math.max(1, Math.min(image.width - x0, Math.round(w / scale))), Math.max(1, Math.min(image.height - y0, Math.round(h / scale)))] as const;
      const [vector] = await engine.embedBoxes(image, [box]);
      // No label to narrow the categories: the shopper's box may hold anything the shop sells.
      const matches = index ? index.search(vector!, 6) : await searchOnServer(vector!, 6, undefined);
      post({ id: req.id, type: 'boxResult', item: { label: 'your box', kind: 'object', score: 1, box: req.box, matches }, ms: performance.now() - t0 });
      return;
    }
    const { image, scale } = pixels(req.bitmap);
    const size = { width: req.bitmap.width, height: req.bitmap.height };
    req.bitmap.close();
    if (req.type === 'analyse') {
      lastPhoto = { image, scale };
      const items = await engine.discover(image, index ? { index, k: 6 } : remote ? { search: searchOnServer, k: 6 } : {});
      post({ id: req.id, type: 'result', ...size, items: up(items, scale), ms: performance.now() - t0 });
    } else if (req.type === 'frame') {
      const items = await engine.detector.detect(image, CAMERA_DETECTOR);
      post({ id: req.id, type: 'detections', ...size, items: up(items, scale), ms: performance.now() - t0 });
    } else {
      const [vector] = await engine.embedBoxes(image, [[0, 0, image.width, image.height]]);
      post({ id: req.id, type: 'vector', vector: [...vector!], model: embeddingModel() });
    }
  } catch (err) {
    post({ id: req.id, type: 'error', message: (err as Error).message });
  }
};
