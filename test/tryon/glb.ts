/** Builds small glTF 2.0 files for the upload tests: a GLB with `triangles` triangles of a box-ish shape. */

function pad4(b: Uint8Array, fill: number): Uint8Array {
  const n = Math.ceil(b.byteLength / 4) * 4;
  const out = new Uint8Array(n).fill(fill);
  out.set(b);
  return out;
}

/** A GLB whose mesh spans `width` × `height` × `depth` model units, drawn with `triangles` triangles (mode = 4) or as points (mode 0). */
export function makeGlb({ triangles = 12, width = 2, height = 1, depth = 0.5, mode = 4, withMesh = true } = {}): Uint8Array {
  const verts = new Float32Array(Math.max(3, triangles * 3) * 3);
  for (let i = 0; i < verts.length / 3; i++) {
    // Corners of the box in turn, so the bounds are exactly the box.
    verts[i * 3] = (i & 1 ? 0.5 : -0.5) * width;
    verts[i * 3 + 1] = (i & 2 ? 0.5 : -0.5) * height;
    verts[i * 3 + 2] = (i & 4 ? 0.5 : -0.5) * depth;
  }
  const bin = new Uint8Array(verts.buffer);
  const json = {
    asset: { version: '2.0', generator: 'shopsee tests' },
    scene: 0,
    scenes: [{ nodes: withMesh ? [0] : [] }],
    nodes: withMesh ? [{ mesh: 0 }] : [],
    meshes: withMesh ? [{ primitives: [{ attributes: { POSITION: 0 }, mode }] }] : [],
    buffers: [{ byteLength: bin.byteLength }],
    bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: bin.byteLength }],
    accessors: [
      { bufferView: 0, componentType: 5126, count: verts.length / 3, type: 'VEC3', min: [-width / 2, -height / 2, -depth / 2], max: [width / 2, height / 2, depth / 2] },
    ],
  };
  const jsonBytes = pad4(new TextEncoder().encode(JSON.stringify(json)), 0x20);
  const binBytes = pad4(bin, 0);
  const total = 12 + 8 + jsonBytes.byteLength + 8 + binBytes.byteLength;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x46546c67, true);
  v.setUint32(4, 2, true);
  v.setUint32(8, total, true);
  v.setUint32(12, jsonBytes.byteLength, true);
  v.setUint32(16, 0x4e4f534a, true);
  out.set(jsonBytes, 20);
  const o = 20 + jsonBytes.byteLength;
  v.setUint32(o, binBytes.byteLength, true);
  v.setUint32(o + 4, 0x004e4942, true);
  out.set(binBytes, o + 8);
  return out;
}
