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
  /**
   * The whole loop's cost for this frame: time since the previous frame was placed (grab, transfer,
   * inference, pose, smoothing; the render of the previous frame overlaps the next inference).
   */
  loopMs: number;
  /** Grab → drawn on screen, for this frame (filled in once rendered). */
  latencyMs?: number;
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
  /** Resolves once the scene has drawn the given version (for the latency figure). */
  rendered?: (version: number) => Promise<void>;
  maxTimings?: number;
}

/** Starts the loop; returns its stats and a stop function. */
export function startTrackingLoop(o: LoopOptions): { stats: LoopStats; stop: () => void } {
  const stats: LoopStats = { timings: [], frames: 0, startedAt: performance.now() };
  let running = true;
  let lastVideoTime = -1;
  let lastT = performance.now() / 1000;
  let lastDone = performance.now();
  const v = o.video as HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number };

  /** Resolves when the video shows a frame not tracked yet (at once when it already does). */
  const newFrame = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!running || (v.readyState >= 2 && v.currentTime !== lastVideoTime)) resolve();
        else if (v.requestVideoFrameCallback) v.requestVideoFrameCallback(check);
        else requestAnimationFrame(check);
      };
      check();
    });

  /** Grabs the next new frame and sends it to the tracker. */
  const track = async () => {
    await newFrame();
    if (!running) return null;
    lastVideoTime = v.currentTime;
    const t0 = performance.now();
    const bitmap = await createImageBitmap(v);
    return { t0, result: await o.tracker.track(bitmap, t0, false, o.wants) };
  };

  const run = async () => {
    let inflight = track();
    while (running) {
      let got: Awaited<ReturnType<typeof track>>;
      try {
        got = await inflight;
      } catch (e) {
        console.warn('try-on frame failed:', e);
        inflight = track();
        continue;
      }
      if (!got) break;
      // The last result is back: the next frame goes to the tracker now, and this one is placed and
      // drawn while it is being tracked (one frame in flight, render overlapping inference).
      inflight = track();
      const { t0, result } = got;
      const t = performance.now() / 1000;
      o.state.frame = { width: result.width, height: result.height };
      o.state.placement = o.placement.update(result, t, t - lastT);
      lastT = t;
      o.state.version++;
      const now = performance.now();
      const timing: FrameTiming = { inferenceMs: result.inferenceMs, loopMs: now - Math.max(lastDone, t0 - 1000), tracked: Boolean(o.state.placement?.tracked) };
      lastDone = now;
      if (o.rendered) void o.rendered(o.state.version).then(() => (timing.latencyMs = performance.now() - t0));
      else o.state.invalidate();
      stats.frames++;
      stats.timings.push(timing);
      if (stats.timings.length > (o.maxTimings ?? 600)) stats.timings.shift();
      o.onResult?.(result);
    }
  };
  void run();
  return {
    stats,
    stop: () => {
      running = false;
    },
  };
}
