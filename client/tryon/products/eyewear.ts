/**
 * A pair of glasses generated from catalog attributes, in millimetres: origin at the nose bridge
 * where the frame rests, x to the wearer's left, y up, z out of the face (the head pose's axes).
 * Overall width (hinge to hinge, outer edge) equals `frameWidthMm`.
 */
import { BoxGeometry, ExtrudeGeometry, Group, Mesh, PlaneGeometry, ShapeGeometry, TorusGeometry, type Material } from 'three';
import type { ProductAttributes } from '../../../server/protocol/catalog.js';
import { type FrameShape, lensPoints, outlineShape } from './lensOutline.js';
import { acetate, isMetalFrame, lens, lensSheen, metal } from './materials.js';

/** Frame front sits this far in front of the bridge landmark (on the skin) because of the nose pads. */
export const FRONT_OFFSET_MM = 6;
const TEMPLE_LENGTH_MM = 135;

export interface EyewearParts {
  group: Group;
  /** The lens meshes (for tests and fit checks). */
  lenses: Mesh[];
  /** Temple arms: hidden behind the head by the occluder when the head turns. */
  temples: Mesh[];
}

/** Builds the frame; `label` draws the brand text (a canvas texture in the browser, nothing in Node). */
export function buildEyewear(a: ProductAttributes, label?: (text: string) => Material | null): EyewearParts {
  const width = a.frameWidthMm ?? 140;
  const shape: FrameShape = a.frameShape ?? 'rectangle';
  const isMetal = isMetalFrame(shape, a.material);
  const rimMat = isMetal ? metal(a.frameColor ?? '#9a9a9a') : acetate(a.frameColor ?? '#1b1b1b');
  const rimT = isMetal ? 1.6 : 4.5; // rim band width, wire vs acetate
  const depth = isMetal ? 1.6 : 4;
  const end = isMetal ? 4 : 6; // end piece from lens edge to the hinge
  const bridge = Math.max(14, Math.min(22, width * 0.13));
  const lensW = (width - bridge - 2 * end - 2 * rimT) / 2;

  const group = new Group();
  group.name = 'eyewear';
  const lenses: Mesh[] = [];
  const temples: Mesh[] = [];
  const lensMat = lens(a.lensTint, a.lensOpacity);
  const sheenMat = lensSheen();
  const outline = lensPoints(shape, lensW + 2 * rimT);
  const inner = lensPoints(shape, lensW);
  const centreX = bridge / 2 + rimT + lensW / 2;
  for (const side of [1, -1]) {
    const pts = outline.map((p) => p.clone().setX(p.x * side));
    const innerPts = inner.map((p) => p.clone().setX(p.x * side));
    const rim = new Mesh(new ExtrudeGeometry(outlineShape(side > 0 ? pts : pts.slice().reverse(), rimT), { depth, bevelEnabled: false, curveSegments: 4 }), rimMat);
    rim.position.set(side * centreX, -2, FRONT_OFFSET_MM - depth / 2);
    rim.name = side > 0 ? 'rim-left' : 'rim-right';
    const glass = new Mesh(new ShapeGeometry(outlineShape(side > 0 ? innerPts : innerPts.slice().reverse())), lensMat);
    glass.position.set(side * centreX, -2, FRONT_OFFSET_MM);
    glass.name = side > 0 ? 'lens-left' : 'lens-right';
    glass.renderOrder = 2; // after the opaque frame, so it tints what is behind it
    lenses.push(glass);
    const sheen = new Mesh(glass.geometry, sheenMat);
    sheen.position.copy(glass.position).setZ(FRONT_OFFSET_MM + 0.1);
    sheen.renderOrder = 3;
    group.add(sheen);
    // End piece out to the hinge, then the temple arm back over the ear.
    const endPiece = new Mesh(new BoxGeometry(end + rimT, 3, depth), rimMat);
    endPiece.position.set(side * (width / 2 - (end + rimT) / 2), 4, FRONT_OFFSET_MM);
    const temple = new Mesh(new BoxGeometry(isMetal ? 1.4 : 3, isMetal ? 1.8 : 4, TEMPLE_LENGTH_MM), rimMat);
    temple.position.set(side * (width / 2 - 1.5), 4, FRONT_OFFSET_MM - TEMPLE_LENGTH_MM / 2);
    temple.name = side > 0 ? 'temple-left' : 'temple-right';
    temples.push(temple);
    group.add(rim, glass, endPiece, temple);
  }
  // Bridge: a wire arc for metal frames (a double bridge on aviators), a solid saddle for acetate.
  const arc = new Mesh(new TorusGeometry(bridge / 2 + rimT / 2, isMetal ? 0.8 : 2, 6, 16, Math.PI), rimMat);
  arc.position.set(0, 2, FRONT_OFFSET_MM);
  group.add(arc);
  if (shape === 'aviator') {
    const top = new Mesh(new BoxGeometry(bridge + 2 * rimT, 1.4, 1.4), rimMat);
    top.position.set(0, 0.3 * lensW, FRONT_OFFSET_MM);
    group.add(top);
  }
  const text = label?.('SHOPSEE');
  if (text) {
    // Printed on the front of the right end piece, facing the camera: the scene is never mirrored
    // (only the video and the landmarks are), so the text reads left to right in a selfie view too.
    const plate = new Mesh(new PlaneGeometry(14, 3.5), text);
    plate.position.set(-(width / 2 - end - rimT - 6), 0.38 * lensW, FRONT_OFFSET_MM + depth / 2 + 0.2);
    plate.name = 'label';
    group.add(plate);
  }
  return { group, lenses, temples };
}
