/**
 * The tfjs models of @vladmandic/human used by try-on: hands (handtrack + handlandmark-lite, as no
 * hand .task runs offline) and the face mesh with iris as the fallback face tracker. Human's bundled
 * build carries its own tfjs 4.22 (the version of the served wasm binaries), kept inside the worker.
 */
import { Human } from '@vladmandic/human';
import type { TrackedFace, TrackedHand, TrackerConfig, TrackWants } from './types.js';

export interface HumanTracker {
  detect(image: ImageBitmap, wants: TrackWants): Promise<{ faces: TrackedFace[]; hands: TrackedHand[] }>;
  readonly face: boolean;
}

/** Loads the hand models, and the face mesh too when `face` is true. */
export async function createHumanTracker(config: TrackerConfig, face: boolean): Promise<HumanTracker> {
  const human = new Human({
    backend: config.tfBackend,
    wasmPath: config.tfWasmDir,
    modelBasePath: config.modelBase,
    debug: false,
    async: true,
    warmup: 'none',
    cacheSensitivity: 0,
    filter: { enabled: false },
    gesture: { enabled: false },
    body: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    hand: {
      enabled: true,
      maxDetected: 2,
      minConfidence: 0.3,
      iouThreshold: 0.2,
      skipFrames: 0,
      landmarks: true,
      rotation: true,
      detector: { modelPath: 'handtrack/handtrack.json' },
      skeleton: { modelPath: 'handlandmark-lite/handlandmark-lite.json' },
    },
    face: {
      enabled: face,
      detector: { modelPath: 'blazeface/blazeface.json', rotation: true, maxDetected: 1, skipFrames: 0 },
      mesh: { enabled: true, modelPath: 'facemesh/facemesh.json' },
      iris: { enabled: true, modelPath: 'iris/iris.json' },
      attention: { enabled: false },
      emotion: { enabled: false },
      description: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
  } as ConstructorParameters<typeof Human>[0]);
  await human.load();
  return {
    face,
    async detect(image, wants) {
      const res = await human.detect(image as unknown as Parameters<Human['detect']>[0], {
        hand: { enabled: wants.hands },
        face: { enabled: face && wants.face },
      } as Parameters<Human['detect']>[1]);
      const w = image.width;
      const h = image.height;
      const hands: TrackedHand[] = res.hand
        .filter((hd) => hd.keypoints.length >= 21)
        .map((hd) => {
          const landmarks = new Float32Array(21 * 3);
          hd.keypoints.slice(0, 21).forEach((p, k) => landmarks.set([p[0] / w, p[1] / h, (p[2] ?? 0) / w], k * 3));
          return { landmarks, score: hd.score };
        });
      const faces: TrackedFace[] = res.face
        .filter((f) => f.meshRaw.length >= 478)
        .map((f) => {
          const landmarks = new Float32Array(478 * 3);
          // meshRaw is normalised to the frame in x and y; z is in mesh pixels, put on the x scale.
          f.mesh.slice(0, 478).forEach((p, k) => landmarks.set([p[0] / w, p[1] / h, (p[2] ?? 0) / w], k * 3));
          return { landmarks };
        });
      return { faces, hands };
    },
  };
}
