/**
 * Shared pieces of the product illustrations: colour maths, gradient definitions and the studio frame
 * (light neutral backdrop, soft floor shadow). Drawings are plain SVG strings with no text, because
 * fonts are not reliable under librsvg.
 */

/** Canvas size of every illustration, in SVG user units (rendered 1:1 as pixels). */
export const SIZE = 800;

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  const c = (v: number) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** Mixes two hex colours: t = 0 gives a, t = 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return toHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** Darkens a colour towards black by t (0..1). */
export const shade = (c: string, t: number): string => mix(c, '#000000', t);
/** Lightens a colour towards white by t (0..1). */
export const tint = (c: string, t: number): string => mix(c, '#ffffff', t);

/** Relative luminance (0 dark .. 1 light), used to pick contrasting marks on a dial or a fabric. */
export function luminance(c: string): number {
  const [r, g, b] = rgb(c);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Collects gradient and clip-path definitions for one drawing and hands out unique ids. */
export class Defs {
  private items: string[] = [];
  private n = 0;

  private id(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n}`;
  }

  /** A linear gradient from (x1,y1) to (x2,y2) in the shape's bounding box (0..1); returns url(#id). */
  linear(stops: Array<[number, string, number?]>, x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
    const id = this.id('l');
    const s = stops.map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${a ?? 1}"/>`).join('');
    this.items.push(`<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${s}</linearGradient>`);
    return `url(#${id})`;
  }

  /** A radial gradient centred at (cx,cy) in the shape's bounding box (0..1); returns url(#id). */
  radial(stops: Array<[number, string, number?]>, cx = 0.5, cy = 0.5, r = 0.5): string {
    const id = this.id('r');
    const s = stops.map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${a ?? 1}"/>`).join('');
    this.items.push(`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${s}</radialGradient>`);
    return `url(#${id})`;
  }

  /** A clip path from the given shape markup; returns url(#id). */
  clip(shape: string): string {
    const id = this.id('c');
    this.items.push(`<clipPath id="${id}">${shape}</clipPath>`);
    return `url(#${id})`;
  }

  toString(): string {
    return `<defs>${this.items.join('')}</defs>`;
  }
}

/** A soft contact shadow on the studio floor: a dark ellipse fading out (a gradient, cheaper than a blur). */
export function shadow(d: Defs, cx: number, cy: number, rx: number, ry: number, opacity = 0.28): string {
  const fill = d.radial([[0, '#2b2622', opacity], [0.55, '#2b2622', opacity * 0.55], [1, '#2b2622', 0]]);
  return `<ellipse cx="${r1(cx)}" cy="${r1(cy)}" rx="${r1(rx * 1.25)}" ry="${r1(ry * 1.6)}" fill="${fill}"/>`;
}

/** The backdrop's colours from its centre to its corners: warm off-whites. */
export const BACKDROP = ['#fbfaf8', '#f1eeea', '#e6e2dc'] as const;

/**
 * Wraps a drawing in the studio: an 800x800 light neutral backdrop with a gentle centre glow.
 * `scale` shrinks the drawing about the centre to leave more margin round it.
 */
export function studio(d: Defs, body: string, scale = 1): string {
  const [centre, mid, edge] = BACKDROP;
  const bg = d.radial([[0, centre], [0.7, mid], [1, edge]], 0.5, 0.42, 0.75);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">` +
    `${d}<rect width="${SIZE}" height="${SIZE}" fill="${bg}"/>` +
    (scale === 1 ? body : `<g transform="translate(${r1((SIZE / 2) * (1 - scale))} ${r1((SIZE / 2) * (1 - scale))}) scale(${scale})">${body}</g>`) +
    '</svg>'
  );
}

/** Rounds to 0.1 so the markup stays small and stable. */
export const r1 = (v: number): number => Math.round(v * 10) / 10;

/** A closed polygon whose corners are rounded by per-vertex radii (clamped to half the adjacent edges). */
export function roundedPolygon(points: Array<[number, number, number]>): string {
  const n = points.length;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const [px, py] = points[(i - 1 + n) % n]!;
    const [x, y, rad] = points[i]!;
    const [nx, ny] = points[(i + 1) % n]!;
    const lp = Math.hypot(x - px, y - py);
    const ln = Math.hypot(nx - x, ny - y);
    const rr = Math.min(rad, lp / 2, ln / 2);
    const a = [x + ((px - x) * rr) / lp, y + ((py - y) * rr) / lp];
    const b = [x + ((nx - x) * rr) / ln, y + ((ny - y) * rr) / ln];
    parts.push(`${i === 0 ? 'M' : 'L'}${r1(a[0]!)},${r1(a[1]!)} Q${r1(x)},${r1(y)} ${r1(b[0]!)},${r1(b[1]!)}`);
  }
  return `${parts.join(' ')} Z`;
}
