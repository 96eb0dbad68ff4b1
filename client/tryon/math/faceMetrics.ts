/**
 * Metric scale and fit measures from the face mesh. The human iris is about 11.7 mm across with
 * little variation between adults (Caroline & Boyce, "The mean human corneal diameter" 11.71 ± 0.42 mm),
 * so the iris size in pixels turns pixels into millimetres. Distances use the mesh's 3D points, so a
 * turned head does not shrink them.
 */
import { FACE } from './faceLandmarks.js';
import { type Mm, mm, type PxPerMm, type WorldPt } from './spaces.js';
import { distance } from './vec.js';

/** The assumed iris diameter. */
export const IRIS_DIAMETER_MM = mm(11.7);

function irisDiameterPx(w: readonly WorldPt[], ring: readonly [number, number, number, number]): number {
  const [a, b, c, d] = ring.map((i) => w[i]!) as [WorldPt, WorldPt, WorldPt, WorldPt];
  // The ring points are right, top, left, bottom of the iris: two diameters.
  return (distance(a, c) + distance(b, d)) / 2;
}

/** Pixels per millimetre on the face, from both irises (the larger one when the head is turned). */
export function pxPerMmFromIris(w: readonly WorldPt[]): PxPerMm {
  if (w.length < 478) throw new Error('the iris scale needs the 478-point mesh with iris points');
  const r = irisDiameterPx(w, FACE.rightIrisRing);
  const l = irisDiameterPx(w, FACE.leftIrisRing);
  // A turned head foreshortens the far iris; the nearer (larger) one is closer to its true size,
  // but averaging when they agree halves the landmark noise.
  const diameter = Math.abs(r - l) < 0.15 * Math.max(r, l) ? (r + l) / 2 : Math.max(r, l);
  return (diameter / IRIS_DIAMETER_MM) as PxPerMm;
}

/** Converts a world-unit (pixel) length to millimetres. */
export function toMm(px: number, scale: PxPerMm): Mm {
  return mm(px / scale);
}

export type FrameSizeFit = 'narrow' | 'medium' | 'wide';

export interface FaceFit {
  pupillaryDistanceMm: Mm;
  faceWidthMm: Mm;
  suggestion: FrameSizeFit;
  /** Frame width range (mm) that suits the suggestion. */
  frameWidthRangeMm: readonly [number, number];
  note: string;
}

// Frame widths eyewear makers sell as narrow/medium/wide, and the face widths they fit.
const FITS: { fit: FrameSizeFit; maxFaceMm: number; frame: readonly [number, number] }[] = [
  { fit: 'narrow', maxFaceMm: 133, frame: [120, 131] },
  { fit: 'medium', maxFaceMm: 143, frame: [132, 140] },
  { fit: 'wide', maxFaceMm: Infinity, frame: [141, 160] },
];

/** Pupillary distance, face width and a narrow/medium/wide suggestion, from world-space landmarks. */
export function faceFit(w: readonly WorldPt[], scale: PxPerMm = pxPerMmFromIris(w)): FaceFit {
  const pd = toMm(distance(w[FACE.rightIrisCentre]!, w[FACE.leftIrisCentre]!), scale);
  const face = toMm(distance(w[FACE.rightCheek]!, w[FACE.leftCheek]!), scale);
  const pick = FITS.find((f) => face <= f.maxFaceMm)!;
  return {
    pupillaryDistanceMm: pd,
    faceWidthMm: face,
    suggestion: pick.fit,
    frameWidthRangeMm: pick.frame,
    note: 'An estimate from the camera (iris size assumed 11.7 mm), within a few millimetres at best; an optician measures exactly.',
  };
}

/** Which fit a frame of the given width is. */
export function frameFit(frameWidthMm: number): FrameSizeFit {
  return FITS.find((f) => frameWidthMm <= f.frame[1])?.fit ?? 'wide';
}
