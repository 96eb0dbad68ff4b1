/**
 * Where a watch sits on the wrist, from the 21 hand landmarks (MediaPipe hand topology, which the
 * tfjs handlandmark models share: 0 wrist, 5/9/13/17 index/middle/ring/pinky knuckles, tips 4..20).
 * The frame is right-handed for both hands: y runs from the wrist to the fingers, z leaves the back
 * of the hand (where the watch case is), x = y × z.
 */
import { type Mm, mm, type PxPerMm, type WorldPt, worldPt } from './spaces.js';
import { add, type Basis, basisFromYZ, cross, distance, dot, normalize, type Quat, quatFromBasis, scale, sub, v3 } from './vec.js';

export const HAND = { wrist: 0, thumbTip: 4, indexMcp: 5, middleMcp: 9, ringMcp: 13, pinkyMcp: 17, tips: [4, 8, 12, 16, 20], mcps: [2, 5, 9, 13, 17] } as const;

/** The subject's own hand. */
export type Handedness = 'left' | 'right';

// Adult hand anthropometry (means of men and women): wrist crease → middle knuckle, and index →
// pinky knuckle centres. Only ratios to the watch matter, so a 5% error is a 2 mm case error.
const PALM_LENGTH_MM = 90;
const KNUCKLE_SPAN_MM = 62;
/** A watch sits this far up the forearm from the wrist crease (landmark 0). */
const CASE_OFFSET_MM = 16;
/** Half the wrist's thickness: the case rests on the back surface, not the wrist's centre line. */
export const WRIST_HALF_THICKNESS_MM = 20;
export const WRIST_HALF_WIDTH_MM = 29;

export interface WristFrame {
  /** Centre of the watch case on the back of the wrist. */
  origin: WorldPt;
  basis: Basis;
  rotation: Quat;
  pxPerMm: PxPerMm;
  handedness: Handedness;
}

/** Pixels per millimetre at the hand, from palm length and knuckle span (foreshortening only shrinks, so the larger wins). */
export function handScale(w: readonly WorldPt[]): PxPerMm {
  const byLength = distance(w[HAND.wrist]!, w[HAND.middleMcp]!) / PALM_LENGTH_MM;
  const bySpan = distance(w[HAND.indexMcp]!, w[HAND.pinkyMcp]!) / KNUCKLE_SPAN_MM;
  return Math.max(byLength, bySpan) as PxPerMm;
}

/** The palm normal of a right hand (back-of-hand normal of a left one): (index − pinky) × (wrist → middle). */
function rightPalmNormal(w: readonly WorldPt[]): ReturnType<typeof v3> {
  const across = sub(w[HAND.indexMcp]!, w[HAND.pinkyMcp]!);
  const along = sub(w[HAND.middleMcp]!, w[HAND.wrist]!);
  return normalize(cross(across, along));
}

/**
 * Which hand this is, when the tracker does not say: fingers and thumb curl towards the palm, so the
 * side the tips lie on tells the palm from the back. A flat hand gives no curl: then assume the
 * shopper shows the back of the wrist to the camera, as one does to look at a watch.
 */
export function guessHandedness(w: readonly WorldPt[]): Handedness {
  const n = rightPalmNormal(w);
  const palmLen = distance(w[HAND.wrist]!, w[HAND.middleMcp]!) || 1;
  let curl = 0;
  HAND.tips.forEach((tip, i) => {
    curl += dot(sub(w[tip]!, w[HAND.mcps[i]!]!), n);
  });
  curl /= HAND.tips.length * palmLen;
  if (Math.abs(curl) > 0.08) return curl > 0 ? 'right' : 'left';
  return n.z > 0 ? 'left' : 'right';
}

/** The watch frame on one hand, given which hand it is. */
export function wristFrame(w: readonly WorldPt[], hand: Handedness): WristFrame {
  if (w.length < 21) throw new Error('a hand has 21 landmarks');
  const along = sub(w[HAND.middleMcp]!, w[HAND.wrist]!);
  const n = rightPalmNormal(w);
  const back = hand === 'right' ? scale(n, -1) : n;
  const basis = basisFromYZ(along, back);
  return placeOnWrist(w, basis, hand);
}

function placeOnWrist(w: readonly WorldPt[], basis: Basis, hand: Handedness): WristFrame {
  const s = handScale(w);
  const wrist = w[HAND.wrist]!;
  const origin = add(add(wrist, scale(basis.y, -CASE_OFFSET_MM * s)), scale(basis.z, WRIST_HALF_THICKNESS_MM * s));
  return { origin: worldPt(origin.x, origin.y, origin.z), basis, rotation: quatFromBasis(basis), pxPerMm: s, handedness: hand };
}

/** A turn of more than this between two frames is a chirality error (the hand flipped), not motion. */
const FLIP_DOT = -0.5;

/**
 * Keeps the wrist frame continuous over time: a palm turning is a rotation about the forearm, never a
 * jump of the back-of-hand normal by more than 120° between frames. When handedness guesses flicker
 * (flat or edge-on hands) the frame would jump; this turns it back (x and z negated, still right-handed)
 * and remembers the corrected hand.
 */
export class WristFrameTracker {
  private last: WristFrame | null = null;

  /** The frame for this sample; `hand` is the tracker's label or a guess. */
  update(w: readonly WorldPt[], hand: Handedness = this.last?.handedness ?? guessHandedness(w)): WristFrame {
    let f = wristFrame(w, hand);
    if (this.last && dot(f.basis.z, this.last.basis.z) < FLIP_DOT) {
      f = wristFrame(w, hand === 'right' ? 'left' : 'right');
    }
    this.last = f;
    return f;
  }

  reset(): void {
    this.last = null;
  }
}

/** Case diameter in frame pixels for a watch of the given size on this hand. */
export function casePx(diameter: Mm | number, s: PxPerMm): number {
  return mm(diameter) * s;
}
