/**
 * What the trackers report, and the messages between the page and the tracking worker. Landmarks
 * are normalised (`NormPoint` space: x, y in 0..1 of the frame, z on the x scale), flattened as
 * x,y,z triples so they cross the worker boundary as one typed array.
 */

/** One face: 478 landmarks (mesh + iris) and, from MediaPipe, the facial transformation matrix. */
export interface TrackedFace {
  landmarks: Float32Array;
  /** 4x4 column-major, canonical face → camera (MediaPipe only). */
  matrix?: number[];
}

/** One hand: 21 landmarks in the MediaPipe hand topology. */
export interface TrackedHand {
  landmarks: Float32Array;
  score: number;
}

export interface TrackResult {
  width: number;
  height: number;
  faces: TrackedFace[];
  hands: TrackedHand[];
  /** Time spent in the models for this frame (ms). */
  inferenceMs: number;
}

/** What to look for in a frame. */
export interface TrackWants {
  face: boolean;
  hands: boolean;
}

export type FaceEngine = 'mediapipe' | 'tfjs-facemesh' | 'none';

/** Where the tracker's models and runtimes are (URLs), and how to run them. */
export interface TrackerConfig {
  faceTaskUrl: string;
  mediapipeWasm: { loaderUrl: string; binaryUrl: string };
  /** Base URL of the model folders ('/models/'), for the tfjs hand and face-mesh models. */
  modelBase: string;
  tfWasmDir: string;
  /** MediaPipe delegate: CPU where WebGL is software (headless), GPU on phones. */
  delegate: 'CPU' | 'GPU';
  /** tfjs backend for the hand models. */
  tfBackend: 'wasm' | 'webgl';
  /** Skip MediaPipe and use the tfjs face mesh (when the .task file is missing). */
  forceTfjsFace?: boolean;
}

export interface TrackerReady {
  face: FaceEngine;
  hands: boolean;
  problems: string[];
}

/** Page → worker. */
export type ToWorker =
  | { type: 'init'; config: TrackerConfig }
  | { type: 'frame'; id: number; bitmap: ImageBitmap; timestampMs: number; still: boolean; wants: TrackWants };

/** Worker → page. */
export type FromWorker =
  | { type: 'ready'; ready: TrackerReady }
  | { type: 'result'; id: number; result: TrackResult }
  | { type: 'error'; id: number; message: string };
