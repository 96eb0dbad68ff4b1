/**
 * Loads tfjs graph models listed in the manifest from any byte source (fetch in the browser, the
 * file system in Node), reporting progress and failures to the status registry.
 */
import type * as tfTypes from '@tensorflow/tfjs';
import { tf } from './backend.js';
import { type ModelId, modelEntry, modelPath } from './manifest.js';
import { type ModelStatusRegistry, modelStatus } from './status.js';

/** Reads bytes from a URL or path; the environment supplies it. */
export type ByteSource = (pathOrUrl: string) => Promise<ArrayBuffer>;

/** Where models come from: a base ('/models' or 'models/files') and how to read bytes there. */
export interface ModelLocation {
  base: string;
  read: ByteSource;
}

/** A ByteSource over fetch(), for the browser and workers. */
export const fetchBytes: ByteSource = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  return res.arrayBuffer();
};

/** An IOHandler that reads model.json and its weight shards through a ByteSource. */
function ioHandler(url: string, read: ByteSource, onProgress: (fraction: number) => void): tfTypes.io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(new TextDecoder().decode(await read(url))) as tfTypes.io.ModelJSON;
      const dir = url.slice(0, url.lastIndexOf('/') + 1);
      const groups = json.weightsManifest ?? [];
      const paths = groups.flatMap((g) => g.paths);
      const buffers: ArrayBuffer[] = [];
      for (const [i, path] of paths.entries()) {
        buffers.push(await read(dir + path));
        onProgress((i + 1) / paths.length);
      }
      const total = buffers.reduce((n, b) => n + b.byteLength, 0);
      const weightData = new Uint8Array(total);
      let offset = 0;
      for (const b of buffers) {
        weightData.set(new Uint8Array(b), offset);
        offset += b.byteLength;
      }
      return {
        modelTopology: json.modelTopology,
        weightSpecs: groups.flatMap((g) => g.weights),
        weightData: weightData.buffer,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        userDefinedMetadata: json.userDefinedMetadata,
      };
    },
  };
}

/** Loads one graph model of the manifest; records loading/ready/unavailable in the registry. */
export async function loadGraphModel(id: ModelId, where: ModelLocation, registry: ModelStatusRegistry = modelStatus): Promise<tfTypes.GraphModel> {
  const entry = modelEntry(id);
  if (entry.runtime !== 'tfjs-graph') throw new Error(`Model "${id}" is a ${entry.runtime} model, not a tfjs graph.`);
  const started = Date.now();
  registry.set({ id, phase: 'loading', progress: 0 });
  try {
    const handler = ioHandler(modelPath(where.base, id), where.read, (progress) => registry.set({ id, phase: 'loading', progress }));
    const model = await tf.loadGraphModel(handler);
    registry.set({ id, phase: 'ready', loadMs: Date.now() - started });
    return model;
  } catch (err) {
    const reason = `${(err as Error).message} (run "npm run models")`;
    registry.set({ id, phase: 'unavailable', reason });
    throw new Error(`Model "${id}" could not load: ${reason}`);
  }
}
