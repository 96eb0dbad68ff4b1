/**
 * Worker thread of the server's catalog indexer: loads the vision engine once (tfjs on wasm, the
 * same engine and model version the browser runs) and embeds decoded photos, one at a time, so
 * inference never blocks the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import type { RgbImage } from '../../client/vision/types.js';
import { nodeEngine } from './node-engine.js';

export type EmbedRequest = { id: number; image: RgbImage };
export type EmbedAnswer =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { id: number; type: 'vector'; vector: Float32Array }
  | { id: number; type: 'error'; message: string };

const port = parentPort;
if (!port) throw new Error('embed-worker.ts runs as a worker thread only.');
const post = (m: EmbedAnswer, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

const engine = nodeEngine();
engine.then(
  () => post({ type: 'ready' }),
  (err: unknown) => post({ type: 'failed', message: (err as Error).message }),
);

// Requests are answered in order: the parent sends the next one after an answer (back-pressure).
port.on('message', (req: EmbedRequest) => {
  void (async () => {
    try {
      const e = await engine;
      const [vector] = await e.embedBoxes(req.image, [[0, 0, req.image.width, req.image.height]]);
      post({ id: req.id, type: 'vector', vector: vector! }, [vector!.buffer as ArrayBuffer]);
    } catch (err) {
      post({ id: req.id, type: 'error', message: (err as Error).message });
    }
  })();
});
