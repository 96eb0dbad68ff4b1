import { Box3, Vector3 } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseUploaded } from '../../client/tryon/products/normalise.js';
import { inspectModel } from '../../server/tryon/gltf.js';
import { tryOnFeature } from '../../server/tryon/routes.js';
import { Shopper } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { makeGlb } from './glb.js';

const form = (bytes: Uint8Array, name = 'frames.glb') => {
  const f = new FormData();
  f.append('model', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return f;
};

describe('merchant 3D model uploads', () => {
  let server: TestServer;
  let merchant: Shopper;
  beforeAll(async () => {
    server = await startTestServer({ seed: true, features: [tryOnFeature] });
    merchant = new Shopper(server.url, server.merchantToken);
  });
  afterAll(() => server?.close());

  it('accepts a small GLB as a draft, serves it to the merchant only, and publishes it for shoppers', async () => {
    const glb = makeGlb({ triangles: 12 });
    const up = await merchant.post('/api/products/aviator-gold/tryon-model', form(glb));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ status: 'draft', kind: 'eyewear', format: 'glb', triangles: 12, bytes: glb.byteLength });
    const shopper = new Shopper(server.url);
    expect((await shopper.get('/api/products/aviator-gold/tryon-model')).status).toBe(404);
    expect((await shopper.get('/api/products/aviator-gold/tryon-model?draft=1')).status).toBe(401);
    const preview = await fetch(`${server.url}/api/products/aviator-gold/tryon-model?draft=1`, { headers: { authorization: `Bearer ${server.merchantToken}` } });
    expect(preview.status).toBe(200);
    expect(new Uint8Array(await preview.arrayBuffer())).toEqual(glb);
    expect((await merchant.post('/api/products/aviator-gold/tryon-model/publish')).status).toBe(200);
    const live = await fetch(`${server.url}/api/products/aviator-gold/tryon-model`);
    expect(live.headers.get('content-type')).toBe('model/gltf-binary');
    expect((await live.arrayBuffer()).byteLength).toBe(glb.byteLength);
    expect((await merchant.del('/api/products/aviator-gold/tryon-model')).status).toBe(204);
    expect((await shopper.get('/api/products/aviator-gold/tryon-model')).status).toBe(404);
  });

  it.each([
    ['a JPEG renamed .glb', () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(1)]), 415, 'UNSUPPORTED_MEDIA_TYPE', /not a glTF model/],
    ['a model with 150,000 triangles', () => makeGlb({ triangles: 150_000 }), 400, 'VALIDATION_FAILED', /150,000 triangles; at most 100,000/],
    ['a model with no meshes', () => makeGlb({ withMesh: false }), 400, 'VALIDATION_FAILED', /no triangle geometry/],
    ['a point cloud', () => makeGlb({ mode: 0, triangles: 20 }), 400, 'VALIDATION_FAILED', /no triangle geometry/],
    ['a .gltf whose meshes are a number (it answered 500)', () => new TextEncoder().encode(JSON.stringify({ asset: { version: '2.0' }, meshes: 5 })), 415, 'UNSUPPORTED_MEDIA_TYPE', /damaged: meshes is not/],
    ['a .glb whose primitives are a string', () => new TextEncoder().encode(JSON.stringify({ asset: { version: '2.0' }, meshes: [{ primitives: 'x' }] })), 415, 'UNSUPPORTED_MEDIA_TYPE', /damaged: meshes\.0\.primitives/],
    ['a 9 MB file', () => { const b = makeGlb({ triangles: 12 }); const big = new Uint8Array(9 * 1024 * 1024); big.set(b); return big; }, 413, 'PAYLOAD_TOO_LARGE', /at most 8 MB/],
  ] as const)('refuses %s with a clear message and keeps no draft', async (_name, make, status, code, message) => {
    const res = await merchant.post('/api/products/lennon-round-silver/tryon-model', form(make()));
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(message);
    const draft = await fetch(`${server.url}/api/products/lennon-round-silver/tryon-model?draft=1`, { headers: { authorization: `Bearer ${server.merchantToken}` } });
    expect(draft.status).toBe(404);
  });

  it('refuses a .gltf that points at separate files, and a product that cannot be tried on', async () => {
    const gltf = new TextEncoder().encode(JSON.stringify({ asset: { version: '2.0' }, buffers: [{ uri: 'mesh.bin', byteLength: 36 }], meshes: [] }));
    const res = await merchant.post('/api/products/lennon-round-silver/tryon-model', form(gltf, 'frames.gltf'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/single \.glb/);
    const mug = await merchant.post('/api/products/stoneware-mug-teal/tryon-model', form(makeGlb()));
    expect(mug.status).toBe(400);
    expect(mug.body.error.message).toMatch(/cannot be tried on/);
    expect((await new Shopper(server.url).post('/api/products/aviator-gold/tryon-model', form(makeGlb()))).status).toBe(401);
  });
});

describe('fitting an uploaded model to the product', () => {
  it('scales a glTF frame to the listed frame width and a watch to its case diameter', async () => {
    const glb = makeGlb({ triangles: 12, width: 2, height: 0.8, depth: 0.4 });
    expect(inspectModel(glb).triangles).toBe(12);
    const gltf = await new GLTFLoader().parseAsync(glb.buffer as ArrayBuffer, '');
    const frames = normaliseUploaded(gltf.scene, 'eyewear', { frameWidthMm: 146 }).group;
    const size = new Box3().setFromObject(frames).getSize(new Vector3());
    expect(size.x).toBeCloseTo(146, 3);
    expect(size.y).toBeCloseTo(146 * 0.4, 3);
    const watch = normaliseUploaded((await new GLTFLoader().parseAsync(makeGlb({ width: 1, height: 1.2 }).buffer as ArrayBuffer, '')).scene, 'wrist', { caseDiameterMm: 42 }).group;
    const box = new Box3().setFromObject(watch);
    expect(box.getSize(new Vector3()).y).toBeCloseTo(42, 3);
    expect(box.min.z).toBeCloseTo(0, 3);
  });
});
