/**
 * A watch generated from catalog attributes, in millimetres, in the wrist frame: origin at the case
 * back on the back of the wrist, y along the forearm towards the fingers, z out of the back of the
 * hand. The strap is an elliptical band around the wrist (centred WRIST_HALF_THICKNESS below the
 * origin) whose far half the wrist occluder hides.
 */
import { BoxGeometry, CircleGeometry, CylinderGeometry, Group, Mesh, TorusGeometry } from 'three';
import type { ProductAttributes } from '../../../server/protocol/catalog.js';
import { WRIST_HALF_THICKNESS_MM, WRIST_HALF_WIDTH_MM } from '../math/wristFrame.js';
import { lens, matte, metal } from './materials.js';

const CASE_HEIGHT_MM = 10;

export interface WatchParts {
  group: Group;
  /** The case, for tests (its diameter is the product's). */
  caseMesh: Mesh;
}

/** Builds the watch (or a bracelet: no dial when there is no case colour or diameter). */
export function buildWatch(a: ProductAttributes, category: 'watches' | 'bracelets' = 'watches'): WatchParts {
  const d = a.caseDiameterMm ?? (category === 'bracelets' ? 8 : 40);
  const caseMat = metal(a.caseColor ?? a.colors?.[0] ?? '#b8b8b8', 0.3);
  const group = new Group();
  group.name = 'watch';
  const strapW = a.strapWidthMm ?? (category === 'bracelets' ? 8 : Math.round(d * 0.5));
  // The band: an open cylinder around the forearm axis (y), squashed to the wrist's cross-section.
  const strap = new Mesh(new CylinderGeometry(1, 1, strapW, 48, 1, true), category === 'bracelets' ? metal(a.strapColor ?? a.colors?.[0] ?? '#c8a24a', 0.2) : matte(a.strapColor ?? '#3b2a1e'));
  strap.scale.set(WRIST_HALF_WIDTH_MM + 1.5, 1, WRIST_HALF_THICKNESS_MM + 1.5);
  strap.position.set(0, 0, -WRIST_HALF_THICKNESS_MM);
  strap.name = 'strap';
  group.add(strap);

  const caseMesh = new Mesh(new CylinderGeometry(d / 2, d / 2, CASE_HEIGHT_MM, 48), caseMat);
  caseMesh.rotation.x = Math.PI / 2; // cylinder axis from y to z: the dial faces out of the wrist
  caseMesh.position.z = CASE_HEIGHT_MM / 2 + 1;
  caseMesh.name = 'case';
  if (category === 'bracelets' && !a.caseDiameterMm) caseMesh.visible = false;
  group.add(caseMesh);

  if (caseMesh.visible) {
    const bezel = new Mesh(new TorusGeometry(d / 2 - 0.8, 1, 8, 48), caseMat);
    bezel.position.z = CASE_HEIGHT_MM + 1;
    const dial = new Mesh(new CircleGeometry(d / 2 - 2, 48), matte(a.dialColor ?? '#f4f1ea', 0.5));
    dial.position.z = CASE_HEIGHT_MM + 1.05;
    dial.name = 'dial';
    const hands = new Group();
    const hour = new Mesh(new BoxGeometry(1.6, d * 0.24, 0.4), metal('#e8e8e8', 0.2));
    hour.position.set(0, d * 0.12, 0);
    const minute = new Mesh(new BoxGeometry(1.1, d * 0.36, 0.4), metal('#e8e8e8', 0.2));
    minute.position.set(0, d * 0.18, 0.5);
    const hourPivot = new Group();
    hourPivot.add(hour);
    hourPivot.rotation.z = -Math.PI / 3; // 10:10, as watches are photographed
    const minutePivot = new Group();
    minutePivot.add(minute);
    minutePivot.rotation.z = Math.PI / 3;
    hands.add(hourPivot, minutePivot);
    hands.position.z = CASE_HEIGHT_MM + 1.2;
    const crystal = new Mesh(new CircleGeometry(d / 2 - 1, 48), lens('#ffffff', 0.1));
    crystal.position.z = CASE_HEIGHT_MM + 2.2;
    crystal.renderOrder = 2;
    const crown = new Mesh(new CylinderGeometry(1.6, 1.6, 3, 12), caseMat);
    crown.rotation.z = Math.PI / 2;
    crown.position.set(d / 2 + 1.2, 0, CASE_HEIGHT_MM / 2 + 1);
    // Lugs join the case to the strap along the forearm.
    for (const s of [1, -1]) {
      const lug = new Mesh(new BoxGeometry(strapW + 2, 5, 3), caseMat);
      lug.position.set(0, s * (d / 2 + 1.5), 2);
      group.add(lug);
    }
    group.add(bezel, dial, hands, crystal, crown);
  }
  return { group, caseMesh };
}
