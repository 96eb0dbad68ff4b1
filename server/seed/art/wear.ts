/** Footwear and hat illustrations: side views of a sneaker and a Chelsea boot; cap, fedora, bucket hat and beanie. */
import type { ProductAttributes } from '../../protocol/catalog.js';
import { Defs, shade, shadow, studio, tint } from './svg.js';

export type FootwearStyle = 'sneaker' | 'boot';

/** Leather or canvas upper: lit from above, darker towards the sole. */
function upper(d: Defs, c: string): string {
  return d.linear([[0, tint(c, 0.18)], [0.5, c], [1, shade(c, 0.3)]]);
}

function sneaker(d: Defs, c: string, sole: string): string {
  const body = 'M168,566 Q140,520 200,494 L330,452 L438,372 Q470,344 512,356 Q556,368 588,348 Q640,336 644,420 L650,566 Z';
  return [
    shadow(d, 400, 640, 270, 18),
    `<path d="${body}" fill="${upper(d, c)}"/>`,
    // Toe cap, side stripe, heel tab and eyelet row.
    `<path d="M168,566 Q140,520 200,494 L262,476 Q250,530 276,566 Z" fill="${tint(c, 0.15)}"/>`,
    `<path d="M300,552 Q420,468 556,418 L566,440 Q440,492 344,556 Z" fill="${sole}" opacity="0.92"/>`,
    `<path d="M380,556 Q470,500 568,462 L572,482 Q490,514 424,558 Z" fill="${sole}" opacity="0.92"/>`,
    `<path d="M596,346 Q644,336 646,420 L648,470 L612,470 Q606,400 596,346 Z" fill="${shade(c, 0.2)}"/>`,
    `<path d="M330,452 L438,372 Q470,344 512,356" fill="none" stroke="${shade(c, 0.35)}" stroke-width="5"/>`,
    ...[0, 1, 2, 3, 4].map((i) => {
      const x = 340 + i * 24;
      const y = 446 - i * 18;
      return `<circle cx="${x}" cy="${y}" r="5" fill="${shade(c, 0.5)}"/><path d="M${x - 8},${y - 12} L${x + 20},${y + 6}" stroke="#f2f0eb" stroke-width="6" stroke-linecap="round"/>`;
    }),
    // Cupsole: a thick rubber band with a darker tread line.
    `<path d="M150,560 L652,560 Q668,562 666,592 L662,612 Q658,632 630,632 L182,632 Q146,632 146,600 Z" fill="${d.linear([[0, tint(sole, 0.3)], [1, shade(sole, 0.12)]])}"/>`,
    `<path d="M150,600 L664,600" stroke="${shade(sole, 0.18)}" stroke-width="3"/>`,
    `<path d="M150,622 Q152,632 182,632 L630,632 Q658,632 662,612" fill="none" stroke="${shade(sole, 0.45)}" stroke-width="6"/>`,
  ].join('');
}

function boot(d: Defs, c: string, sole: string): string {
  const body = 'M172,600 Q150,545 232,522 L372,492 L384,196 Q470,184 560,196 L566,470 Q604,548 596,600 Z';
  return [
    shadow(d, 390, 650, 250, 18),
    `<path d="${body}" fill="${upper(d, c)}"/>`,
    // Elastic side gusset and the pull tab that give a Chelsea boot its look.
    `<path d="M430,200 Q468,330 474,420 Q486,330 512,200 Z" fill="${shade(c, 0.55)}"/>`,
    `<path d="M438,214 Q468,320 474,400 M504,214 Q482,320 474,400" fill="none" stroke="${shade(c, 0.7)}" stroke-width="2"/>`,
    `<path d="M540,198 Q548,120 566,130 Q584,140 572,200 Z" fill="${shade(c, 0.2)}"/>`,
    `<path d="M384,196 Q470,184 560,196 L560,212 Q470,200 384,212 Z" fill="${shade(c, 0.3)}"/>`,
    `<path d="M210,560 Q260,530 330,522" fill="none" stroke="${tint(c, 0.3)}" stroke-width="8" opacity="0.5" stroke-linecap="round"/>`,
    `<path d="M160,598 L600,598 L602,630 L172,630 Q156,626 160,598 Z" fill="${sole}"/>`,
    `<path d="M470,630 L600,630 L598,656 L474,656 Z" fill="${shade(sole, 0.2)}"/>`,
    `<path d="M164,606 L598,606" stroke="${tint(sole, 0.25)}" stroke-width="2" stroke-dasharray="7 5"/>`,
  ].join('');
}

/** Draws a shoe in side view in the product's first colour (second colour for the sole). */
export function drawFootwear(style: FootwearStyle, a: ProductAttributes): string {
  const d = new Defs();
  const c = a.colors?.[0] ?? '#6b4a2b';
  const sole = a.colors?.[1] ?? (style === 'sneaker' ? '#f2f0eb' : '#2a2420');
  return studio(d, style === 'sneaker' ? sneaker(d, c, sole) : boot(d, c, sole));
}

