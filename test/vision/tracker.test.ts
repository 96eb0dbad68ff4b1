import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../client/vision/embed/vector.js';
import { assign } from '../../client/vision/track/hungarian.js';
import { Tracker } from '../../client/vision/track/tracker.js';
import type { Detection, ImageBox } from '../../client/vision/types.js';

const det = (label: string, box: ImageBox, score = 0.8): Detection => ({ label, kind: 'object', score, box });

describe('Hungarian assignment', () => {
  it('finds the cheapest assignment where greedy picking fails', () => {
    // Greedy takes (0,0)=1 then must take (1,1)=10: 11. Optimal is 2 + 3 = 5.
    expect(assign([[1, 2], [3, 10]])).toEqual([1, 0]);
  });

  it('handles more rows than columns and forbidden pairs', () => {
    // Rows 1 and 2 take both columns for 0.7, cheaper than any pairing that uses row 0.
    expect(assign([[Number.POSITIVE_INFINITY, 1], [0.5, Number.POSITIVE_INFINITY], [0.1, 0.2]])).toEqual([-1, 0, 1]);
    expect(assign([[Number.POSITIVE_INFINITY]])).toEqual([-1]);
  });

  it('matches a brute-force optimum on random 5×5 matrices', () => {
    const rand = seededRandom(4);
    const perms = (n: number): number[][] => (n === 0 ? [[]] : perms(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)])));
    for (let t = 0; t < 20; t++) {
      const m = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => rand()));
      const best = Math.min(...perms(5).map((p) => p.reduce((s, j, i) => s + m[i]![j]!, 0)));
      const got = assign(m).reduce((s, j, i) => s + m[i]![j]!, 0);
      expect(got).toBeCloseTo(best, 9);
    }
  });
});

describe('camera tracker', () => {
  it('keeps one identity for an item that moves a little each frame and smooths its box', () => {
    const tracker = new Tracker();
    const rand = seededRandom(1);
    const ids = new Set<number>();
    let lastX = 0;
    for (let f = 0; f < 30; f++) {
      const jitter = (rand() - 0.5) * 8;
      const shown = tracker.update([det('cup', [100 + f * 2 + jitter, 50, 60, 80])]);
      if (f >= 1) {
        expect(shown).toHaveLength(1);
        ids.add(shown[0]!.id);
        if (f > 5) expect(Math.abs(shown[0]!.box[0] - lastX)).toBeLessThan(6); // smoothed: less than raw jitter + motion
        lastX = shown[0]!.box[0];
      }
    }
    expect(ids.size).toBe(1);
  });

  it('does not show a one-frame false detection, and keeps a real item through two missed frames', () => {
    const tracker = new Tracker();
    tracker.update([det('cup', [0, 0, 50, 50])]);
    expect(tracker.update([det('cup', [1, 0, 50, 50]), det('vase', [300, 300, 40, 40])]).map((t) => t.label)).toEqual(['cup']);
    const id = tracker.visible()[0]!.id;
    expect(tracker.update([]).map((t) => t.id)).toEqual([id]);
    expect(tracker.update([]).map((t) => t.id)).toEqual([id]);
    expect(tracker.update([det('cup', [2, 0, 50, 50])]).map((t) => t.id)).toEqual([id]);
  });

  it('gives two crossing items of different labels their own identities and forgets items gone for long', () => {
    const tracker = new Tracker();
    for (let f = 0; f < 10; f++) tracker.update([det('cup', [f * 10, 0, 50, 50]), det('book', [100 - f * 10, 0, 50, 50])]);
    const byLabel = Object.fromEntries(tracker.visible().map((t) => [t.label, t.id]));
    expect(byLabel.cup).not.toBe(byLabel.book);
    for (let f = 0; f < 5; f++) tracker.update([]);
    expect(tracker.visible()).toHaveLength(0);
  });
});
