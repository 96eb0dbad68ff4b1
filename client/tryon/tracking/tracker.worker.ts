/// <reference lib="webworker" />
/**
 * The tracking worker: camera frames arrive as transferred ImageBitmaps, landmarks go back as
 * typed arrays (transferred too). One frame at a time: the page sends the next only after a result.
 */
import { createEngine, type TrackingEngine } from './engine.js';
import type { FromWorker, ToWorker } from './types.js';

declare const self: DedicatedWorkerGlobalScope;
let engine: TrackingEngine | null = null;

const post = (msg: FromWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    engine = await createEngine(msg.config);
    post({ type: 'ready', ready: engine.ready });
    return;
  }
  try {
    if (!engine) throw new Error('tracker not initialised');
    const result = await engine.track(msg.bitmap, msg.timestampMs, msg.still, msg.wants);
    const transfer = [...result.faces.map((f) => f.landmarks.buffer), ...result.hands.map((h) => h.landmarks.buffer)];
    post({ type: 'result', id: msg.id, result }, transfer as Transferable[]);
  } catch (e) {
    post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    msg.bitmap.close();
  }
};
