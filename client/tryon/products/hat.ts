/**
 * A hat generated from catalog attributes, in millimetres, in the head frame (origin at the nose
 * bridge, x to the wearer's left, y up, z out of the face), sized by head circumference.
 */
import { CircleGeometry, CylinderGeometry, DoubleSide, Group, LatheGeometry, Mesh, SphereGeometry, Vector2 } from 'three';
import type { ProductAttributes } from '../../../server/protocol/catalog.js';
import { matte } from './materials.js';
import { HEAD_CENTRE_MM, HEAD_RADII_MM } from './occluders.js';

/** Circumference of the head ellipse HEAD_RADII_MM, so other sizes scale from it. */
const MODEL_CIRCUMFERENCE_MM = 2 * Math.PI * Math.sqrt((HEAD_RADII_MM.x ** 2 + HEAD_RADII_MM.z ** 2) / 2);

/** Builds the hat; its band sits on the head at brow level. */
export function buildHat(a: ProductAttributes): Group {
  const style = a.hatStyle ?? 'cap';
  const colour = a.colors?.[0] ?? '#2c3e50';
  const mat = matte(colour, style === 'beanie' ? 0.95 : 0.75);
  mat.side = DoubleSide;
  const s = ((a.headCircumferenceCm ?? 57) * 10) / MODEL_CIRCUMFERENCE_MM;
  const rx = HEAD_RADII_MM.x * s + 3;
  const rz = HEAD_RADII_MM.z * s + 3;
  const group = new Group();
  group.name = 'hat';
  const body = new Group();
  // The band sits this high above the bridge (mid forehead).
  body.position.set(HEAD_CENTRE_MM.x, HEAD_CENTRE_MM.y + 40, HEAD_CENTRE_MM.z);
  group.add(body);
  const oval = (m: Mesh) => {
    m.scale.set(rx, 1, rz);
    return m;
  };
  if (style === 'cap' || style === 'beanie') {
    const crownH = style === 'beanie' ? 100 : 80;
    const crown = new Mesh(new SphereGeometry(1, 40, 20, 0, Math.PI * 2, 0, Math.PI / 2), mat);
    crown.scale.set(rx, crownH, rz);
    body.add(crown);
    if (style === 'cap') {
      // A brim reaching forward over the forehead.
      const brim = new Mesh(new CircleGeometry(1, 32, -Math.PI / 2 - 0.9, 1.8), mat);
      brim.rotation.x = -Math.PI / 2 + 0.12;
      brim.scale.set(rx * 0.95, rz * 1.7, 1);
      body.add(brim);
    } else {
      const cuff = oval(new Mesh(new CylinderGeometry(1.03, 1.03, 30, 40, 1, true), mat));
      cuff.position.y = 8;
      body.add(cuff);
    }
  } else {
    // Fedora and bucket: a lathe crown and a round brim.
    const crownProfile = style === 'fedora' ? [[1, 0], [0.96, 70], [0.85, 95], [0.3, 105], [0, 100]] : [[1.05, 0], [0.92, 75], [0.7, 85], [0, 86]];
    const crown = new Mesh(new LatheGeometry(crownProfile.map(([r, y]) => new Vector2(r!, y!)), 40), mat);
    crown.scale.set(rx, 1, rz);
    const brimOuter = style === 'fedora' ? 1.5 : 1.35;
    const brim = new Mesh(new LatheGeometry([new Vector2(brimOuter, style === 'fedora' ? 4 : -18), new Vector2(1, 0)], 40), mat);
    brim.scale.set(rx, 1, rz);
    body.add(crown, brim);
  }
  return group;
}
