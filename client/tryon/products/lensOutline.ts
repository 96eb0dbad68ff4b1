/** 2D outlines of a lens for each frame shape, in millimetres, centred on the lens centre, y up. */
import { Path, Shape, Vector2 } from 'three';

export type FrameShape = 'round' | 'rectangle' | 'aviator' | 'cat-eye' | 'square' | 'oval';

/** Outline points of a lens `w` wide, for the subject's left lens (x grows towards the temple). */
export function lensPoints(shape: FrameShape, w: number, segments = 48): Vector2[] {
  const pts: Vector2[] = [];
  const h = { round: 0.92, oval: 0.7, rectangle: 0.62, square: 0.85, aviator: 0.86, 'cat-eye': 0.72 }[shape] * w;
  // A superellipse covers round (n=2) to rectangle/square (n≈5) with rounded corners.
  const n = { round: 2, oval: 2, rectangle: 5, square: 4.5, aviator: 2.3, 'cat-eye': 2.6 }[shape];
  for (let i = 0; i < segments; i++) {
    const t = (i / segments) * Math.PI * 2;
    const c = Math.cos(t);
    const s = Math.sin(t);
    let x = (Math.sign(c) * Math.abs(c) ** (2 / n) * w) / 2;
    let y = (Math.sign(s) * Math.abs(s) ** (2 / n) * h) / 2;
    if (shape === 'aviator' && y < 0) {
      // Teardrop: the lower half droops towards the nose.
      y *= 1.15 - 0.3 * (x / w);
      x -= 0.12 * w * (-y / h);
    }
    if (shape === 'cat-eye' && y > 0) y += 0.22 * h * Math.max(0, x / w) ** 2 * 4; // upswept outer corner
    pts.push(new Vector2(x, y));
  }
  return pts;
}

/** A shape from outline points, optionally with the same outline shrunk by `inset` mm as a hole. */
export function outlineShape(pts: Vector2[], inset = 0): Shape {
  const shape = new Shape(pts);
  if (inset > 0) {
    const cx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
    const cy = pts.reduce((s, p) => s + p.y, 0) / pts.length;
    const hole = pts.map((p) => {
      const d = Math.hypot(p.x - cx, p.y - cy) || 1;
      return new Vector2(p.x - ((p.x - cx) / d) * inset, p.y - ((p.y - cy) / d) * inset);
    });
    shape.holes.push(new Path(hole.reverse()));
  }
  return shape;
}
