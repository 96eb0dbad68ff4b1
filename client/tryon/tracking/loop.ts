/**
 * The camera tracking loop: grab a frame as an ImageBitmap, track it (worker), place the product,
 * hand the placement to the scene. One frame in flight; a frame is taken only when the last result
 * is back, and a video frame already tracked is skipped. Per-frame timings are kept for the benchmark.
 */
import type { FrameState } from '../scene/frameState.js';
import { PlacementTracker } from './placement.js';
import type { Tracker } from './trackerClient.js';
import type { TrackResult, TrackWants } from './types.js';

export interface FrameTiming {
  /** Model time inside the tracker. */
  inferenceMs: number;
  /** Grab → tracked → placed → rendered: the whole loop for this frame. */
  loopMs: number;
  tracked: boolean;
}

export interface LoopStats {
  timings: FrameTiming[];
  frames: number;
  startedAt: number;
}

export interface LoopOptions {
  video: HTMLVideoElement;
  tracker: Tracker;
  state: FrameState;
  placement: PlacementTracker;
  wants: TrackWants;
  /** Called after each tracked frame with the raw result (UI-rate consumers throttle it). */
  onResult?: (r: TrackResult) => void;
  /** Resolves once the scene has drawn the given version (so the loop time includes the render). */
  rendered?: (version: number) => Promise<void>;
  maxTimings?: number;
}

/** Starts the loop; returns its stats and a stop function. */
export function startTrackingLoop(o: LoopOptions): { stats: LoopStats; stop: () => void } {
  const stats: LoopStats = { timings: [], frames: 0, startedAt: performance.now() };
  let running = true;
  let lastVideoTime = -1;
  let lastT = performance.now() / 1000;

  const next = () => {
    if (!running) return;
    const v = o.video as HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number };
    if (v.requestVideoFrameCallback) v.requestVideoFrameCallback(() => void step());
    else requestAnimationFrame(() => void step());
  };

  const step = async () => {
    if (!running) return;
    const v = o.video;
    if (v.readyState < 2 || v.currentTime === lastVideoTime) return next();
    lastVideoTime = v.currentTime;
    const t0 = performance.now();
    try {
      const bitmap = await createImageBitmap(v);
      const result = await o.tracker.track(bitmap, t0, false, o.wants);
      const t = performance.now() / 1000;
      o.state.frame = { width: result.width, height: result.height };
      o.state.placement = o.placement.update(result, t, t - lastT);
      lastT = t;
      o.state.version++;
      if (o.rendered) await o.rendered(o.state.version);
      stats.frames++;
      stats.timings.push({ inferenceMs: result.inferenceMs, loopMs: performance.now() - t0, tracked: Boolean(o.state.placement?.tracked) });
      if (stats.timings.length > (o.maxTimings ?? 600)) stats.timings.shift();
      o.onResult?.(result);
    } catch (e) {
      console.warn('try-on frame failed:', e);
    }
    next();
  };
  next();
  return {
    stats,
    stop: () => {
      running = false;
    },
  };
}
