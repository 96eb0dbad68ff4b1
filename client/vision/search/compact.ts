/** The compact catalog index sent to devices: a VectorIndex's int8 codes and scales as base64. */
import type { CompactIndex } from '../../../server/protocol/discovery.js';
import { VectorIndex } from './index.js';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Serialises an index for GET /api/discovery/index. */
export function toCompact(index: VectorIndex, model: CompactIndex['model'], missing: number): CompactIndex {
  return {
    model,
    dims: index.dims,
    count: index.size,
    ids: index.ids,
    categories: index.categories,
    codes: toBase64(new Uint8Array(index.codes.buffer, index.codes.byteOffset, index.codes.byteLength)),
    scales: toBase64(new Uint8Array(index.scales.buffer, index.scales.byteOffset, index.scales.byteLength)),
    missing,
  };
}

/** Rebuilds a searchable index from its compact form (IVF rebuilt on the device past the threshold). */
export function fromCompact(c: CompactIndex): VectorIndex {
  const codes = new Int8Array(fromBase64(c.codes).buffer);
  const scales = new Float32Array(fromBase64(c.scales).buffer);
  if (codes.length !== c.count * c.dims || scales.length !== c.count) throw new Error('The catalog index is damaged (sizes do not match).');
  return VectorIndex.fromCodes(c.ids, c.categories, codes, scales, c.dims);
}
