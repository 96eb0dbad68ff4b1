/**
 * The 3D object for a product: the merchant's uploaded glTF when there is one, else the model
 * generated from the catalog attributes; with the occluder for its anchor.
 */
import { CanvasTexture, MeshBasicMaterial, type Object3D, SRGBColorSpace } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { Product } from '../../server/protocol/api.js';
import { type TryOnKind, tryOnKind } from '../../server/protocol/catalog.js';
import { buildEyewear } from './products/eyewear.js';
import { buildHat } from './products/hat.js';
import { normaliseUploaded } from './products/normalise.js';
import { headOccluder, wristOccluder } from './products/occluders.js';
import { buildWatch } from './products/watch.js';

export interface ProductObject {
  kind: TryOnKind;
  product: Object3D;
  occluder: Object3D;
  /** The size the placement summary reports: frame width or case diameter (mm). */
  sizeMm: number;
  source: 'generated' | 'uploaded';
}

/** Brand text as a canvas texture, drawn unreversed. */
function labelMaterial(text: string): MeshBasicMaterial | null {
  if (typeof document === 'undefined') return null;
  const c = document.createElement('canvas');
  c.width = 256;
  c.height = 64;
  const g = c.getContext('2d');
  if (!g) return null;
  g.fillStyle = '#f5f1e8';
  g.font = 'bold 44px system-ui, sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(text, 128, 34);
  const tex = new CanvasTexture(c);
  tex.colorSpace = SRGBColorSpace;
  return new MeshBasicMaterial({ map: tex, transparent: true, depthWrite: false });
}

/** Builds the generated model of a tryable product. */
export function generatedObject(p: Pick<Product, 'category' | 'attributes'>): ProductObject {
  const kind = tryOnKind(p.category);
  if (!kind) throw new Error(`${p.category} cannot be tried on`);
  const a = p.attributes;
  if (kind === 'eyewear') return { kind, product: buildEyewear(a, labelMaterial).group, occluder: headOccluder(), sizeMm: a.frameWidthMm ?? 140, source: 'generated' };
  if (kind === 'wrist') {
    const cat = p.category === 'bracelets' ? 'bracelets' : 'watches';
    return { kind, product: buildWatch(a, cat).group, occluder: wristOccluder(), sizeMm: a.caseDiameterMm ?? 40, source: 'generated' };
  }
  return { kind, product: buildHat(a), occluder: headOccluder(), sizeMm: (a.headCircumferenceCm ?? 57) * 10, source: 'generated' };
}

/** URL of a product's published 3D model (404 when it has none). */
export const tryOnModelUrl = (productId: string, draft = false) => `/api/products/${encodeURIComponent(productId)}/tryon-model${draft ? '?draft=1' : ''}`;

/** Loads a GLB/glTF from a URL and fits it to the product; null when there is none. */
export async function uploadedObject(p: Pick<Product, 'id' | 'category' | 'attributes'>, url = tryOnModelUrl(p.id)): Promise<ProductObject | null> {
  const kind = tryOnKind(p.category);
  if (!kind) return null;
  const res = await fetch(url);
  if (!res.ok) return null;
  const bytes = await res.arrayBuffer();
  const gltf = await new GLTFLoader().parseAsync(bytes, '');
  const { group } = normaliseUploaded(gltf.scene, kind, p.attributes);
  const base = generatedObject(p);
  return { ...base, product: group, source: 'uploaded' };
}
