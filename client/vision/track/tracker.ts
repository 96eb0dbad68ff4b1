/**
 * Stable identities for camera mode: detections of each frame are assigned to existing tracks by
 * IoU (Hungarian, same label only), boxes are smoothed with an exponential moving average, a new
 * item shows after it is seen twice and a lost one lingers a few frames, so outlines neither
 * flicker nor jump.
 */
import { iou } from '../detect/boxes.js';
import type { Detection, ImageBox } from '../types.js';
import { assign } from './hungarian.js';

export interface Track extends Detection {
  id: number;
  hits: number;
  misses: number;
}

export interface TrackerOptions {
  /** Below this IoU a detection starts a new track instead of continuing one. */
  minIou: number;
  /** Weight of the new box in the moving average (1 = no smoothing). */
  alpha: number;
  /** Frames a track survives without a detection. */
  maxMisses: number;
  /** Detections needed before a track is shown. */
  minHits: number;
}

export const DEFAULT_TRACKER: TrackerOptions = { minIou: 0.3, alpha: 0.45, maxMisses: 4, minHits: 2 };

const blend = (a: ImageBox, b: ImageBox, w: number): ImageBox => [a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w, a[2] + (b[2] - a[2]) * w, a[3] + (b[3] - a[3]) * w];

/** Tracks items across frames. Plain state, no timers: call update() once per processed frame. */
export class Tracker {
  private tracks: Track[] = [];
  private nextId = 1;

  constructor(private readonly options: TrackerOptions = DEFAULT_TRACKER) {}

  /** Folds one frame's detections in; returns the tracks to show. */
  update(detections: readonly Detection[]): Track[] {
    const o = this.options;
    const cost = this.tracks.map((t) => detections.map((d) => (d.label === t.label && iou(t.box, d.box) >= o.minIou ? 1 - iou(t.box, d.box) : Number.POSITIVE_INFINITY)));
    const matched = assign(cost);
    const used = new Set<number>();
    this.tracks.forEach((t, i) => {
      const j = matched[i]!;
      if (j >= 0) {
        const d = detections[j]!;
        used.add(j);
        t.box = blend(t.box, d.box, o.alpha);
        t.score = t.score + (d.score - t.score) * o.alpha;
        t.hits += 1;
        t.misses = 0;
      } else t.misses += 1;
    });
    this.tracks = this.tracks.filter((t) => t.misses <= o.maxMisses);
    detections.forEach((d, j) => {
      if (!used.has(j)) this.tracks.push({ ...d, id: this.nextId++, hits: 1, misses: 0 });
    });
    return this.visible();
  }

  /** Tracks confirmed by enough detections. */
  visible(): Track[] {
    return this.tracks.filter((t) => t.hits >= this.options.minHits).map((t) => ({ ...t }));
  }

  /** Forgets everything (camera switched, photo mode). */
  reset(): void {
    this.tracks = [];
  }
}
