/**
 * From tracker output to where the product goes, frame after frame: landmarks → world space (mirrored
 * for a selfie view) → head or wrist pose → One-Euro smoothing → fade on loss. Plain TS: the scene
 * only copies `Placement` onto its objects, and the CLI and benchmark read the same numbers.
 */
import { FADE_HIDDEN, type FadeState, fadeStep } from '../math/fade.js';
import { type FaceFit, faceFit, pxPerMmFromIris } from '../math/faceMetrics.js';
import { faceToWorld, headBasisFromMatrix, headPoseFromLandmarks } from '../math/headPose.js';
import { OneEuro, type OneEuroParams, OneEuroQuat, OneEuroV3 } from '../math/oneEuro.js';
import { type FrameSize, mirrorNorm, norm, type NormPoint, type PxPerMm, type WorldPt, worldPt } from '../math/spaces.js';
import { quatFromBasis, type Quat } from '../math/vec.js';
import { WristFrameTracker } from '../math/wristFrame.js';
import type { TrackResult } from './types.js';

export type Anchor = 'head' | 'wrist';

/** Where to draw the product this frame, in world units (one unit = one frame pixel). */
export interface Placement {
  anchor: Anchor;
  position: WorldPt;
  rotation: Quat;
  /** Frame pixels per millimetre at the anchor: the product's mm models are scaled by it. */
  pxPerMm: PxPerMm;
  opacity: number;
  /** Whether the tracker saw the body part in this frame. */
  tracked: boolean;
  /** Eyewear fit help (head anchor only). */
  fit: FaceFit | null;
}

export interface SmoothingParams {
  position: OneEuroParams;
  rotation: OneEuroParams;
  scale: OneEuroParams;
}

// Units differ: positions in pixels (fast motion is hundreds px/s), quaternion components (≈1/s).
export const DEFAULT_SMOOTHING: SmoothingParams = {
  position: { minCutoff: 0.6, beta: 0.02, dCutoff: 1 },
  rotation: { minCutoff: 0.6, beta: 3, dCutoff: 1 },
  scale: { minCutoff: 0.4, beta: 0.2, dCutoff: 1 },
};

/** Reads point `i` of a flat x,y,z array as a normalised landmark, mirrored when asked. */
function landmarks(flat: Float32Array, mirrored: boolean): NormPoint[] {
  const out: NormPoint[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const p = norm(flat[i]!, flat[i + 1]!, flat[i + 2]!);
    out.push(mirrored ? mirrorNorm(p) : p);
  }
  return out;
}

/** Tracks one anchor over frames: pose, smoothing, fade. `smooth: false` gives the raw pose (benchmark). */
export class PlacementTracker {
  private fade: FadeState = FADE_HIDDEN;
  private readonly pos: OneEuroV3;
  private readonly rot: OneEuroQuat;
  private readonly scale: OneEuro;
  private readonly wrist = new WristFrameTracker();
  private last: Placement | null = null;

  constructor(
    readonly anchor: Anchor,
    private readonly opts: { mirrored: boolean; smooth: boolean; useMatrix: boolean; params?: SmoothingParams } = { mirrored: false, smooth: true, useMatrix: true },
  ) {
    const p = opts.params ?? DEFAULT_SMOOTHING;
    this.pos = new OneEuroV3(p.position);
    this.rot = new OneEuroQuat(p.rotation);
    this.scale = new OneEuro(p.scale);
  }

  /** The placement for a tracker result at time `t` (seconds); `dt` advances the fade. */
  update(result: TrackResult | null, t: number, dt: number): Placement | null {
    const size: FrameSize = result ?? { width: 1, height: 1 };
    const raw = result ? (this.anchor === 'head' ? this.headPose(result, size) : this.wristPose(result, size)) : null;
    this.fade = fadeStep(this.fade, Boolean(raw), dt);
    if (this.fade.reacquired) this.resetFilters();
    if (!raw) {
      if (!this.last) return null;
      // Lost: hold the last pose while fading out.
      this.last = { ...this.last, opacity: this.fade.opacity, tracked: false };
      return this.last;
    }
    const smooth = this.opts.smooth;
    const p = smooth ? this.pos.filter(raw.position, t) : raw.position;
    const placement: Placement = {
      ...raw,
      position: worldPt(p.x, p.y, p.z),
      rotation: smooth ? this.rot.filter(raw.rotation, t) : raw.rotation,
      pxPerMm: (smooth ? this.scale.filter(raw.pxPerMm, t) : raw.pxPerMm) as PxPerMm,
      opacity: this.fade.opacity,
      tracked: true,
    };
    this.last = placement;
    return placement;
  }

  private resetFilters(): void {
    this.pos.reset();
    this.rot.reset();
    this.scale.reset();
    this.wrist.reset();
  }

  private headPose(r: TrackResult, size: FrameSize): Omit<Placement, 'opacity' | 'tracked'> | null {
    const face = r.faces[0];
    if (!face || face.landmarks.length < 478 * 3) return null;
    const w = faceToWorld(landmarks(face.landmarks, this.opts.mirrored), size);
    const pose = headPoseFromLandmarks(w, this.opts.mirrored);
    const rotation = this.opts.useMatrix && face.matrix ? quatFromBasis(headBasisFromMatrix(face.matrix, this.opts.mirrored)) : pose.rotation;
    const scale = pxPerMmFromIris(w);
    return { anchor: 'head', position: pose.bridge, rotation, pxPerMm: scale, fit: faceFit(w, scale) };
  }

  private wristPose(r: TrackResult, size: FrameSize): Omit<Placement, 'opacity' | 'tracked'> | null {
    const hand = [...r.hands].sort((a, b) => b.score - a.score)[0];
    if (!hand) return null;
    const w = faceToWorld(landmarks(hand.landmarks, this.opts.mirrored), size);
    const f = this.wrist.update(w);
    return { anchor: 'wrist', position: f.origin, rotation: f.rotation, pxPerMm: f.pxPerMm, fit: null };
  }
}
