/**
 * Garment and accessory regions from 17 MoveNet body keypoints, since no available model detects
 * clothes (see ../shared/DESIGN-NOTES.md). Proportions are rules of thumb from figure drawing
 * (head ≈ 1/7.5 of height, shoulder width ≈ 2 heads) checked on the fashion fixtures.
 */
import type { Detection, ImageBox } from '../types.js';
import { clipBox } from './boxes.js';

/** A keypoint in image pixels with MoveNet's confidence. */
export interface Keypoint {
  x: number;
  y: number;
  score: number;
}

// MoveNet keypoint order (COCO keypoints), https://www.tensorflow.org/hub/tutorials/movenet
export const KP = {
  nose: 0, leftEye: 1, rightEye: 2, leftEar: 3, rightEar: 4, leftShoulder: 5, rightShoulder: 6,
  leftElbow: 7, rightElbow: 8, leftWrist: 9, rightWrist: 10, leftHip: 11, rightHip: 12,
  leftKnee: 13, rightKnee: 14, leftAnkle: 15, rightAnkle: 16,
} as const;

/** Region labels the detector emits for apparel. */
export const APPAREL_LABELS = ['top', 'bottom', 'belt', 'footwear', 'wrist', 'handheld', 'eyewear', 'hat'] as const;

/** Keypoints below this score are treated as not visible (MoveNet's own demo uses 0.3). */
export const MIN_KEYPOINT_SCORE = 0.3;

const dist = (a: Keypoint, b: Keypoint): number => Math.hypot(a.x - b.x, a.y - b.y);
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

function boxFromEdges(x1: number, y1: number, x2: number, y2: number): ImageBox {
  return [Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1)];
}

function centred(cx: number, cy: number, w: number, h: number): ImageBox {
  return [cx - w / 2, cy - h / 2, w, h];
}

/** Apparel regions of one person, clipped to the image; empty when the body is not visible enough. */
export function apparelRegions(kps: readonly Keypoint[], width: number, height: number): Detection[] {
  const seen = (i: number): Keypoint | undefined => {
    const k = kps[i];
    return k && k.score >= MIN_KEYPOINT_SCORE ? k : undefined;
  };
  const out: Detection[] = [];
  const push = (label: (typeof APPAREL_LABELS)[number], box: ImageBox, points: (Keypoint | undefined)[], certainty = 1): void => {
    const clipped = clipBox(box, width, height);
    const scores = points.filter((p): p is Keypoint => p !== undefined).map((p) => p.score);
    if (clipped && scores.length) out.push({ label, kind: 'apparel', score: certainty * Math.min(...scores), box: clipped });
  };

  const ls = seen(KP.leftShoulder);
  const rs = seen(KP.rightShoulder);
  const lh = seen(KP.leftHip);
  const rh = seen(KP.rightHip);
  const shoulderW = ls && rs ? dist(ls, rs) : undefined;

  if (ls && rs && shoulderW) {
    const top = Math.min(ls.y, rs.y) - 0.25 * shoulderW;
    const hipY = lh && rh ? mean([lh.y, rh.y]) : Math.max(ls.y, rs.y) + 1.5 * shoulderW;
    // Sleeves: widen to the elbows when they are out to the side.
    const xs = [ls.x, rs.x, seen(KP.leftElbow)?.x, seen(KP.rightElbow)?.x].filter((x): x is number => x !== undefined);
    const pad = 0.2 * shoulderW;
    push('top', boxFromEdges(Math.min(...xs) - pad, top, Math.max(...xs) + pad, hipY + 0.1 * shoulderW), [ls, rs, lh, rh]);
  }

  if (lh && rh) {
    const hipW = Math.max(dist(lh, rh), shoulderW ? 0.6 * shoulderW : 0);
    const cx = mean([lh.x, rh.x]);
    const hipY = mean([lh.y, rh.y]);
    push('belt', centred(cx, hipY - 0.15 * hipW, 1.9 * hipW, 0.45 * hipW), [lh, rh]);
    const la = seen(KP.leftAnkle);
    const ra = seen(KP.rightAnkle);
    const lk = seen(KP.leftKnee);
    const rk = seen(KP.rightKnee);
    const lowest = [la, ra, lk, rk].filter((k): k is Keypoint => k !== undefined);
    if (lowest.length) {
      const xs = [lh.x, rh.x, ...lowest.map((k) => k.x)];
      const bottomY = Math.max(...lowest.map((k) => k.y));
      push('bottom', boxFromEdges(Math.min(...xs) - 0.45 * hipW, hipY - 0.25 * hipW, Math.max(...xs) + 0.45 * hipW, bottomY + 0.1 * hipW), [lh, rh, ...lowest]);
    }
  }

  for (const [ankleI, kneeI] of [[KP.leftAnkle, KP.leftKnee], [KP.rightAnkle, KP.rightKnee]] as const) {
    const ankle = seen(ankleI);
    const knee = seen(kneeI);
    if (!ankle) continue;
    const shin = knee ? dist(ankle, knee) : (shoulderW ?? height / 8) * 1.1;
    push('footwear', centred(ankle.x, ankle.y + 0.18 * shin, 0.6 * shin, 0.5 * shin), [ankle]);
  }

  for (const [wristI, elbowI] of [[KP.leftWrist, KP.leftElbow], [KP.rightWrist, KP.rightElbow]] as const) {
    const wrist = seen(wristI);
    const elbow = seen(elbowI);
    if (!wrist) continue;
    const forearm = elbow ? dist(wrist, elbow) : (shoulderW ?? height / 8) * 0.8;
    push('wrist', centred(wrist.x, wrist.y, 0.45 * forearm, 0.45 * forearm), [wrist]);
    // What the hand holds (a cup, a phone, a bag handle) lies beyond the wrist along the forearm.
    // Half certainty: the hand may be empty.
    const dx = elbow ? (wrist.x - elbow.x) / forearm : 0;
    const dy = elbow ? (wrist.y - elbow.y) / forearm : 1;
    push('handheld', centred(wrist.x + 0.45 * forearm * dx, wrist.y + 0.45 * forearm * dy, 0.85 * forearm, 0.85 * forearm), [wrist], 0.5);
  }

  const le = seen(KP.leftEye);
  const re = seen(KP.rightEye);
  if (le && re) {
    const eyeD = Math.max(dist(le, re), 1);
    const cx = mean([le.x, re.x]);
    const cy = mean([le.y, re.y]);
    push('eyewear', centred(cx, cy, 2.4 * eyeD, 1.1 * eyeD), [le, re]);
    const lear = seen(KP.leftEar);
    const rear = seen(KP.rightEar);
    const headW = lear && rear ? Math.max(dist(lear, rear) * 1.3, 2.2 * eyeD) : 2.6 * eyeD;
    // Half certainty: a bare head looks the same to keypoints.
    push('hat', boxFromEdges(cx - 0.65 * headW, cy - 1.3 * headW, cx + 0.65 * headW, cy - 0.15 * headW), [le, re], 0.5);
  }
  return out;
}
