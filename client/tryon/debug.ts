/**
 * A read-only window into the try-on page for the end-to-end test, `npm run tryon` and
 * `npm run bench:tryon`: the latest placement summary, loop timings, and a way to time the models
 * alone on the current frame. Nothing here changes what the shopper sees.
 */
import type { LoopStats } from './tracking/loop.js';
import type { PlacementSummary } from './tracking/summary.js';
import type { TrackerReady, TrackResult } from './tracking/types.js';

export interface TryOnDebug {
  ready?: TrackerReady & { where: 'worker' | 'page' };
  summary?: PlacementSummary | null;
  /** Raw landmarks of the last tracked frame, in the displayed frame's pixels. */
  eyes?: { left: { x: number; y: number }; right: { x: number; y: number } } | null;
  loop?: LoopStats;
  frame?: { width: number; height: number };
  /** Times landmark inference alone on `n` fresh frames of the current camera. */
  inferenceOnly?: (n: number) => Promise<number[]>;
  /** Placements of the last frames, raw (unsmoothed) and filtered, for the jitter measure. */
  trail?: { raw: { x: number; y: number }[]; filtered: { x: number; y: number }[] };
  lastResult?: TrackResult;
  error?: string;
}

declare global {
  interface Window {
    __shopseeTryOn?: TryOnDebug;
  }
}

/** The page's debug record (created on first use). */
export function tryOnDebug(): TryOnDebug {
  window.__shopseeTryOn ??= {};
  return window.__shopseeTryOn;
}
