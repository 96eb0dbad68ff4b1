/**
 * Node side of the vision runtime (tests, benchmarks, CLI, server indexer): wasm backend with the
 * binaries from models/files, and model bytes read from disk. Never imported by browser code.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BackendName, initBackend } from './backend.js';
import type { ModelLocation } from './loader.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** models/files (or MODELS_DIR), where `npm run models` puts every file. */
export const nodeModelsDir = (): string => resolve(process.env.MODELS_DIR ?? join(root, 'models', 'files'));

/** Reads model files from disk. */
export const nodeModelLocation = (): ModelLocation => ({
  base: nodeModelsDir(),
  read: async (path) => {
    const buf = await readFile(path);
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  },
});

/** Starts tfjs on the wasm backend from models/files/tfjs-wasm (run `npm run models` first). */
export function initNodeBackend(): Promise<BackendName> {
  return initBackend({ wasmDir: `${join(nodeModelsDir(), 'tfjs-wasm')}/`, prefer: 'wasm' });
}
