import { describe, expect, it } from 'vitest';
import { faceToWorld } from '../../client/tryon/math/headPose.js';
import { guessHandedness, handScale, WristFrameTracker, wristFrame } from '../../client/tryon/math/wristFrame.js';
import { basisFromQuat, dot, handedness, mulQuat, quatAngle, quatFromBasis, quatFromEuler, v3 } from '../../client/tryon/math/vec.js';
import { FRAME, handLandmarks, noise } from './synthetic.js';

const deg = Math.PI / 180;
const toWorld = (pts: Parameters<typeof faceToWorld>[0]) => faceToWorld(pts, FRAME);
const POSES: [number, number, number][] = [
  [0, 0, 0],
  [40, -20, 10],
  [-60, 30, -45],
  [120, 10, 80],
  [170, -40, 0],
];

describe('wrist frame from hand landmarks', () => {
  for (const hand of ['left', 'right'] as const) {
    it.each(POSES)(`the ${hand} hand's frame is right-handed and matches a hand posed %d°/%d°/%d° within 1°`, (a, b, c) => {
      const q = quatFromEuler(a * deg, b * deg, c * deg);
      const f = wristFrame(toWorld(handLandmarks(hand, q, v3(300, 200, 0), 1.5)), hand);
      expect(handedness(f.basis)).toBeCloseTo(1, 6);
      expect(quatAngle(f.rotation, q) / deg).toBeLessThan(1);
      // The case rests on the back of the wrist: up the z axis from the wrist landmark.
      expect(dot(v3(f.origin.x - 300, f.origin.y - 200, f.origin.z), basisFromQuat(q).z)).toBeGreaterThan(15 * 1.5);
    });

    it(`tells a curled ${hand} hand from the other one by which side the fingers curl to`, () => {
      for (const [a, b, c] of POSES) {
        const w = toWorld(handLandmarks(hand, quatFromEuler(a * deg, b * deg, c * deg), v3(300, 200, 0), 2));
        expect(guessHandedness(w)).toBe(hand);
      }
    });
  }

  it('sizes the hand from palm length, unaffected by turning the palm edge-on', () => {
    const flat = toWorld(handLandmarks('right', quatFromEuler(0, 0, 0), v3(300, 200, 0), 2.5));
    const edge = toWorld(handLandmarks('right', quatFromEuler(0, 80 * deg, 0), v3(300, 200, 0), 2.5));
    expect(Math.abs(handScale(flat) / 2.5 - 1)).toBeLessThan(0.02);
    expect(Math.abs(handScale(edge) / 2.5 - 1)).toBeLessThan(0.02);
  });

  it('does not flip when the palm turns over, even when the hand label flickers, for both hands', () => {
    const rnd = noise(11);
    for (const hand of ['left', 'right'] as const) {
      const tracker = new WristFrameTracker();
      const tilt = quatFromEuler(0, 0, 20 * deg);
      let prev = null as ReturnType<typeof wristFrame> | null;
      for (let step = 0; step <= 36; step++) {
        // Rotation about the forearm (the hand's y axis), 10° a frame (5° half-angle): back of hand → palm → back.
        const turn = mulQuat(tilt, { x: 0, y: Math.sin((step * 5 * deg) ), z: 0, w: Math.cos(step * 5 * deg) });
        const w = toWorld(handLandmarks(hand, turn, v3(320, 240, 0), 2, 0.3, 0.5, rnd));
        // Every fifth frame the classifier names the wrong hand.
        const label = step % 5 === 2 ? (hand === 'left' ? 'right' : 'left') : hand;
        const f = tracker.update(w, label);
        expect(handedness(f.basis)).toBeCloseTo(1, 6);
        expect(quatAngle(f.rotation, turn) / deg).toBeLessThan(4);
        if (prev) expect(quatAngle(prev.rotation, f.rotation) / deg).toBeLessThan(15);
        prev = f;
      }
    }
  });

  it('keeps following the true back of the hand over a full turn when no label is given', () => {
    const tracker = new WristFrameTracker();
    for (let step = 0; step <= 36; step++) {
      const turn = quatFromEuler(0, 0, 0);
      const q = mulQuat(turn, { x: 0, y: Math.sin(step * 5 * deg), z: 0, w: Math.cos(step * 5 * deg) });
      const f = tracker.update(toWorld(handLandmarks('left', q, v3(320, 240, 0), 2, 0.2)));
      expect(dot(f.basis.z, basisFromQuat(q).z)).toBeGreaterThan(0.95);
      expect(quatAngle(quatFromBasis(f.basis), q) / deg).toBeLessThan(3);
    }
  });
});