function cap(d: Defs, c: string, accent: string): string {
  const crown = d.radial([[0, tint(c, 0.25)], [0.6, c], [1, shade(c, 0.3)]], 0.4, 0.35, 0.75);
  return [
    shadow(d, 390, 590, 250, 22),
    // The bill points forward-left; its underside shows as a darker band.
    `<path d="M262,520 Q150,520 110,586 Q250,620 430,556 Z" fill="${shade(c, 0.4)}"/>`,
    `<path d="M262,512 Q150,506 104,578 Q250,606 430,548 Z" fill="${upper(d, c)}"/>`,
    `<path d="M240,540 C220,300 360,228 450,230 C580,234 640,360 610,540 Q420,580 240,540 Z" fill="${crown}"/>`,
    `<path d="M450,232 Q400,380 420,566 M450,232 Q540,360 560,556 M450,232 Q320,330 300,548" fill="none" stroke="${shade(c, 0.25)}" stroke-width="3"/>`,
    `<circle cx="378" cy="340" r="6" fill="${shade(c, 0.4)}"/><circle cx="530" cy="330" r="6" fill="${shade(c, 0.4)}"/>`,
    `<ellipse cx="450" cy="232" rx="16" ry="8" fill="${accent}"/>`,
    `<path d="M240,540 Q420,580 610,540" fill="none" stroke="${shade(c, 0.35)}" stroke-width="5"/>`,
  ].join('');
}

function fedora(d: Defs, c: string, accent: string): string {
  const felt = d.linear([[0, shade(c, 0.25)], [0.35, tint(c, 0.12)], [0.65, c], [1, shade(c, 0.35)]], 0, 0, 1, 0);
  return [
    shadow(d, 400, 600, 300, 24),
    // Brim first: its back half is hidden by the crown, its front half curls up at the sides.
    `<path d="M100,500 Q90,450 200,460 Q400,420 600,460 Q710,450 700,500 Q640,600 400,604 Q160,600 100,500 Z" fill="${d.linear([[0, tint(c, 0.08)], [1, shade(c, 0.3)]])}"/>`,
    `<path d="M268,520 L292,310 Q300,246 356,262 Q400,300 444,262 Q500,246 508,310 L532,520 Q400,548 268,520 Z" fill="${felt}"/>`,
    `<path d="M356,262 Q400,330 444,262" fill="none" stroke="${shade(c, 0.35)}" stroke-width="5"/>`,
    `<path d="M276,456 Q400,482 524,456 L532,520 Q400,548 268,520 Z" fill="${accent}"/>`,
    `<path d="M276,468 Q400,494 524,468" fill="none" stroke="${shade(accent, 0.3)}" stroke-width="2"/>`,
    `<path d="M100,500 Q160,600 400,604 Q640,600 700,500" fill="none" stroke="${shade(c, 0.4)}" stroke-width="4"/>`,
  ].join('');
}

function bucket(d: Defs, c: string, accent: string): string {
  const cotton = d.linear([[0, shade(c, 0.22)], [0.35, tint(c, 0.12)], [0.65, c], [1, shade(c, 0.32)]], 0, 0, 1, 0);
  return [
    shadow(d, 400, 610, 250, 22),
    `<path d="M300,300 Q400,270 500,300 L532,470 L268,470 Z" fill="${cotton}"/>`,
    `<ellipse cx="400" cy="296" rx="100" ry="20" fill="${tint(c, 0.15)}"/>`,
    `<path d="M268,462 Q400,480 532,462 L620,576 Q400,640 180,576 Z" fill="${cotton}"/>`,
    `<path d="M262,452 Q400,472 538,452 L540,472 Q400,492 260,472 Z" fill="${accent}"/>`,
    // Rows of stitching round the soft brim.
    `<path d="M250,500 Q400,530 550,500 M230,528 Q400,568 570,528 M212,554 Q400,604 588,554" fill="none" stroke="${shade(c, 0.3)}" stroke-width="2" stroke-dasharray="7 5"/>`,
  ].join('');
}

function beanie(d: Defs, c: string, accent: string): string {
  const knit = d.radial([[0, tint(c, 0.2)], [0.65, c], [1, shade(c, 0.35)]], 0.4, 0.35, 0.8);
  const ribs = Array.from({ length: 17 }, (_, i) => 270 + i * 16).map((x) => `M${x},492 L${x},588`).join(' ');
  const dome = 'M262,500 C250,196 550,196 538,500 Z';
  return [
    shadow(d, 400, 620, 200, 20),
    `<circle cx="400" cy="250" r="54" fill="${d.radial([[0, tint(accent, 0.35)], [0.7, accent], [1, shade(accent, 0.3)]], 0.4, 0.35, 0.7)}"/>`,
    `<path d="${dome}" fill="${knit}"/>`,
    // Knit wales running up to the crown, kept inside the dome.
    `<g clip-path="${d.clip(`<path d="${dome}"/>`)}"><path d="M330,250 Q320,400 318,496 M400,250 L400,496 M470,250 Q480,400 482,496 M290,330 Q280,420 282,496 M510,330 Q520,420 518,496" fill="none" stroke="${shade(c, 0.2)}" stroke-width="3" opacity="0.45"/></g>`,
    `<rect x="254" y="484" width="292" height="112" rx="22" fill="${d.linear([[0, tint(c, 0.08)], [1, shade(c, 0.25)]])}"/>`,
    `<path d="${ribs}" stroke="${shade(c, 0.3)}" stroke-width="3" opacity="0.6"/>`,
  ].join('');
}

/** Draws a hat of the product's hatStyle (cap, fedora, bucket or beanie) in its colours. */
export function drawHat(a: ProductAttributes): string {
  const d = new Defs();
  const c = a.colors?.[0] ?? '#4a4a4a';
  const accent = a.colors?.[1] ?? shade(c, 0.4);
  const draw = { cap, fedora, bucket, beanie }[a.hatStyle ?? 'cap'];
  return studio(d, draw(d, c, accent));
}
