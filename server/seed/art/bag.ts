/** Bag illustrations: tote, backpack, handbag and suitcase, in the product's colours. */
import type { ProductAttributes } from '../../protocol/catalog.js';
import { Defs, shade, shadow, studio, tint } from './svg.js';

export type BagStyle = 'tote' | 'backpack' | 'handbag' | 'suitcase';

/** Side-lit fill: darker edges and a soft highlight left of centre, as under a studio key light. */
function body(d: Defs, c: string): string {
  return d.linear([[0, shade(c, 0.3)], [0.3, tint(c, 0.12)], [0.55, c], [1, shade(c, 0.35)]], 0, 0, 1, 0);
}

function tote(d: Defs, c: string, accent: string): string {
  const handle = `fill="none" stroke-width="22" stroke-linecap="round"`;
  return [
    shadow(d, 400, 690, 200, 22),
    `<path d="M300,330 C300,150 500,150 500,330" ${handle} stroke="${shade(accent, 0.35)}"/>`,
    `<path d="M215,330 L585,330 L565,690 L235,690 Z" fill="${body(d, c)}"/>`,
    `<path d="M215,330 L585,330 L583,350 L217,350 Z" fill="${shade(c, 0.25)}"/>`,
    `<path d="M280,340 C280,130 520,130 520,340" ${handle} stroke="${accent}"/>`,
    `<rect x="272" y="330" width="20" height="60" rx="4" fill="${shade(accent, 0.15)}"/><rect x="508" y="330" width="20" height="60" rx="4" fill="${shade(accent, 0.15)}"/>`,
    `<path d="M229,365 L571,365 M236,672 L564,672" stroke="${tint(c, 0.35)}" stroke-width="2" stroke-dasharray="9 7"/>`,
  ].join('');
}

function backpack(d: Defs, c: string, accent: string): string {
  return [
    shadow(d, 400, 690, 190, 22),
    // Shoulder straps peek out behind the body on both sides.
    `<path d="M275,250 C200,330 205,520 245,640" fill="none" stroke="${shade(c, 0.45)}" stroke-width="30" stroke-linecap="round"/>`,
    `<path d="M525,250 C600,330 595,520 555,640" fill="none" stroke="${shade(c, 0.45)}" stroke-width="30" stroke-linecap="round"/>`,
    `<path d="M370,175 C370,120 430,120 430,175" fill="none" stroke="${shade(c, 0.3)}" stroke-width="14"/>`,
    `<path d="M250,330 C250,150 550,150 550,330 L555,640 Q555,680 515,680 L285,680 Q245,680 245,640 Z" fill="${body(d, c)}"/>`,
    `<path d="M268,330 C268,178 532,178 532,330" fill="none" stroke="${shade(c, 0.4)}" stroke-width="4"/>`,
    `<circle cx="532" cy="330" r="8" fill="#c9c6bf"/><rect x="527" y="335" width="10" height="32" rx="4" fill="#b3afa7"/>`,
    // Front pocket with its own zip.
    `<path d="M285,470 Q285,440 315,440 L485,440 Q515,440 515,470 L515,630 Q515,655 490,655 L310,655 Q285,655 285,630 Z" fill="${body(d, accent)}"/>`,
    `<path d="M300,462 L500,462" stroke="${shade(accent, 0.45)}" stroke-width="4"/>`,
    `<rect x="480" y="458" width="10" height="30" rx="4" fill="#c9c6bf"/>`,
    `<path d="M300,520 L500,520" stroke="${tint(accent, 0.3)}" stroke-width="2" stroke-dasharray="8 6"/>`,
  ].join('');
}

function handbag(d: Defs, c: string, accent: string): string {
  const metal = d.linear([[0, '#f3e3b0'], [0.5, '#c9a55a'], [1, '#8d6d2e']]);
  return [
    shadow(d, 400, 665, 200, 20),
    `<path d="M300,395 C300,190 500,190 500,395" fill="none" stroke="${shade(c, 0.2)}" stroke-width="20" stroke-linecap="round"/>`,
    `<rect x="286" y="380" width="28" height="26" rx="6" fill="${metal}"/><rect x="486" y="380" width="28" height="26" rx="6" fill="${metal}"/>`,
    `<path d="M255,395 L545,395 L595,610 Q600,660 550,660 L250,660 Q200,660 205,610 Z" fill="${body(d, c)}"/>`,
    // Front flap with a turn-lock clasp.
    `<path d="M252,397 L548,397 L566,480 Q400,560 234,480 Z" fill="${body(d, shade(c, 0.08))}"/>`,
    `<path d="M246,420 L554,420" stroke="${tint(c, 0.3)}" stroke-width="2" stroke-dasharray="8 6"/>`,
    `<rect x="376" y="490" width="48" height="36" rx="8" fill="${metal}"/><circle cx="400" cy="508" r="9" fill="${accent}"/>`,
  ].join('');
}

function suitcase(d: Defs, c: string, accent: string): string {
  const rod = d.linear([[0, '#9a9a98'], [0.5, '#e8e8e6'], [1, '#7d7d7b']], 0, 0, 1, 0);
  const parts = [
    shadow(d, 410, 712, 170, 18),
    // Telescopic handle first, so the shell hides its foot.
    `<rect x="338" y="95" width="14" height="150" fill="${rod}"/><rect x="448" y="95" width="14" height="150" fill="${rod}"/>`,
    `<rect x="326" y="80" width="148" height="30" rx="12" fill="#2b2b2d"/>`,
    `<path d="M540,226 Q580,232 580,272 L580,668 Q580,696 540,700 Z" fill="${shade(c, 0.38)}"/>`,
    `<rect x="250" y="220" width="300" height="480" rx="34" fill="${body(d, c)}"/>`,
    `<rect x="360" y="200" width="80" height="24" rx="10" fill="${shade(accent, 0.2)}"/>`,
  ];
  // Moulded ribs run top to bottom on hard-shell cases.
  for (const x of [300, 350, 450, 500]) parts.push(`<rect x="${x - 4}" y="250" width="8" height="420" rx="4" fill="${tint(c, 0.18)}" opacity="0.7"/>`);
  parts.push(
    `<rect x="396" y="240" width="8" height="440" fill="${shade(c, 0.25)}"/>`,
    // Spinner wheels under small housings.
    `<path d="M272,694 L308,694 L304,708 L276,708 Z M492,694 L528,694 L524,708 L496,708 Z M552,688 L580,686 L578,700 L556,702 Z" fill="#2a2a2c"/>`,
    `<rect x="280" y="706" width="20" height="16" rx="6" fill="#1b1b1b"/><rect x="500" y="706" width="20" height="16" rx="6" fill="#1b1b1b"/><rect x="558" y="699" width="16" height="13" rx="5" fill="#161616"/>`,
  );
  return parts.join('');
}

/** Draws a bag of the given style in the product's first colour (and second as accent). */
export function drawBag(style: BagStyle, a: ProductAttributes): string {
  const d = new Defs();
  const c = a.colors?.[0] ?? '#6b4a2b';
  const accent = a.colors?.[1] ?? shade(c, 0.2);
  const draw = { tote, backpack, handbag, suitcase }[style];
  // The suitcase (drawn tall) gets more margin to sit with the other bags in a grid.
  return studio(d, draw(d, c, accent), style === 'suitcase' ? 0.7 : 0.92);
}
