import { describe, expect, it } from 'vitest';
import { FADE_HIDDEN, fadeStep } from '../../client/tryon/math/fade.js';
import { OneEuro, OneEuroQuat } from '../../client/tryon/math/oneEuro.js';
import { quatAngle, quatFromEuler } from '../../client/tryon/math/vec.js';
import { noise } from './synthetic.js';

const rms = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);
const diffs = (xs: number[]) => xs.slice(1).map((x, i) => x - xs[i]!);

describe('One-Euro smoothing', () => {
  it('cuts frame-to-frame jitter of a still signal by more than 70%', () => {
    const rnd = noise(5);
    const f = new OneEuro();
    const raw: number[] = [];
    const out: number[] = [];
    for (let i = 0; i < 300; i++) {
      const x = 100 + 1.5 * rnd();
      raw.push(x);
      out.push(f.filter(x, i / 30));
    }
    expect(rms(diffs(out.slice(30)))).toBeLessThan(0.3 * rms(diffs(raw.slice(30))));
    expect(Math.abs(out.at(-1)! - 100)).toBeLessThan(1);
  });

  it('follows a 100-pixel step to within 3 pixels in a third of a second', () => {
    const f = new OneEuro();
    let y = 0;
    for (let i = 0; i < 60; i++) y = f.filter(i < 30 ? 0 : 100, i / 30);
    const g = new OneEuro();
    const after: number[] = [];
    for (let i = 0; i < 40; i++) after.push(g.filter(i < 30 ? 0 : 100, i / 30));
    expect(after[30 + 10 - 1]!).toBeGreaterThan(97);
    expect(y).toBeCloseTo(100, 1);
  });

  it('smooths rotations without taking the long way round when a quaternion changes sign', () => {
    const f = new OneEuroQuat();
    const q = quatFromEuler(0.3, 0.1, 0);
    f.filter(q, 0);
    const out = f.filter({ x: -q.x, y: -q.y, z: -q.z, w: -q.w }, 1 / 30);
    expect(quatAngle(out, q)).toBeLessThan(1e-6);
  });

  it('ignores a repeated timestamp instead of dividing by zero', () => {
    const f = new OneEuro();
    f.filter(5, 1);
    expect(f.filter(50, 1)).toBe(5);
  });
});

describe('fading on tracking loss', () => {
  it('fades out over about a third of a second, then back in, flagging the reacquisition once', () => {
    let s = fadeStep(FADE_HIDDEN, true, 1 / 30);
    expect(s.reacquired).toBe(true);
    for (let i = 0; i < 10; i++) s = fadeStep(s, true, 1 / 30);
    expect(s.opacity).toBe(1);
    const frames: number[] = [];
    for (let i = 0; i < 15; i++) {
      s = fadeStep(s, false, 1 / 30);
      frames.push(s.opacity);
    }
    expect(frames[0]).toBeGreaterThan(0.85);
    expect(frames[5]).toBeGreaterThan(0.3);
    expect(frames.at(-1)).toBe(0);
    s = fadeStep(s, true, 1 / 30);
    expect(s.reacquired).toBe(true);
    expect(s.opacity).toBeLessThan(0.3);
    expect(fadeStep(s, true, 1 / 30).reacquired).toBe(false);
  });
});
