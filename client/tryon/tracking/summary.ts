/**
 * What the CLI and tests print about a placement, in the displayed frame's pixels (y down): for
 * eyewear the frame centre, width and roll; for a watch the case centre and diameter.
 */
import { FRONT_OFFSET_MM } from '../products/eyewear.js';
import { type FrameSize, worldPt, worldToVideo } from '../math/spaces.js';
import { add, basisFromQuat, scale } from '../math/vec.js';
import type { Placement } from './placement.js';

export interface EyewearSummary {
  kind: 'eyewear';
  centre: { x: number; y: number };
  widthPx: number;
  rollDeg: number;
  pxPerMm: number;
  pupillaryDistanceMm: number | null;
  faceWidthMm: number | null;
  suggestion: string | null;
}

export interface WatchSummary {
  kind: 'wrist';
  centre: { x: number; y: number };
  diameterPx: number;
  pxPerMm: number;
}

export interface HeadSummary {
  kind: 'head';
  centre: { x: number; y: number };
  pxPerMm: number;
}

export type PlacementSummary = EyewearSummary | WatchSummary | HeadSummary;

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Summarises a placement for a product of the given size (frame width or case diameter, mm). */
export function summarise(p: Placement, kind: 'eyewear' | 'wrist' | 'head', sizeMm: number, frame: FrameSize): PlacementSummary {
  const b = basisFromQuat(p.rotation);
  const s = p.pxPerMm;
  if (kind === 'eyewear') {
    // Frame centre: the lens line, just in front of and below the bridge landmark (see buildEyewear).
    const c = add(add(p.position, scale(b.z, FRONT_OFFSET_MM * s)), scale(b.y, -2 * s));
    const v = worldToVideo(worldPt(c.x, c.y, c.z), frame);
    return {
      kind,
      centre: { x: r1(v.x), y: r1(v.y) },
      // The frame's width as drawn: its x axis projected on the image plane.
      widthPx: r1(sizeMm * s * Math.hypot(b.x.x, b.x.y)),
      // Image y points down, world y up: a head tilted to its left rolls clockwise in the picture.
      rollDeg: r1((Math.atan2(-b.x.y, b.x.x) * 180) / Math.PI),
      pxPerMm: Math.round(s * 1000) / 1000,
      pupillaryDistanceMm: p.fit ? r1(p.fit.pupillaryDistanceMm) : null,
      faceWidthMm: p.fit ? r1(p.fit.faceWidthMm) : null,
      suggestion: p.fit?.suggestion ?? null,
    };
  }
  const v = worldToVideo(p.position, frame);
  if (kind === 'wrist') return { kind, centre: { x: r1(v.x), y: r1(v.y) }, diameterPx: r1(sizeMm * s), pxPerMm: Math.round(s * 1000) / 1000 };
  return { kind, centre: { x: r1(v.x), y: r1(v.y) }, pxPerMm: Math.round(s * 1000) / 1000 };
}
