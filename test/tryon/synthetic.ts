/** Synthetic face and hand landmarks made from a known pose, for the try-on maths tests. */
import { FACE, FACE_POINTS } from '../../client/tryon/math/faceLandmarks.js';
import { type FrameSize, type NormPoint, norm, worldPt, worldToVideo } from '../../client/tryon/math/spaces.js';
import { add, basisFromQuat, type Quat, rotate, scale, type V3, v3 } from '../../client/tryon/math/vec.js';

export const FRAME: FrameSize = { width: 640, height: 480 };

/** A face in head coordinates (mm): x to the subject's left, y up, z out of the face; PD 62, face 140 wide. */
export function faceModelMm(): Map<number, V3> {
  const m = new Map<number, V3>([
    [FACE.rightEyeOuter, v3(-45, 0, -10)],
    [FACE.rightEyeInner, v3(-15, 0, -8)],
    [FACE.leftEyeInner, v3(15, 0, -8)],
    [FACE.leftEyeOuter, v3(45, 0, -10)],
    [FACE.noseBridge, v3(0, 4, 0)],
    [FACE.noseTip, v3(0, -35, 20)],
    [FACE.forehead, v3(0, 70, -5)],
    [FACE.chin, v3(0, -75, -5)],
    [FACE.rightCheek, v3(-70, -5, -40)],
    [FACE.leftCheek, v3(70, -5, -40)],
  ]);
  const iris = (centreIdx: number, ring: readonly number[], cx: number) => {
    const r = 11.7 / 2;
    m.set(centreIdx, v3(cx, 0, -5));
    const offsets = [v3(r, 0, 0), v3(0, r, 0), v3(-r, 0, 0), v3(0, -r, 0)];
    ring.forEach((i, k) => m.set(i, add(v3(cx, 0, -5), offsets[k]!)));
  };
  iris(FACE.rightIrisCentre, FACE.rightIrisRing, -31);
  iris(FACE.leftIrisCentre, FACE.leftIrisRing, 31);
  return m;
}

/** A deterministic normal-ish noise source (sum of uniforms) so tests do not flake. */
export function noise(seed = 1): () => number {
  let s = seed >>> 0;
  const u = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return () => u() + u() + u() + u() - 2;
}

/** Places head-coordinate points with rotation `q`, at `at` (world px) and `pxPerMm`, and returns normalised landmarks. */
export function project(model: Map<number, V3>, q: Quat, at: V3, pxPerMm: number, count: number, jitterPx = 0, rnd = noise()): NormPoint[] {
  const b = basisFromQuat(q);
  const out: NormPoint[] = Array.from({ length: count }, () => norm(0.5, 0.5, 0));
  for (const [i, p] of model) {
    const w = add(at, scale(rotate(b, p), pxPerMm));
    const j = v3(w.x + jitterPx * rnd(), w.y + jitterPx * rnd(), w.z + jitterPx * rnd());
    const v = worldToVideo(worldPt(j.x, j.y, j.z), FRAME);
    out[i] = norm(v.x / FRAME.width, v.y / FRAME.height, v.z / FRAME.width);
  }
  return out;
}

export const faceLandmarks = (q: Quat, at: V3, pxPerMm: number, jitterPx = 0, rnd?: () => number) =>
  project(faceModelMm(), q, at, pxPerMm, FACE_POINTS, jitterPx, rnd);

/**
 * A hand in its own frame (mm): y from the wrist to the fingers, z out of the back of the hand,
 * x = y × z. The index side is at −x for a right hand and +x for a left one; fingers curl to −z.
 */
export function handModelMm(hand: 'left' | 'right', curl = 1): Map<number, V3> {
  const s = hand === 'right' ? -1 : 1;
  const m = new Map<number, V3>([[0, v3(0, 0, 0)]]);
  const thumb = [v3(25, 20, -10), v3(38, 40, -15), v3(45, 58, -18), v3(48, 72, -22)];
  thumb.forEach((p, k) => m.set(1 + k, v3(s * p.x, p.y, p.z * curl)));
  const knuckles: [number, number, number][] = [[5, 31, 88], [9, 0, 90], [13, -18, 87], [17, -31, 80]];
  for (const [base, x, y] of knuckles) {
    m.set(base, v3(s * x, y, 0));
    [30, 52, 70].forEach((dy, k) => m.set(base + 1 + k, v3(s * x, y + dy, -[6, 14, 22][k]! * curl)));
  }
  return m;
}

export const handLandmarks = (hand: 'left' | 'right', q: Quat, at: V3, pxPerMm: number, curl = 1, jitterPx = 0, rnd?: () => number) =>
  project(handModelMm(hand, curl), q, at, pxPerMm, 21, jitterPx, rnd);
