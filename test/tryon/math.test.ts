import { describe, expect, it } from 'vitest';
import { FACE } from '../../client/tryon/math/faceLandmarks.js';
import { faceFit, frameFit, pxPerMmFromIris } from '../../client/tryon/math/faceMetrics.js';
import { faceToWorld, headBasisFromMatrix, headPoseFromLandmarks } from '../../client/tryon/math/headPose.js';
import { mirrorNorm, normToVideo, videoToWorld, worldToVideo, worldPt } from '../../client/tryon/math/spaces.js';
import { basisFromQuat, handedness, quatAngle, quatFromBasis, quatFromEuler, v3 } from '../../client/tryon/math/vec.js';
import { FRAME, faceLandmarks, noise } from './synthetic.js';

const deg = Math.PI / 180;
const POSES: [number, number, number][] = [
  [0, 0, 0],
  [25, 0, 0],
  [-30, 10, 5],
  [10, -15, -12],
  [-5, 20, 20],
  [35, 5, -8],
];

/** MediaPipe's column-major 4x4 for a rotation, with a uniform scale and a translation. */
function matrixOf(yaw: number, pitch: number, roll: number, s = 1.3): number[] {
  const b = basisFromQuat(quatFromEuler(yaw, pitch, roll));
  return [b.x.x * s, b.x.y * s, b.x.z * s, 0, b.y.x * s, b.y.y * s, b.y.z * s, 0, b.z.x * s, b.z.y * s, b.z.z * s, 0, 3, -2, -40, 1];
}

describe('coordinate spaces', () => {
  it('frame pixels and world units round-trip, with y flipped up', () => {
    const p = worldToVideo(worldPt(100, 380, 5), FRAME);
    expect([p.x, p.y, p.z]).toEqual([100, 100, -5]);
    const back = videoToWorld(p, FRAME);
    expect([back.x, back.y, back.z]).toEqual([100, 380, 5]);
  });
});

describe('head pose from face landmarks', () => {
  it.each(POSES)('a face turned yaw %d°, pitch %d°, roll %d° comes back within 1°', (yaw, pitch, roll) => {
    const q = quatFromEuler(yaw * deg, pitch * deg, roll * deg);
    const w = faceToWorld(faceLandmarks(q, v3(320, 260, 0), 1.8), FRAME);
    const pose = headPoseFromLandmarks(w);
    expect(quatAngle(pose.rotation, q) / deg).toBeLessThan(1);
    expect(handedness(pose.basis)).toBeCloseTo(1, 6);
    const bridge = basisFromQuat(q);
    // The bridge landmark sits 4 mm above the head origin along the head's y axis.
    expect(pose.bridge.x).toBeCloseTo(320 + bridge.y.x * 4 * 1.8, 3);
    expect(pose.bridge.y).toBeCloseTo(260 + bridge.y.y * 4 * 1.8, 3);
  });

  it('stays within 3° when every landmark jitters by about a pixel', () => {
    const rnd = noise(7);
    for (const [yaw, pitch, roll] of POSES) {
      const q = quatFromEuler(yaw * deg, pitch * deg, roll * deg);
      const w = faceToWorld(faceLandmarks(q, v3(320, 240, 0), 2.2, 1, rnd), FRAME);
      expect(quatAngle(headPoseFromLandmarks(w).rotation, q) / deg).toBeLessThan(3);
    }
  });

  it.each(POSES)('the facial transformation matrix for yaw %d°, pitch %d°, roll %d° gives the same rotation, scale removed', (yaw, pitch, roll) => {
    const q = quatFromEuler(yaw * deg, pitch * deg, roll * deg);
    const b = headBasisFromMatrix(matrixOf(yaw * deg, pitch * deg, roll * deg));
    expect(quatAngle(quatFromBasis(b), q) / deg).toBeLessThan(0.01);
  });

  it('a mirrored matrix agrees with the pose of the mirrored landmarks, and stays a rotation', () => {
    for (const [yaw, pitch, roll] of POSES) {
      const q = quatFromEuler(yaw * deg, pitch * deg, roll * deg);
      const mirrored = faceLandmarks(q, v3(300, 250, 0), 2).map(mirrorNorm);
      const fromLandmarks = headPoseFromLandmarks(faceToWorld(mirrored, FRAME), true);
      const fromMatrix = headBasisFromMatrix(matrixOf(yaw * deg, pitch * deg, roll * deg), true);
      expect(handedness(fromMatrix)).toBeCloseTo(1, 6);
      expect(quatAngle(quatFromBasis(fromMatrix), fromLandmarks.rotation) / deg).toBeLessThan(1);
      // Mirroring turns yaw the other way and leaves pitch alone.
      if (yaw !== 0) expect(Math.sign(fromMatrix.z.x)).toBe(-Math.sign(basisFromQuat(q).z.x));
    }
  });
});

describe('metric scale from the iris', () => {
  it.each([1.2, 2, 3.5])('an 11.7 mm iris at %d px/mm gives that scale, a 62 mm PD and a 140 mm face, turned or not', (s) => {
    for (const [yaw, pitch, roll] of POSES) {
      const w = faceToWorld(faceLandmarks(quatFromEuler(yaw * deg, pitch * deg, roll * deg), v3(320, 240, 0), s), FRAME);
      expect(pxPerMmFromIris(w)).toBeCloseTo(s, 4);
      const fit = faceFit(w);
      expect(fit.pupillaryDistanceMm).toBeCloseTo(62, 1);
      expect(fit.faceWidthMm).toBeCloseTo(140, 1);
      expect(fit.suggestion).toBe('medium');
    }
  });

  it('with a pixel of landmark noise the scale is within 5% and the PD within 3 mm', () => {
    const rnd = noise(3);
    const w = faceToWorld(faceLandmarks(quatFromEuler(0.2, 0, 0), v3(320, 240, 0), 3, 0.5, rnd), FRAME);
    expect(Math.abs(pxPerMmFromIris(w) / 3 - 1)).toBeLessThan(0.05);
    expect(Math.abs(faceFit(w).pupillaryDistanceMm - 62)).toBeLessThan(3);
  });

  it('suggests narrow, medium and wide frames by face width, and says it is an estimate', () => {
    expect(frameFit(126)).toBe('narrow');
    expect(frameFit(138)).toBe('medium');
    expect(frameFit(145)).toBe('wide');
    const w = faceToWorld(faceLandmarks(quatFromEuler(0, 0, 0), v3(320, 240, 0), 2), FRAME);
    // Pull the cheeks in to a 120 mm face.
    const narrow = w.slice();
    narrow[FACE.rightCheek] = worldPt(w[FACE.rightCheek]!.x + 20 * 2, w[FACE.rightCheek]!.y, w[FACE.rightCheek]!.z);
    expect(faceFit(narrow).suggestion).toBe('narrow');
    expect(faceFit(narrow).note).toMatch(/estimate/);
  });

  it('maps normalised landmarks to pixels using the frame size (z on the x scale)', () => {
    const v = normToVideo(faceLandmarks(quatFromEuler(0, 0, 0), v3(320, 240, 0), 2)[FACE.noseBridge]!, FRAME);
    expect(v.x).toBeCloseTo(320, 6);
    expect(v.y).toBeCloseTo(480 - 240 - 8, 6);
  });
});
