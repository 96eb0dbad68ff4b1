/**
 * Fits a merchant's uploaded glTF scene to the product's real size and to the anchor frame the
 * generated models use, so either can be swapped in: eyewear to its frame width with the front at the
 * bridge; a watch to its case diameter with the dial facing +z; a hat to the head's width.
 */
import { Box3, Group, type Object3D, Vector3 } from 'three';
import type { ProductAttributes } from '../../../server/protocol/catalog.js';
import { FRONT_OFFSET_MM } from './eyewear.js';
import { HEAD_CENTRE_MM, HEAD_RADII_MM } from './occluders.js';

export type AnchorKind = 'eyewear' | 'wrist' | 'head';

/** Wraps `scene` in a group scaled and moved so it sits like the generated model would; returns the group and the scale used. */
export function normaliseUploaded(scene: Object3D, kind: AnchorKind, a: ProductAttributes): { group: Group; scale: number } {
  const box = new Box3().setFromObject(scene);
  const size = box.getSize(new Vector3());
  const centre = box.getCenter(new Vector3());
  if (!Number.isFinite(size.x) || size.x <= 0) throw new Error('the model has no visible geometry');
  const target =
    kind === 'eyewear' ? (a.frameWidthMm ?? 140) : kind === 'wrist' ? (a.caseDiameterMm ?? 40) : 2 * HEAD_RADII_MM.x * ((a.headCircumferenceCm ?? 57) / 57) + 6;
  // Eyewear and hats are sized by their width; a watch by its case, the larger of width and height.
  const measured = kind === 'wrist' ? Math.max(size.x, size.y) : size.x;
  const scale = target / measured;
  const inner = new Group();
  inner.add(scene);
  inner.scale.setScalar(scale);
  if (kind === 'eyewear') inner.position.set(-centre.x * scale, -centre.y * scale, FRONT_OFFSET_MM - box.max.z * scale);
  else if (kind === 'wrist') inner.position.set(-centre.x * scale, -centre.y * scale, -box.min.z * scale);
  else inner.position.set(HEAD_CENTRE_MM.x - centre.x * scale, HEAD_CENTRE_MM.y + 40 - box.min.y * scale, HEAD_CENTRE_MM.z - centre.z * scale);
  const group = new Group();
  group.name = 'uploaded-model';
  group.add(inner);
  return { group, scale };
}
