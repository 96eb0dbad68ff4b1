import { describe, expect, it } from 'vitest';
import { apparelRegions, KP, type Keypoint } from '../../client/vision/detect/apparel.js';
import { iou, nms } from '../../client/vision/detect/boxes.js';
import type { Detection } from '../../client/vision/types.js';

// A standing person facing the camera in a 600×1000 image (x grows to the image's right).
function standing(overrides: Partial<Record<keyof typeof KP, Keypoint>> = {}): Keypoint[] {
  const at = (x: number, y: number): Keypoint => ({ x, y, score: 0.9 });
  const base: Record<keyof typeof KP, Keypoint> = {
    nose: at(300, 130), leftEye: at(320, 115), rightEye: at(280, 115), leftEar: at(340, 125), rightEar: at(260, 125),
    leftShoulder: at(380, 260), rightShoulder: at(220, 260), leftElbow: at(400, 400), rightElbow: at(200, 400),
    leftWrist: at(410, 520), rightWrist: at(190, 520), leftHip: at(350, 540), rightHip: at(250, 540),
    leftKnee: at(355, 740), rightKnee: at(245, 740), leftAnkle: at(360, 930), rightAnkle: at(240, 930),
  };
  const merged = { ...base, ...overrides };
  return (Object.keys(KP) as (keyof typeof KP)[]).map((k) => merged[k]);
}

const byLabel = (ds: Detection[], label: string): Detection[] => ds.filter((d) => d.label === label);
const centre = (d: Detection): [number, number] => [d.box[0] + d.box[2] / 2, d.box[1] + d.box[3] / 2];

describe('apparel regions from body keypoints', () => {
  it('puts eyewear between the eyes, a top from shoulders to hips and a bottom from hips to ankles', () => {
    const regions = apparelRegions(standing(), 600, 1000);
    const [eyewear] = byLabel(regions, 'eyewear');
    expect(centre(eyewear!)[0]).toBeCloseTo(300, 0);
    expect(centre(eyewear!)[1]).toBeCloseTo(115, 0);
    expect(eyewear!.box[2]).toBeGreaterThan(80); // wider than the 40 px between the eyes
    const [top] = byLabel(regions, 'top');
    expect(top!.box[1]).toBeLessThan(260);
    expect(top!.box[1] + top!.box[3]).toBeGreaterThan(540);
    const [bottom] = byLabel(regions, 'bottom');
    expect(bottom!.box[1]).toBeLessThan(540);
    expect(bottom!.box[1] + bottom!.box[3]).toBeGreaterThanOrEqual(930);
    expect(byLabel(regions, 'footwear')).toHaveLength(2);
    expect(byLabel(regions, 'wrist')).toHaveLength(2);
  });

  it('places each footwear box on its ankle and each wrist box on its wrist', () => {
    const regions = apparelRegions(standing(), 600, 1000);
    const feet = byLabel(regions, 'footwear').map(centre).sort((a, b) => a[0] - b[0]);
    expect(feet[0]![0]).toBeCloseTo(240, 0);
    expect(feet[1]![0]).toBeCloseTo(360, 0);
    expect(feet[0]![1]).toBeGreaterThan(930); // shoes sit just below the ankle joint
    const wrists = byLabel(regions, 'wrist').map(centre).sort((a, b) => a[0] - b[0]);
    expect(wrists[0]).toEqual([190, 520]);
    expect(wrists[1]).toEqual([410, 520]);
  });

  it('leaves out regions whose keypoints are not visible and clips boxes to the image', () => {
    const hidden: Keypoint = { x: 0, y: 0, score: 0.05 };
    const regions = apparelRegions(standing({ leftAnkle: hidden, rightAnkle: hidden, leftKnee: hidden, rightKnee: hidden, leftEye: hidden }), 600, 1000);
    expect(byLabel(regions, 'footwear')).toHaveLength(0);
    expect(byLabel(regions, 'bottom')).toHaveLength(0);
    expect(byLabel(regions, 'eyewear')).toHaveLength(0);
    const [hat] = byLabel(apparelRegions(standing(), 600, 1000), 'hat');
    expect(hat!.box[1]).toBeGreaterThanOrEqual(0); // the head is near the top edge: clipped, not negative
  });

  it('scores a region by its least certain keypoint and halves guesses like a hat', () => {
    const regions = apparelRegions(standing({ leftHip: { x: 350, y: 540, score: 0.5 } }), 600, 1000);
    expect(byLabel(regions, 'top')[0]!.score).toBeCloseTo(0.5, 5);
    expect(byLabel(regions, 'hat')[0]!.score).toBeCloseTo(0.45, 5);
  });
});

describe('box maths', () => {
  it('computes IoU of overlapping, nested and disjoint boxes', () => {
    expect(iou([0, 0, 10, 10], [5, 0, 10, 10])).toBeCloseTo(50 / 150, 6);
    expect(iou([0, 0, 10, 10], [2, 2, 5, 5])).toBeCloseTo(25 / 100, 6);
    expect(iou([0, 0, 10, 10], [20, 20, 5, 5])).toBe(0);
  });

  it('keeps the best box of a same-label cluster and boxes of other labels', () => {
    const d = (label: string, score: number, x: number): Detection => ({ label, kind: 'object', score, box: [x, 0, 10, 10] });
    const kept = nms([d('cup', 0.5, 0), d('cup', 0.9, 1), d('vase', 0.4, 1), d('cup', 0.3, 50)]);
    expect(kept.map((k) => `${k.label}:${k.score}`)).toEqual(['cup:0.9', 'vase:0.4', 'cup:0.3']);
  });
});
