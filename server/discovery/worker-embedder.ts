/**
 * The indexer's handle on its embedding worker thread: started on first use, answers one photo at a
 * time, ended after a quiet minute (the models hold a few hundred MB) and restarted when needed.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RgbImage } from '../../client/vision/types.js';
import type { EmbedAnswer } from './embed-worker.js';

/** Embeds whole decoded photos into catalog vectors. */
export interface PhotoEmbedder {
  embed(image: RgbImage): Promise<Float32Array>;
  close(): Promise<void>;
}

/** The engine could not start at all (models missing, worker crash at load): retrying each photo is pointless. */
export class EngineUnavailable extends Error {}

const WORKER_URL = new URL('./embed-worker.ts', import.meta.url).href;
// The thread loads the TypeScript entry through tsx's API, so it runs the same under `tsx`, vitest
// and any Node that has the project's dependencies (a worker does not inherit the parent's loader).
const TSX_API = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const BOOT = `import(${JSON.stringify(TSX_API)}).then((api) => api.tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}))`;

/** A PhotoEmbedder backed by a worker thread running the vision engine. */
export function workerEmbedder(options: { idleMs?: number } = {}): PhotoEmbedder {
  let worker: Worker | undefined;
  let ready: Promise<void> | undefined;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: Float32Array) => void; reject: (e: Error) => void }>();

  const stop = async (): Promise<void> => {
    const w = worker;
    worker = undefined;
    ready = undefined;
    if (idle) clearTimeout(idle);
    for (const { reject } of waiting.values()) reject(new Error('The indexing worker stopped.'));
    waiting.clear();
    await w?.terminate();
  };

  const start = (): Promise<void> => {
    const w = new Worker(BOOT, { eval: true });
    worker = w;
    w.unref();
    return new Promise<void>((resolve, reject) => {
      w.on('message', (m: EmbedAnswer) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'failed') {
          reject(new EngineUnavailable(`The visual-search models could not load (${m.message}); run "npm run models".`));
          void stop();
        } else {
          const p = waiting.get(m.id);
          waiting.delete(m.id);
          if (m.type === 'vector') p?.resolve(m.vector);
          else p?.reject(new Error(m.message));
        }
      });
      w.on('error', (err) => {
        reject(new EngineUnavailable(`The indexing worker failed: ${err.message}`));
        if (worker === w) void stop();
      });
      w.on('exit', (code) => {
        if (worker !== w) return;
        const err = new Error(`The indexing worker exited (code ${code}).`);
        reject(new EngineUnavailable(err.message));
        worker = undefined;
        ready = undefined;
        for (const { reject: r } of waiting.values()) r(err);
        waiting.clear();
      });
    });
  };

  return {
    async embed(image) {
      if (idle) clearTimeout(idle);
      ready ??= start();
      await ready;
      const w = worker!;
      const id = nextId++;
      const vector = await new Promise<Float32Array>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const buffer = image.data.buffer as ArrayBuffer;
        w.postMessage({ id, image }, [buffer]);
      });
      idle = setTimeout(() => void stop(), options.idleMs ?? 60_000);
      idle.unref();
      return vector;
    },
    close: stop,
  };
}
