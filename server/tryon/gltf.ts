/**
 * Inspects an uploaded 3D model without a renderer: is it glTF 2.0 (binary .glb, or .gltf JSON with
 * embedded buffers), how many triangles does it draw, does it have any geometry at all.
 * Plain TS over bytes (spec: https://registry.khronos.org/glTF/specs/2.0/glTF-2.0.html).
 */

import { z } from 'zod';

export const MAX_MODEL_BYTES = 8 * 1024 * 1024;
/** Phones draw this many triangles at camera frame rate alongside the tracker. */
export const MAX_TRIANGLES = 100_000;

export type ModelProblem = 'not-gltf' | 'too-large' | 'too-many-triangles' | 'no-geometry' | 'external-files';

/** An upload refused for a reason the merchant can act on. */
export class ModelRejected extends Error {
  constructor(
    readonly problem: ModelProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ModelRejected';
  }
}

export interface ModelInfo {
  format: 'glb' | 'gltf';
  bytes: number;
  triangles: number;
  meshes: number;
}

// The parts of the glTF JSON this check reads, as a schema: a file with, say, `"meshes": 5` is a
// damaged model to refuse, not a reason for a TypeError (it answered 500).
const Index = z.number().int().nonnegative();
const GltfJsonSchema = z.looseObject({
  asset: z.looseObject({ version: z.string().optional() }).optional(),
  buffers: z.array(z.looseObject({ uri: z.string().optional(), byteLength: z.number().optional() })).optional(),
  images: z.array(z.looseObject({ uri: z.string().optional() })).optional(),
  accessors: z.array(z.looseObject({ count: z.number().int().nonnegative().optional() })).optional(),
  meshes: z
    .array(z.looseObject({ primitives: z.array(z.looseObject({ mode: Index.optional(), indices: Index.optional(), attributes: z.record(z.string(), Index).optional() })).optional() }))
    .optional(),
});
type GltfJson = z.infer<typeof GltfJsonSchema>;

const GLB_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a; // "JSON"

function readJsonChunk(b: Uint8Array): { json: GltfJson; format: 'glb' | 'gltf' } {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.byteLength >= 20 && view.getUint32(0, true) === GLB_MAGIC) {
    const version = view.getUint32(4, true);
    if (version !== 2) throw new ModelRejected('not-gltf', `This is glTF ${version}; only glTF 2.0 is supported. Re-export it as glTF 2.0 (.glb).`);
    const length = view.getUint32(8, true);
    const chunkLength = view.getUint32(12, true);
    if (length > b.byteLength || view.getUint32(16, true) !== CHUNK_JSON || 20 + chunkLength > b.byteLength) {
      throw new ModelRejected('not-gltf', 'The .glb file is truncated or damaged. Export it again.');
    }
    return { json: parseJson(b.subarray(20, 20 + chunkLength)), format: 'glb' };
  }
  // A .gltf is JSON text starting with "{" (after optional whitespace / BOM).
  const head = new TextDecoder().decode(b.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return { json: parseJson(b), format: 'gltf' };
  throw new ModelRejected('not-gltf', 'That file is not a glTF model. Upload a .glb (binary glTF 2.0) or a .gltf with embedded data.');
}

function parseJson(bytes: Uint8Array): GltfJson {
  try {
    const raw: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const parsed = GltfJsonSchema.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
      throw new ModelRejected('not-gltf', `The glTF file is damaged: ${where} is not what glTF 2.0 describes. Export it again.`);
    }
    const json = parsed.data;
    if (!String(json.asset?.version ?? '').startsWith('2')) {
      throw new ModelRejected('not-gltf', 'That file is not a glTF 2.0 model (its asset.version is missing or not 2.0).');
    }
    return json;
  } catch (e) {
    if (e instanceof ModelRejected) throw e;
    throw new ModelRejected('not-gltf', 'That file is not a glTF model: its JSON cannot be read.');
  }
}

/** Triangles one primitive draws: triangle lists, strips and fans; points and lines draw none. */
function primitiveTriangles(p: { mode?: number; indices?: number; attributes?: Record<string, number> }, json: GltfJson): number {
  const mode = p.mode ?? 4;
  const pos = p.attributes?.POSITION;
  if (pos === undefined) return 0;
  const count = p.indices !== undefined ? json.accessors?.[p.indices]?.count : json.accessors?.[pos]?.count;
  if (!count || count < 3) return 0;
  if (mode === 4) return Math.floor(count / 3);
  if (mode === 5 || mode === 6) return count - 2;
  return 0;
}

/** Checks an upload and reports what it contains; throws ModelRejected with the reason otherwise. */
export function inspectModel(bytes: Uint8Array, maxBytes = MAX_MODEL_BYTES, maxTriangles = MAX_TRIANGLES): ModelInfo {
  if (bytes.byteLength > maxBytes) {
    throw new ModelRejected('too-large', `The model is ${(bytes.byteLength / 1048576).toFixed(1)} MB; at most ${(maxBytes / 1048576).toFixed(0)} MB is accepted. Reduce texture sizes or compress it.`);
  }
  const { json, format } = readJsonChunk(bytes);
  const external = [...(json.buffers ?? []), ...(json.images ?? [])].some((x) => x.uri !== undefined && !x.uri.startsWith('data:'));
  if (external) throw new ModelRejected('external-files', 'The model refers to separate files. Export a single .glb (binary glTF) with everything embedded.');
  const meshes = json.meshes ?? [];
  const triangles = meshes.reduce((n, m) => n + (m.primitives ?? []).reduce((k, p) => k + primitiveTriangles(p, json), 0), 0);
  if (triangles === 0) throw new ModelRejected('no-geometry', 'The model has no triangle geometry to show (no meshes, or only points and lines).');
  if (triangles > maxTriangles) {
    throw new ModelRejected('too-many-triangles', `The model has ${triangles.toLocaleString('en')} triangles; at most ${maxTriangles.toLocaleString('en')} are accepted so it runs smoothly on phones. Decimate it and export again.`);
  }
  return { format, bytes: bytes.byteLength, triangles, meshes: meshes.length };
}
