/** Eyewear illustration: a front view from slightly above, drawn from the frame attributes. */
import type { ProductAttributes } from '../../protocol/catalog.js';
import { Defs, r1, roundedPolygon, shade, shadow, studio, tint } from './svg.js';

type Shape = NonNullable<ProductAttributes['frameShape']>;

/** Lens height as a share of lens width, per frame shape. */
// The same proportions as the try-on model's lens outlines (client/tryon/products/lensOutline.ts).
const ASPECT: Record<Shape, number> = { round: 0.92, oval: 0.7, square: 0.85, rectangle: 0.62, aviator: 0.86, 'cat-eye': 0.72 };
/** Thin wire frames read as metal; the others are acetate with a thick rim. */
const METAL = new Set<Shape>(['aviator', 'round']);

/**
 * Lens outlines in a unit box (x grows towards the temple, y downwards, both -1..1) as rounded
 * polygons [x, y, corner radius]; round and oval are true ellipses.
 */
const OUTLINE: Partial<Record<Shape, Array<[number, number, number]>>> = {
  square: [[-1, -1, 0.4], [1, -1, 0.4], [1, 1, 0.4], [-1, 1, 0.4]],
  rectangle: [[-0.96, -1, 0.2], [1.04, -1.06, 0.22], [0.9, 1, 0.5], [-0.86, 0.96, 0.5]],
  'cat-eye': [[-0.96, -0.7, 0.4], [0.4, -0.9, 0.6], [1.14, -1.22, 0.1], [0.98, 0.05, 0.5], [0.5, 0.9, 0.6], [-0.55, 0.92, 0.6], [-1, 0.3, 0.5]],
  aviator: [[-0.96, -0.96, 0.2], [1.02, -1, 0.4], [0.95, 0.1, 0.6], [0.4, 0.88, 0.5], [-0.25, 1.02, 0.5], [-0.85, 0.6, 0.5], [-1, -0.1, 0.4]],
};

interface Lens {
  cx: number;
  cy: number;
  w: number;
  h: number;
  side: 1 | -1;
}

function lensPath(shape: Shape, l: Lens): string {
  const rx = l.w / 2;
  const ry = l.h / 2;
  const outline = OUTLINE[shape];
  if (!outline) {
    return `M${r1(l.cx - rx)},${l.cy} A${r1(rx)},${r1(ry)} 0 1,0 ${r1(l.cx + rx)},${l.cy} A${r1(rx)},${r1(ry)} 0 1,0 ${r1(l.cx - rx)},${l.cy} Z`;
  }
  return roundedPolygon(outline.map(([x, y, r]) => [l.cx + l.side * x * rx, l.cy + y * ry, r * Math.min(rx, ry)]));
}

/** Where the temple meets the front, per side: the outer top of the lens. */
function hinge(shape: Shape, l: Lens): [number, number] {
  const up = shape === 'cat-eye' ? 0.95 : shape === 'aviator' || shape === 'rectangle' ? 0.82 : 0.5;
  return [l.cx + l.side * (l.w / 2 + 4), l.cy - up * (l.h / 2)];
}

