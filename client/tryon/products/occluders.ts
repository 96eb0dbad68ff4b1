/**
 * Invisible occluders: meshes that write depth but no colour, drawn first, so product parts behind
 * the shopper's head or wrist are hidden (temples, the back of a hat, the far half of a strap).
 */
import { CylinderGeometry, Mesh, MeshBasicMaterial, SphereGeometry } from 'three';
import { WRIST_HALF_THICKNESS_MM, WRIST_HALF_WIDTH_MM } from '../math/wristFrame.js';

/** Average adult head as an ellipsoid (mm): half width, half height, half depth (ANSUR II means, rounded). */
export const HEAD_RADII_MM = { x: 76, y: 105, z: 96 } as const;
/** The head ellipsoid's centre relative to the nose bridge, in the head frame. */
export const HEAD_CENTRE_MM = { x: 0, y: 20, z: -100 } as const;

/** A material that only writes depth. */
export function depthOnly(): MeshBasicMaterial {
  return new MeshBasicMaterial({ colorWrite: false, depthWrite: true });
}

/** The head occluder, in the head frame (origin at the bridge). Slightly smaller than the head, so the frame on the face stays visible. */
export function headOccluder(): Mesh {
  const m = new Mesh(new SphereGeometry(1, 32, 24), depthOnly());
  m.scale.set(HEAD_RADII_MM.x - 4, HEAD_RADII_MM.y, HEAD_RADII_MM.z - 4);
  m.position.set(HEAD_CENTRE_MM.x, HEAD_CENTRE_MM.y, HEAD_CENTRE_MM.z);
  m.renderOrder = -1;
  m.name = 'head-occluder';
  return m;
}

/** The wrist occluder, in the wrist frame: the forearm as an elliptical cylinder under the strap. */
export function wristOccluder(): Mesh {
  const m = new Mesh(new CylinderGeometry(1, 1, 220, 32), depthOnly());
  m.scale.set(WRIST_HALF_WIDTH_MM, 1, WRIST_HALF_THICKNESS_MM);
  // Centred on the wrist's axis, reaching from the forearm past the palm.
  m.position.set(0, -40, -WRIST_HALF_THICKNESS_MM);
  m.renderOrder = -1;
  m.name = 'wrist-occluder';
  return m;
}
