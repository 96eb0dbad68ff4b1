/**
 * The page's handle on tracking: a worker when the browser allows (inference off the main thread),
 * else the same engine on the page. Frames go in as ImageBitmaps; one request is in flight at a time.
 */
import { modelPath } from '../../vision/runtime/manifest.js';
import { createEngine } from './engine.js';
import type { FromWorker, ToWorker, TrackerConfig, TrackerReady, TrackResult, TrackWants } from './types.js';

export interface Tracker {
  ready: TrackerReady;
  /** 'worker' or 'page': where inference runs. */
  where: 'worker' | 'page';
  track(bitmap: ImageBitmap, timestampMs: number, still: boolean, wants: TrackWants): Promise<TrackResult>;
  dispose(): void;
}

/** Model and runtime locations from the shared manifest, served under /models/. */
export function defaultTrackerConfig(software: boolean, base = '/models'): TrackerConfig {
  return {
    faceTaskUrl: modelPath(base, 'face-landmarker'),
    mediapipeWasm: {
      // The ES-module loader: it also loads inside a module worker, where importScripts is refused.
      loaderUrl: modelPath(base, 'mediapipe-wasm', 'vision_wasm_module_internal.js'),
      binaryUrl: modelPath(base, 'mediapipe-wasm', 'vision_wasm_module_internal.wasm'),
    },
    modelBase: `${base}/`,
    tfWasmDir: `${base}/tfjs-wasm/`,
    delegate: software ? 'CPU' : 'GPU',
    tfBackend: software ? 'wasm' : 'webgl',
  };
}

function workerTracker(config: TrackerConfig): Promise<Tracker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./tracker.worker.ts', import.meta.url), { type: 'module', name: 'tryon-tracker' });
    const pending = new Map<number, { ok: (r: TrackResult) => void; fail: (e: Error) => void }>();
    let nextId = 1;
    const timer = setTimeout(() => reject(new Error('the tracking worker did not start in 60 s')), 60_000);
    worker.onerror = (e) => {
      clearTimeout(timer);
      reject(new Error(e.message || 'the tracking worker failed to load'));
    };
    worker.onmessage = (ev: MessageEvent<FromWorker>) => {
      const msg = ev.data;
      if (msg.type === 'ready') {
        clearTimeout(timer);
        resolve({
          ready: msg.ready,
          where: 'worker',
          track(bitmap, timestampMs, still, wants) {
            const id = nextId++;
            return new Promise<TrackResult>((ok, fail) => {
              pending.set(id, { ok, fail });
              const m: ToWorker = { type: 'frame', id, bitmap, timestampMs, still, wants };
              worker.postMessage(m, [bitmap]);
            });
          },
          dispose: () => worker.terminate(),
        });
        return;
      }
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.type === 'result') p?.ok(msg.result);
      else p?.fail(new Error(msg.message));
    };
    const init: ToWorker = { type: 'init', config };
    worker.postMessage(init);
  });
}

/** Starts tracking in a worker, falling back to the page when the worker cannot run. */
export async function createTracker(config: TrackerConfig, preferWorker = true): Promise<Tracker> {
  if (preferWorker && typeof Worker !== 'undefined') {
    try {
      return await workerTracker(config);
    } catch (e) {
      console.warn('try-on: tracking on the page, the worker failed:', e);
    }
  }
  const engine = await createEngine(config);
  return {
    ready: engine.ready,
    where: 'page',
    track: async (bitmap, ts, still, wants) => {
      try {
        return await engine.track(bitmap, ts, still, wants);
      } finally {
        bitmap.close();
      }
    },
    dispose: () => undefined,
  };
}
