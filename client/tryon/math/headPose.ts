/**
 * Head pose for eyewear and hats, in world units (one unit = one frame pixel, y up, z to viewer).
 * Two sources: the face landmarks themselves (works for any mesh tracker), or MediaPipe's facial
 * transformation matrix (smoother rotation, used when FaceLandmarker provides it).
 */
import { FACE } from './faceLandmarks.js';
import { type FrameSize, type NormPoint, normToVideo, videoToWorld, type WorldPt } from './spaces.js';
import { type Basis, basisFromXY, type Quat, quatFromBasis, sub, v3, mid, normalize } from './vec.js';

export interface HeadPose {
  /** The frame's anchor: the nose bridge between the eyes. */
  bridge: WorldPt;
  /** Head rotation: x to the subject's left (image right when unmirrored), y up, z out of the face. */
  rotation: Quat;
  basis: Basis;
}

/** Landmarks of one face in world units (the 478 normalised points mapped through the frame size). */
export function faceToWorld(points: readonly NormPoint[], size: FrameSize): WorldPt[] {
  return points.map((p) => videoToWorld(normToVideo(p, size), size));
}

/**
 * Head rotation basis from world-space face landmarks (eye corners give x, chin→forehead gives y).
 * `mirrored`: the landmarks come from a mirrored (selfie) view, where the subject's eyes swap image
 * sides; the x axis then still points to image right for a frontal face, so the product is drawn
 * unreversed (its text reads the right way) — the same rotation as a mirrored matrix.
 */
export function headBasisFromLandmarks(w: readonly WorldPt[], mirrored = false): Basis {
  const at = (i: number) => {
    const p = w[i];
    if (!p) throw new Error(`face landmark ${i} missing: need the 478-point mesh`);
    return p;
  };
  // Average of the outer and inner eye corner axes: less sensitive to one blinking eye.
  const eyesOuter = sub(at(FACE.leftEyeOuter), at(FACE.rightEyeOuter));
  const eyesInner = sub(at(FACE.leftEyeInner), at(FACE.rightEyeInner));
  const sign = mirrored ? -1 : 1;
  const xDir = v3(sign * (eyesOuter.x + eyesInner.x), sign * (eyesOuter.y + eyesInner.y), sign * (eyesOuter.z + eyesInner.z));
  const up = sub(at(FACE.forehead), at(FACE.chin));
  return basisFromXY(xDir, up);
}

/** Head pose from world-space face landmarks. */
export function headPoseFromLandmarks(w: readonly WorldPt[], mirrored = false): HeadPose {
  const basis = headBasisFromLandmarks(w, mirrored);
  const bridge = w[FACE.noseBridge]!;
  return { bridge, rotation: quatFromBasis(basis), basis };
}

/**
 * Head rotation from MediaPipe's facial transformation matrix (4x4, column-major, canonical face →
 * camera, y up, z towards the viewer, possibly with scale). `mirrored` reflects it for a selfie view
 * drawn mirrored, so it agrees with landmarks that were mirrored the same way.
 */
export function headBasisFromMatrix(m: ArrayLike<number>, mirrored = false): Basis {
  if (m.length < 16) throw new Error('a facial transformation matrix has 16 numbers');
  const col = (c: number) => v3(m[c * 4]!, m[c * 4 + 1]!, m[c * 4 + 2]!);
  let x = col(0);
  let y = col(1);
  if (mirrored) {
    // S·R·S with S = diag(-1, 1, 1): reflect each axis and negate the x column, staying a rotation.
    x = v3(x.x, -x.y, -x.z);
    y = v3(-y.x, y.y, y.z);
  }
  return basisFromXY(normalize(x), y);
}

/** Centre between two world points (e.g. both pupils). */
export function midpoint(a: WorldPt, b: WorldPt): WorldPt {
  return mid(a, b) as WorldPt;
}
