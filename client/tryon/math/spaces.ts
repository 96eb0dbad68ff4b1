/**
 * Coordinate spaces of try-on, as distinct branded types so they cannot be mixed by accident:
 * - `NormPoint`: a landmark as trackers report it, x and y in 0..1 of the frame, z relative depth
 *   on the scale of x (MediaPipe and tfjs face mesh both use this convention).
 * - `VideoPx`: a point in pixels of the frame (photo or video), y down.
 * - `WorldPt`: three.js world units of the try-on scene: one unit is one frame pixel, x right,
 *   y up, z towards the viewer, origin at the frame's top-left corner (orthographic camera).
 * - `Mm`: a length in millimetres on the shopper's body or the product.
 */
declare const space: unique symbol;
type Branded<T, S extends string> = T & { readonly [space]: S };

export interface Xyz {
  x: number;
  y: number;
  z: number;
}

export type NormPoint = Branded<Xyz, 'norm'>;
export type VideoPx = Branded<Xyz, 'videoPx'>;
export type WorldPt = Branded<Xyz, 'world'>;
export type Mm = Branded<number, 'mm'>;
/** Pixels of the frame per millimetre on the shopper. */
export type PxPerMm = Branded<number, 'pxPerMm'>;

/** The size of the frame the landmarks came from. */
export interface FrameSize {
  width: number;
  height: number;
}

/** Tags a plain point as a normalised landmark (tracker output). */
export const norm = (x: number, y: number, z = 0): NormPoint => ({ x, y, z }) as NormPoint;
/** Tags a plain point as frame pixels. */
export const videoPx = (x: number, y: number, z = 0): VideoPx => ({ x, y, z }) as VideoPx;
/** Tags a plain point as try-on world units. */
export const worldPt = (x: number, y: number, z = 0): WorldPt => ({ x, y, z }) as WorldPt;
/** Tags a number as millimetres. */
export const mm = (n: number): Mm => n as Mm;

/** Normalised landmark → frame pixels (z scaled like x, as the trackers define it). */
export function normToVideo(p: NormPoint, size: FrameSize): VideoPx {
  return videoPx(p.x * size.width, p.y * size.height, p.z * size.width);
}

/** Frame pixels → world units: same scale, y flipped up and z towards the viewer. */
export function videoToWorld(p: VideoPx, size: FrameSize): WorldPt {
  return worldPt(p.x, size.height - p.y, -p.z);
}

/** World units → frame pixels (inverse of `videoToWorld`). */
export function worldToVideo(p: WorldPt, size: FrameSize): VideoPx {
  return videoPx(p.x, size.height - p.y, -p.z);
}

/** Mirrors a normalised landmark left-right, as a selfie view shows it. */
export function mirrorNorm(p: NormPoint): NormPoint {
  return norm(1 - p.x, p.y, p.z);
}
