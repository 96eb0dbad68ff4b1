/** Garment illustrations: flat-lay front views of a blazer, a shirt, jeans and a dress. */
import type { ProductAttributes } from '../../protocol/catalog.js';
import { Defs, luminance, shade, studio, tint } from './svg.js';

export type GarmentStyle = 'blazer' | 'shirt' | 'jeans' | 'dress';

/** Cloth fill: soft light from the upper left with darker side seams. */
function cloth(d: Defs, c: string): string {
  return d.linear([[0, shade(c, 0.22)], [0.3, tint(c, 0.1)], [0.6, c], [1, shade(c, 0.28)]], 0, 0, 1, 0.3);
}

/** A soft drop shadow the garment casts on the backdrop: a few offset layers fading out (no blur filter: fast). */
function cast(path: string): string {
  return [[5, 7, 0.07], [9, 13, 0.06], [13, 19, 0.05]]
    .map(([x, y, o]) => `<path d="${path}" fill="#2b2622" opacity="${o}" transform="translate(${x} ${y})"/>`)
    .join('');
}

function buttons(ys: number[], x: number, fill: string, r = 7): string {
  return ys.map((y) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" stroke="${shade(fill, 0.35)}" stroke-width="1.5"/>`).join('');
}

function shirt(d: Defs, c: string, accent: string): string {
  const outline = 'M355,175 L250,205 L140,545 L205,575 L282,330 L280,680 Q340,700 400,706 Q460,700 520,680 L518,330 L595,575 L660,545 L550,205 L445,175 Q400,198 355,175 Z';
  const stitch = tint(c, 0.3);
  return [
    cast(outline),
    `<path d="${outline}" fill="${cloth(d, c)}"/>`,
    // Cuffs, collar and placket.
    `<path d="M146,527 L210,556 L205,575 L140,545 Z M654,527 L590,556 L595,575 L660,545 Z" fill="${shade(c, 0.15)}"/>`,
    `<path d="M355,175 Q400,160 445,175 Q400,190 355,175 Z" fill="${shade(c, 0.3)}"/>`,
    `<path d="M352,172 L400,236 L362,262 L330,196 Z M448,172 L400,236 L438,262 L470,196 Z" fill="${tint(c, 0.08)}" stroke="${shade(c, 0.25)}" stroke-width="2"/>`,
    `<path d="M386,236 L386,700 M414,236 L414,700" stroke="${shade(c, 0.18)}" stroke-width="2"/>`,
    buttons([290, 360, 430, 500, 570, 640], 400, accent, 6),
    `<path d="M282,330 Q300,450 285,600 M518,330 Q500,450 515,600" fill="none" stroke="${shade(c, 0.12)}" stroke-width="3" opacity="0.6"/>`,
    `<path d="M300,300 L360,300 L360,360 Q330,372 300,360 Z" fill="none" stroke="${stitch}" stroke-width="2" stroke-dasharray="6 5"/>`,
  ].join('');
}

function blazer(d: Defs, c: string, accent: string): string {
  const outline = 'M350,170 L238,212 L150,585 L218,606 L284,342 L286,652 L400,664 L514,652 L516,342 L582,606 L650,585 L562,212 L450,170 Z';
  const inner = luminance(c) > 0.6 ? '#3a3d44' : '#f1eee8';
  return [
    cast(outline),
    `<path d="${outline}" fill="${cloth(d, c)}"/>`,
    // The shirt showing in the V, then the lapels with their notches.
    `<path d="M352,170 L448,170 L400,470 Z" fill="${inner}"/>`,
    `<path d="M348,172 Q400,146 452,172 L444,182 Q400,164 356,182 Z" fill="${shade(c, 0.3)}"/>`,
    `<path d="M352,168 L316,232 L344,262 L320,286 L398,480 L400,470 Z M448,168 L484,232 L456,262 L480,286 L402,480 L400,470 Z" fill="${shade(c, 0.12)}" stroke="${shade(c, 0.35)}" stroke-width="2"/>`,
    `<path d="M400,480 L400,664" stroke="${shade(c, 0.35)}" stroke-width="2"/>`,
    buttons([510, 575], 416, accent, 9),
    `<path d="M300,540 L372,536 L372,552 L300,556 Z M428,536 L500,540 L500,556 L428,552 Z M438,330 L490,326 L490,338 L438,342 Z" fill="${shade(c, 0.15)}"/>`,
    `<path d="M170,560 L222,580 M630,560 L578,580" stroke="${shade(c, 0.3)}" stroke-width="3"/>`,
    buttons([566, 582], 196, accent, 4) + buttons([566, 582], 604, accent, 4),
  ].join('');
}

function jeans(d: Defs, c: string, accent: string): string {
  const outline = 'M272,150 L528,150 L532,190 L556,700 L428,700 L400,340 L372,700 L244,700 L268,190 Z';
  const seam = accent;
  return [
    cast(outline),
    `<path d="${outline}" fill="${cloth(d, c)}"/>`,
    `<path d="M272,150 L528,150 L531,190 L269,190 Z" fill="${shade(c, 0.12)}"/>`,
    `<path d="M272,182 L528,182 M274,158 L526,158" stroke="${seam}" stroke-width="2" stroke-dasharray="6 4"/>`,
    // Belt loops, fly, front pockets, side seams and hems.
    `<rect x="300" y="144" width="12" height="50" rx="3" fill="${shade(c, 0.1)}"/><rect x="488" y="144" width="12" height="50" rx="3" fill="${shade(c, 0.1)}"/><rect x="394" y="144" width="12" height="50" rx="3" fill="${shade(c, 0.1)}"/>`,
    `<path d="M412,192 L412,300 Q412,326 392,334" fill="none" stroke="${seam}" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<path d="M276,200 Q330,210 344,262 M524,200 Q470,210 456,262" fill="none" stroke="${seam}" stroke-width="2.5"/>`,
    `<path d="M250,690 L372,690 M428,690 L550,690" stroke="${seam}" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<path d="M300,400 Q310,480 296,560 M500,400 Q490,480 504,560" fill="none" stroke="${tint(c, 0.22)}" stroke-width="10" opacity="0.35"/>`,
    buttons([172], 400, '#b8904a', 8),
  ].join('');
}

function dress(d: Defs, c: string, accent: string): string {
  const outline = 'M335,232 Q400,252 465,232 L480,400 Q560,520 628,700 Q400,740 172,700 Q240,520 320,400 Z';
  return [
    cast(outline),
    `<path d="M340,236 L350,140 M460,236 L450,140" stroke="${shade(c, 0.2)}" stroke-width="8" stroke-linecap="round"/>`,
    `<path d="${outline}" fill="${cloth(d, c)}"/>`,
    `<path d="M335,232 Q400,300 465,232" fill="none" stroke="${shade(c, 0.25)}" stroke-width="3"/>`,
    `<path d="M320,400 Q400,420 480,400 L482,428 Q400,448 318,428 Z" fill="${accent}"/>`,
    // Soft pleats falling from the waist to the hem.
    `<path d="M350,440 Q330,580 280,708 M400,446 L400,718 M450,440 Q470,580 520,708" fill="none" stroke="${shade(c, 0.2)}" stroke-width="4" opacity="0.5"/>`,
    `<path d="M372,444 Q372,590 340,714 M428,444 Q428,590 460,714" fill="none" stroke="${tint(c, 0.2)}" stroke-width="8" opacity="0.4"/>`,
  ].join('');
}

/** Draws a garment laid flat, in the product's first colour (second colour for trims and buttons). */
export function drawGarment(style: GarmentStyle, a: ProductAttributes): string {
  const d = new Defs();
  const c = a.colors?.[0] ?? '#34506e';
  const accent = a.colors?.[1] ?? tint(c, 0.5);
  const draw = { shirt, blazer, jeans, dress }[style];
  return studio(d, draw(d, c, accent));
}
