/** Solids of revolution (cups, vases, bottles, pots, lamp shades) drawn from a radius profile. */
import { Defs, r1, shade, tint } from './svg.js';

export interface LatheOptions {
  /** Open vessels show their dark inside at the top rim; closed ones show a lit lid. */
  open?: boolean;
  /** How flat the rim ellipses look: the camera is a little above the object. */
  tilt?: number;
  /** Fill for the top face instead of the default inside/lid shading. */
  topFill?: string;
}

/** Smooth curve through points (Catmull-Rom as cubic Béziers), continuing an existing path. */
function through(points: Array<[number, number]>): string {
  let out = '';
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(points.length - 1, i + 2)]!;
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    out += ` C${r1(c1[0]!)},${r1(c1[1]!)} ${r1(c2[0]!)},${r1(c2[1]!)} ${r1(p2[0])},${r1(p2[1])}`;
  }
  return out;
}

/** The round-body shading used for every lathe: key light from the left, dark rims at both edges. */
export function roundFill(d: Defs, c: string): string {
  return d.linear([[0, shade(c, 0.38)], [0.25, tint(c, 0.28)], [0.45, c], [0.8, shade(c, 0.22)], [1, shade(c, 0.42)]], 0, 0, 1, 0);
}

/** Draws a lathe body centred on cx from a [y, radius] profile listed top to bottom. */
export function lathe(d: Defs, cx: number, profile: Array<[number, number]>, c: string, o: LatheOptions = {}): string {
  const tilt = o.tilt ?? 0.2;
  const [topY, topR] = profile[0]!;
  const [botY, botR] = profile[profile.length - 1]!;
  const right = profile.map(([y, r]) => [cx + r, y] as [number, number]);
  const left = [...profile].reverse().map(([y, r]) => [cx - r, y] as [number, number]);
  const rt = r1(topR);
  const body =
    `M${r1(cx + topR)},${topY}${through(right)}` +
    ` A${r1(botR)},${r1(botR * tilt)} 0 0,1 ${r1(cx - botR)},${botY}${through(left)}` +
    ` A${rt},${r1(topR * tilt)} 0 0,1 ${r1(cx + topR)},${topY} Z`;
  const top = o.topFill ?? (o.open ? d.linear([[0, shade(c, 0.65)], [1, shade(c, 0.3)]]) : d.linear([[0, tint(c, 0.4)], [1, tint(c, 0.1)]], 0, 0, 1, 0));
  return (
    `<path d="${body}" fill="${roundFill(d, c)}"/>` +
    `<ellipse cx="${cx}" cy="${topY}" rx="${rt}" ry="${r1(topR * tilt)}" fill="${top}"` +
    (o.open ? ` stroke="${tint(c, 0.35)}" stroke-width="3"/>` : '/>')
  );
}
