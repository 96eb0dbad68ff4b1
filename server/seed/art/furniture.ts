/** Furniture illustrations: a dining chair in three-quarter view, a table lamp and a cushion. */
import { lathe } from './lathe.js';
import { Defs, shade, shadow, tint } from './svg.js';

/** A tapered leg from top to bottom with the given widths. */
function leg(x1: number, y1: number, x2: number, y2: number, w1: number, w2: number, fill: string): string {
  return `<path d="M${x1 - w1 / 2},${y1} L${x1 + w1 / 2},${y1} L${x2 + w2 / 2},${y2} L${x2 - w2 / 2},${y2} Z" fill="${fill}"/>`;
}

/** A wooden dining chair: four legs, a seat in the accent colour and a back with a curved top rail. */
export function chair(d: Defs, wood: string, seat: string): string {
  const lit = d.linear([[0, tint(wood, 0.2)], [0.5, wood], [1, shade(wood, 0.3)]], 0, 0, 1, 0);
  const dark = shade(wood, 0.3);
  return [
    shadow(d, 410, 720, 220, 26),
    // Back legs and the backrest are furthest from the camera, so they go first.
    leg(330, 410, 334, 640, 22, 16, dark),
    leg(556, 430, 552, 672, 22, 16, dark),
    leg(324, 130, 330, 420, 24, 22, lit),
    leg(552, 150, 556, 440, 24, 22, lit),
    `<path d="M316,150 Q440,120 566,170 L566,236 Q440,190 316,214 Z" fill="${lit}"/>`,
    `<path d="M330,290 Q440,270 556,306 L556,326 Q440,292 330,312 Z" fill="${dark}"/>`,
    // Seat: top face, then its front and side edges.
    `<path d="M240,472 L500,508 L572,428 L318,398 Z" fill="${d.linear([[0, tint(seat, 0.25)], [1, shade(seat, 0.15)]], 0, 0, 1, 1)}"/>`,
    `<path d="M240,472 L500,508 L500,536 L240,500 Z" fill="${shade(seat, 0.3)}"/>`,
    `<path d="M500,508 L572,428 L572,454 L500,536 Z" fill="${shade(seat, 0.45)}"/>`,
    leg(252, 500, 258, 712, 26, 18, lit),
    leg(490, 534, 486, 744, 26, 18, lit),
    `<path d="M258,640 L486,668" stroke="${dark}" stroke-width="10"/>`,
  ].join('');
}

/** A table lamp: a turned ceramic base and a drum shade glowing faintly from inside. */
export function lamp(d: Defs, base: string, shadeColour: string): string {
  return [
    shadow(d, 410, 712, 150, 20),
    `<rect x="392" y="300" width="16" height="140" fill="${d.linear([[0, '#8d8a84'], [0.5, '#efece6'], [1, '#77736d']], 0, 0, 1, 0)}"/>`,
    lathe(d, 400, [[430, 40], [470, 96], [560, 140], [650, 110], [700, 80]], base, { tilt: 0.22 }),
    lathe(d, 400, [[130, 130], [340, 200]], shadeColour, { open: true, tilt: 0.22, topFill: d.radial([[0, '#fff8e0'], [1, shade(shadeColour, 0.2)]]) }),
    `<path d="M200,340 A200,44 0 0,0 600,340" fill="none" stroke="${shade(shadeColour, 0.25)}" stroke-width="4"/>`,
  ].join('');
}

/** A plump square cushion with piping, a stripe in the accent colour and a tufted centre pulling creases in. */
export function cushion(d: Defs, c: string, accent: string): string {
  const outline = 'M190,240 Q400,200 610,240 Q650,440 610,640 Q400,680 190,640 Q150,440 190,240 Z';
  const clip = d.clip(`<path d="${outline}"/>`);
  return [
    shadow(d, 420, 672, 230, 24),
    `<path d="${outline}" fill="${d.radial([[0, tint(c, 0.2)], [0.7, c], [1, shade(c, 0.35)]], 0.42, 0.4, 0.7)}"/>`,
    `<g clip-path="${clip}"><rect x="150" y="410" width="500" height="60" fill="${accent}" opacity="0.85"/>` +
      `<path d="M215,265 Q300,340 372,420 M585,265 Q500,340 428,420 M215,615 Q300,540 372,460 M585,615 Q500,540 428,460" fill="none" stroke="${shade(c, 0.3)}" stroke-width="5" stroke-linecap="round" opacity="0.3"/></g>`,
    `<path d="${outline}" fill="none" stroke="${shade(c, 0.3)}" stroke-width="7"/>`,
    `<circle cx="400" cy="440" r="14" fill="${shade(accent, 0.2)}"/>`,
  ].join('');
}
