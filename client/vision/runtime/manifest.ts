/**
 * The model manifest (`models/manifest.json`) as typed data, shared by the browser, Node code and
 * `models/fetch.ts`. Every model file lives at `<base>/<model id>/<file name>`: `/models/` in the
 * browser, `models/files/` on disk.
 */
import manifestJson from '../../../models/manifest.json';

/** Where `npm run models` can find a file besides the mirror folder and the official URL. */
export type ModelSource =
  | { npm: string }
  | { npmBundle: string; decode: 'json' | 'base64' }
  | { mirror: string }
  /** A file committed in this repository (path from the project root), such as a head trained here. */
  | { repo: string };

export interface ModelFile {
  name: string;
  bytes: number;
  sha256: string;
  source: ModelSource;
  url: string;
}

/** 'tfjs-mlp': a small head of this project's own format, run with tfjs ops (client/vision/detect/garments.ts). */
export type ModelRuntime = 'tfjs-graph' | 'tfjs-mlp' | 'mediapipe-tasks' | 'wasm';
/** The user-facing features that need models; a missing model disables only its features. */
export type ModelFeature = 'discover' | 'try-on';

export interface ModelEntry {
  id: string;
  version: string;
  task: string;
  runtime: ModelRuntime;
  purpose: string;
  features: ModelFeature[];
  licence: string;
  /** The file a loader opens (graph model JSON, .task/.tflite); runtimes have none. */
  entry?: string;
  files: ModelFile[];
}

export interface ModelManifest {
  schema: number;
  models: ModelEntry[];
}

/** The manifest bundled into the code (same file `npm run models` reads). */
export const modelManifest = manifestJson as unknown as ModelManifest;

/** Known model ids, so a typo fails at compile time rather than as a 404. */
export type ModelId =
  | 'centernet'
  | 'movenet-lightning'
  | 'garments'
  | 'handtrack'
  | 'handlandmark-lite'
  | 'blazeface'
  | 'facemesh'
  | 'iris'
  | 'mobilenet-v2-mid'
  | 'face-landmarker'
  | 'selfie-segmenter'
  | 'tfjs-wasm'
  | 'mediapipe-wasm';

/** Looks a model up by id; throws for an id the manifest does not list. */
export function modelEntry(id: ModelId): ModelEntry {
  const entry = modelManifest.models.find((m) => m.id === id);
  if (!entry) throw new Error(`Model "${id}" is not in models/manifest.json.`);
  return entry;
}

/** Path or URL of a model's entry file (or of a named file) under a base folder or URL. */
export function modelPath(base: string, id: ModelId, file?: string): string {
  const entry = modelEntry(id);
  const name = file ?? entry.entry;
  if (!name) throw new Error(`Model "${id}" has no entry file; name one.`);
  return `${base.replace(/\/+$/, '')}/${id}/${name}`;
}
