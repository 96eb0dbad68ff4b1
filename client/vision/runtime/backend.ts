/**
 * Chooses the TensorFlow.js backend once per process: in the browser webgpu (when its package is
 * registered) or webgl on real GPUs, else wasm; in Node always wasm (tfjs-node does not install
 * here). Plain TS: the caller passes where the wasm binaries are.
 */
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { isSoftwareWebGl } from './webgl.js';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendOptions {
  /** Folder or URL holding tfjs-backend-wasm*.wasm, ending in '/': '/models/tfjs-wasm/' or a disk path. */
  wasmDir: string;
  /** Force one backend (tests and benchmarks use 'wasm'); otherwise the best available one. */
  prefer?: BackendName;
  /** wasm threads; Node has no SharedArrayBuffer workers here, so 1 keeps results deterministic. */
  threads?: number;
}

let chosen: Promise<BackendName> | undefined;

const isBrowser = (): boolean => typeof document !== 'undefined' || (typeof self !== 'undefined' && typeof (self as { importScripts?: unknown }).importScripts === 'function');

async function trySet(name: BackendName): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** Order of backends to try in this environment. */
export function backendOrder(prefer?: BackendName): BackendName[] {
  if (prefer) return [prefer, 'wasm', 'cpu'];
  if (!isBrowser()) return ['wasm', 'cpu'];
  const gpu: BackendName[] = isSoftwareWebGl() ? [] : ['webgpu', 'webgl'];
  return [...gpu.filter((b) => tf.findBackendFactory(b) !== null), 'wasm', 'webgl', 'cpu'];
}

/** Selects and initialises the backend; later calls return the first call's choice. */
export function initBackend(options: BackendOptions): Promise<BackendName> {
  chosen ??= (async () => {
    setWasmPaths(options.wasmDir.endsWith('/') ? options.wasmDir : `${options.wasmDir}/`);
    if (options.threads) setThreadsCount(options.threads);
    for (const name of backendOrder(options.prefer)) {
      if (await trySet(name)) {
        await tf.ready();
        return name;
      }
    }
    throw new Error('No TensorFlow.js backend could start (tried webgpu, webgl, wasm, cpu).');
  })();
  return chosen;
}

/** The tfjs namespace the engine uses, exported so every module shares one instance. */
export { tf };