/** Draws glasses with the given frame shape, width, colour and lens tint/opacity as an SVG string. */
export function drawEyewear(a: ProductAttributes): string {
  const shape: Shape = a.frameShape ?? 'rectangle';
  const frame = a.frameColor ?? '#222222';
  const metal = METAL.has(shape);
  const d = new Defs();
  // 140 mm across maps to about 600 px, so a wider frame also looks wider in its photo.
  const W = (a.frameWidthMm ?? 140) * 4.3;
  const bridge = W * (metal ? 0.12 : 0.1);
  const w = (W - bridge) / 2 - W * 0.035;
  const h = w * ASPECT[shape];
  const cy = 450;
  const lenses: Lens[] = [-1, 1].map((side) => ({ cx: 400 + side * (bridge / 2 + w / 2), cy, w, h, side: side as 1 | -1 }));
  const rim = metal ? 7 : 15;
  const frameFill = d.linear([[0, tint(frame, 0.35)], [0.3, frame], [0.7, frame], [1, shade(frame, 0.35)]]);
  const templeFill = shade(frame, 0.22);

  const parts: string[] = [shadow(d, 400, cy + h / 2 + 70, W * 0.46, 20, 0.22)];
  // Temples recede up and slightly inwards: the camera looks down on the open glasses.
  for (const l of lenses) {
    const [hx, hy] = hinge(shape, l);
    const ex = hx - l.side * W * 0.05;
    const ey = hy - 200;
    parts.push(
      `<path d="M${r1(hx)},${r1(hy)} Q${r1(hx + l.side * 14)},${r1(hy - 140)} ${r1(ex)},${r1(ey)}" fill="none" stroke="${templeFill}" stroke-width="${metal ? 5 : 11}" stroke-linecap="round"/>`,
      `<path d="M${r1(ex)},${r1(ey)} q${r1(-l.side * 4)},-16 ${r1(-l.side * 18)},-24" fill="none" stroke="${shade(frame, 0.35)}" stroke-width="${metal ? 8 : 12}" stroke-linecap="round"/>`,
    );
  }
  // Lenses: the tint at its opacity, a touch lighter at the bottom (gradient lenses read as real).
  const clear = a.lensTint == null;
  const tintColour = a.lensTint ?? '#cfe0ea';
  const opacity = a.lensOpacity ?? (clear ? 0.12 : 0.75);
  const lensFill = d.linear([[0, shade(tintColour, 0.15), Math.min(1, opacity + 0.08)], [1, tintColour, opacity * 0.8]]);
  for (const l of lenses) {
    const p = lensPath(shape, l);
    const clip = d.clip(`<path d="${p}"/>`);
    const gx = l.cx - l.w / 2;
    const gy = l.cy - l.h / 2;
    parts.push(
      `<path d="${p}" fill="${lensFill}"/>`,
      // Studio reflections: two diagonal soft bands across the glass.
      `<g clip-path="${clip}" opacity="${clear ? 0.55 : 0.32}">` +
        `<path d="M${r1(gx + l.w * 0.1)},${r1(gy + l.h)} L${r1(gx + l.w * 0.52)},${r1(gy)} L${r1(gx + l.w * 0.7)},${r1(gy)} L${r1(gx + l.w * 0.28)},${r1(gy + l.h)} Z" fill="#ffffff"/>` +
        `<path d="M${r1(gx + l.w * 0.36)},${r1(gy + l.h)} L${r1(gx + l.w * 0.78)},${r1(gy)} L${r1(gx + l.w * 0.84)},${r1(gy)} L${r1(gx + l.w * 0.42)},${r1(gy + l.h)} Z" fill="#ffffff"/></g>`,
      `<path d="${p}" fill="none" stroke="${frameFill}" stroke-width="${rim}" stroke-linejoin="round"/>`,
    );
  }
  const [left, right] = lenses as [Lens, Lens];
  const ix = (l: Lens) => l.cx - l.side * (l.w / 2);
  if (metal) {
    // Wire bridge, and for aviators the straight brow bar above it.
    const by = cy - h * 0.18;
    parts.push(`<path d="M${r1(ix(left) - 2)},${r1(by)} Q400,${r1(by - h * 0.22)} ${r1(ix(right) + 2)},${r1(by)}" fill="none" stroke="${frameFill}" stroke-width="6"/>`);
    if (shape === 'aviator') {
      const ty = cy - h * 0.47;
      parts.push(`<path d="M${r1(ix(left) + 10)},${r1(ty)} L${r1(ix(right) - 10)},${r1(ty)}" stroke="${frameFill}" stroke-width="6"/>`);
    }
    // Clear silicone nose pads.
    for (const l of lenses) {
      parts.push(`<ellipse cx="${r1(ix(l) + l.side * 14)}" cy="${r1(cy + h * 0.05)}" rx="7" ry="12" fill="#f4f4f2" opacity="0.6" stroke="${shade(frame, 0.1)}" stroke-width="2"/>`);
    }
  } else {
    const by = cy - h * 0.28;
    parts.push(
      `<path d="M${r1(ix(left) - rim / 2)},${r1(by + 10)} Q400,${r1(by - h * 0.2)} ${r1(ix(right) + rim / 2)},${r1(by + 10)}" fill="none" stroke="${frameFill}" stroke-width="${rim + 4}"/>`,
    );
    // Metal hinge pins showing on the front corners.
    for (const l of lenses) {
      const [hx, hy] = hinge(shape, l);
      parts.push(`<circle cx="${r1(hx - l.side * 10)}" cy="${r1(hy + 6)}" r="3.5" fill="#d9d9d6" stroke="#8a8a86" stroke-width="1"/>`);
    }
  }
  return studio(d, parts.join(''));
}
