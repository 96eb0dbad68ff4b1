/**
 * The tracking engine: MediaPipe FaceLandmarker for faces (tfjs face mesh when it cannot load), tfjs
 * hand models for wrists. Runs inside the tracking worker, or on the page when workers fail.
 */
import { createHumanTracker, type HumanTracker } from './humanModels.js';
import { createMediapipeFace, type FaceDetector } from './mediapipeFace.js';
import type { TrackedFace, TrackerConfig, TrackerReady, TrackResult, TrackWants } from './types.js';

export interface TrackingEngine {
  ready: TrackerReady;
  track(bitmap: ImageBitmap, timestampMs: number, still: boolean, wants: TrackWants): Promise<TrackResult>;
}

/**
 * FaceLandmarker's detector is short-range: a face under ~15% of a full-length photo's width is
 * missed. For a still photo, look again in overlapping crops (3×3 of half the short side), and map
 * the landmarks back to the whole photo.
 */
async function detectInTiles(face: FaceDetector, bitmap: ImageBitmap): Promise<TrackedFace[]> {
  const { width: w, height: h } = bitmap;
  const size = Math.round(Math.min(w, h) / 2);
  for (const fy of [0, 0.5, 1]) {
    for (const fx of [0.5, 0, 1]) {
      const sx = Math.round(fx * (w - size));
      const sy = Math.round(fy * (h - size));
      const tile = await createImageBitmap(bitmap, sx, sy, size, size);
      try {
        const [found] = await face.detect(tile, 0, true);
        if (!found) continue;
        const lm = found.landmarks;
        for (let i = 0; i < lm.length; i += 3) {
          lm[i] = (sx + lm[i]! * size) / w;
          lm[i + 1] = (sy + lm[i + 1]! * size) / h;
          lm[i + 2] = (lm[i + 2]! * size) / w;
        }
        // The matrix assumed the tile's camera; the landmark pose is used instead.
        return [{ landmarks: lm }];
      } finally {
        tile.close();
      }
    }
  }
  return [];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Loads every model it can; what fails is listed in `ready.problems` rather than thrown. */
export async function createEngine(config: TrackerConfig): Promise<TrackingEngine> {
  const problems: string[] = [];
  let face: FaceDetector | null = null;
  if (!config.forceTfjsFace) {
    face = await createMediapipeFace(config).catch((e) => {
      problems.push(`MediaPipe face landmarker unavailable (${message(e)}); using the tfjs face mesh.`);
      return null;
    });
  }
  let human: HumanTracker | null = await createHumanTracker(config, !face).catch((e) => {
    problems.push(`tfjs hand models unavailable (${message(e)}).`);
    return null;
  });
  if (!face && human && !human.face) human = null;
  const ready: TrackerReady = { face: face ? 'mediapipe' : human?.face ? 'tfjs-facemesh' : 'none', hands: Boolean(human), problems };

  return {
    ready,
    async track(bitmap, timestampMs, still, wants) {
      const t0 = performance.now();
      const result: TrackResult = { width: bitmap.width, height: bitmap.height, faces: [], hands: [], inferenceMs: 0 };
      if (wants.face && face) {
        result.faces = await face.detect(bitmap, timestampMs, still);
        if (still && result.faces.length === 0) result.faces = await detectInTiles(face, bitmap);
      }
      if (human && (wants.hands || (wants.face && !face))) {
        const r = await human.detect(bitmap, { face: wants.face && !face, hands: wants.hands });
        if (!face) result.faces = r.faces;
        result.hands = r.hands;
      }
      result.inferenceMs = performance.now() - t0;
      return result;
    },
  };
}
