/** Wristwear illustrations: a watch lying face up with its strap, and three kinds of bracelet. */
import type { ProductAttributes } from '../../protocol/catalog.js';
import { Defs, luminance, mix, r1, shade, shadow, studio, tint } from './svg.js';

/** Draws a watch face up, strap running off top and bottom, from its case, dial and strap attributes. */
export function drawWatch(a: ProductAttributes): string {
  const d = new Defs();
  const caseColor = a.caseColor ?? '#b0b4b8';
  const dial = a.dialColor ?? '#1d2a1f';
  const strap = a.strapColor ?? '#6b4a2b';
  // 40 mm of case is about 370 px across, so a 44 mm watch looks bigger than a 36 mm one.
  const R = (a.caseDiameterMm ?? 40) * 4.6;
  const sw = (a.strapWidthMm ?? (a.caseDiameterMm ?? 40) / 2) * 9.2;
  const cx = 400;
  const cy = 400;
  const strapFill = d.linear([[0, shade(strap, 0.3)], [0.3, strap], [0.55, tint(strap, 0.12)], [0.8, strap], [1, shade(strap, 0.35)]], 0, 0, 1, 0);
  const metal = d.linear([[0, tint(caseColor, 0.55)], [0.35, caseColor], [0.7, shade(caseColor, 0.3)], [1, tint(caseColor, 0.2)]], 0, 0, 1, 1);
  const parts: string[] = [shadow(d, cx + 14, cy + 28, R * 0.95, R * 0.95, 0.18)];
  // Straps: a tapered band to each end; the top one shows its holes, the bottom one the buckle.
  const tip = sw * 0.84;
  const top = `M${r1(cx - sw / 2)},${r1(cy - R * 0.7)} L${r1(cx - tip / 2)},48 Q${cx},30 ${r1(cx + tip / 2)},48 L${r1(cx + sw / 2)},${r1(cy - R * 0.7)} Z`;
  const bottom = `M${r1(cx - sw / 2)},${r1(cy + R * 0.7)} L${r1(cx - tip / 2)},752 Q${cx},770 ${r1(cx + tip / 2)},752 L${r1(cx + sw / 2)},${r1(cy + R * 0.7)} Z`;
  parts.push(shadow(d, cx + 10, 400, sw * 0.5, 360, 0.12), `<path d="${top}" fill="${strapFill}"/>`, `<path d="${bottom}" fill="${strapFill}"/>`);
  for (let i = 0; i < 5; i++) parts.push(`<ellipse cx="${cx}" cy="${90 + i * 26}" rx="4.5" ry="6" fill="${shade(strap, 0.55)}"/>`);
  const by = 640;
  parts.push(
    `<rect x="${r1(cx - sw / 2 - 10)}" y="${by}" width="${r1(sw + 20)}" height="70" rx="16" fill="none" stroke="${metal}" stroke-width="9"/>`,
    `<rect x="${cx - 3}" y="${by - 4}" width="6" height="44" rx="3" fill="${metal}"/>`,
    // Stitching along both strap edges.
    `<path d="M${r1(cx - sw / 2 + 9)},${r1(cy + R * 0.75)} L${r1(cx - tip / 2 + 9)},740 M${r1(cx + sw / 2 - 9)},${r1(cy + R * 0.75)} L${r1(cx + tip / 2 - 9)},740" stroke="${tint(strap, 0.35)}" stroke-width="2" stroke-dasharray="8 6"/>`,
    `<path d="M${r1(cx - sw / 2 + 9)},${r1(cy - R * 0.75)} L${r1(cx - tip / 2 + 9)},60 M${r1(cx + sw / 2 - 9)},${r1(cy - R * 0.75)} L${r1(cx + tip / 2 - 9)},60" stroke="${tint(strap, 0.35)}" stroke-width="2" stroke-dasharray="8 6"/>`,
  );
  // Lugs, crown, case and bezel.
  for (const s of [-1, 1]) {
    for (const t of [-1, 1]) {
      parts.push(`<rect x="${r1(cx + s * sw * 0.5 - (s > 0 ? 0 : 22))}" y="${r1(cy + t * R * 0.72 - (t > 0 ? 0 : 46))}" width="22" height="46" rx="8" fill="${metal}"/>`);
    }
  }
  parts.push(
    `<rect x="${r1(cx + R - 6)}" y="${cy - 24}" width="34" height="48" rx="9" fill="${metal}"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${r1(R)}" fill="${metal}"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${r1(R * 0.9)}" fill="${d.linear([[0, shade(caseColor, 0.25)], [1, tint(caseColor, 0.4)]])}"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${r1(R * 0.82)}" fill="${d.radial([[0, tint(dial, 0.12)], [0.75, dial], [1, shade(dial, 0.3)]], 0.45, 0.4, 0.6)}"/>`,
  );
  const mark = luminance(dial) > 0.5 ? '#22252a' : '#f2efe6';
  for (let i = 0; i < 60; i++) {
    const major = i % 5 === 0;
    const len = i % 15 === 0 ? R * 0.16 : major ? R * 0.1 : R * 0.035;
    const w = major ? R * 0.035 : R * 0.01;
    parts.push(
      `<rect x="${r1(cx - w / 2)}" y="${r1(cy - R * 0.78)}" width="${r1(w)}" height="${r1(len)}" fill="${mark}" transform="rotate(${i * 6} ${cx} ${cy})"/>`,
    );
  }
  // Hands at 10:10, the shop-window time, so they frame the dial.
  const hand = (deg: number, len: number, w: number, fill: string) =>
    `<path d="M${r1(cx - w / 2)},${r1(cy + R * 0.1)} L${r1(cx - w / 3)},${r1(cy - len)} L${cx},${r1(cy - len - w)} L${r1(cx + w / 3)},${r1(cy - len)} L${r1(cx + w / 2)},${r1(cy + R * 0.1)} Z" fill="${fill}" transform="rotate(${deg} ${cx} ${cy})"/>`;
  const handColor = mix(mark, caseColor, 0.3);
  parts.push(
    hand(-55, R * 0.45, R * 0.06, handColor),
    hand(60, R * 0.68, R * 0.045, handColor),
    hand(190, R * 0.7, R * 0.012, '#c8372d'),
    `<circle cx="${cx}" cy="${cy}" r="${r1(R * 0.04)}" fill="${metal}"/>`,
    // Crystal: a faint sweep of light across the glass.
    `<path d="M${r1(cx - R * 0.8)},${r1(cy - R * 0.1)} A${r1(R * 0.82)},${r1(R * 0.82)} 0 0,1 ${r1(cx + R * 0.3)},${r1(cy - R * 0.76)} Q${r1(cx - R * 0.3)},${r1(cy - R * 0.45)} ${r1(cx - R * 0.8)},${r1(cy - R * 0.1)} Z" fill="#ffffff" opacity="0.13"/>`,
  );
  return studio(d, parts.join(''));
}

export type BraceletStyle = 'bangle' | 'beads' | 'cuff';

/** Draws a bracelet standing on its edge in slight perspective, from its band colour and width. */
export function drawBracelet(style: BraceletStyle, a: ProductAttributes): string {
  const d = new Defs();
  const band = a.strapColor ?? a.colors?.[0] ?? '#c8a24a';
  const bw = (a.strapWidthMm ?? 8) * 9;
  const cx = 400;
  const cy = 380;
  const rx = 280;
  const ry = 135;
  const parts: string[] = [shadow(d, cx, cy + ry + bw * 0.6, rx * 1.05, 26, 0.22)];
  if (style === 'beads') {
    // Beads round an ellipse, drawn back to front so the near ones overlap the far ones.
    const n = 22;
    const beads = Array.from({ length: n }, (_, i) => (i / n) * Math.PI * 2)
      .map((t) => ({ x: cx + rx * Math.cos(t), y: cy + ry * Math.sin(t), depth: Math.sin(t) }))
      .sort((p, q) => p.depth - q.depth);
    const colours = a.colors?.length ? a.colors : [band];
    beads.forEach((b, i) => {
      const c = colours[i % colours.length]!;
      const rr = bw * 0.62 * (1 + b.depth * 0.08);
      parts.push(`<circle cx="${r1(b.x)}" cy="${r1(b.y)}" r="${r1(rr)}" fill="${d.radial([[0, tint(c, 0.5)], [0.45, c], [1, shade(c, 0.45)]], 0.35, 0.32, 0.7)}"/>`);
    });
    return studio(d, parts.join(''));
  }
  const outer = d.linear([[0, shade(band, 0.3)], [0.25, tint(band, 0.35)], [0.5, band], [1, shade(band, 0.4)]], 0, 0, 1, 0);
  const inner = d.linear([[0, shade(band, 0.55)], [1, shade(band, 0.25)]], 0, 0, 1, 0);
  // Back half of the band (inside surface), then the front half (outside surface) over it.
  parts.push(
    `<path d="M${cx - rx},${cy} A${rx},${ry} 0 0,1 ${cx + rx},${cy} L${cx + rx},${r1(cy + bw)} A${rx},${ry} 0 0,0 ${cx - rx},${r1(cy + bw)} Z" fill="${inner}"/>`,
    `<path d="M${cx - rx},${cy} A${rx},${ry} 0 0,0 ${cx + rx},${cy} L${cx + rx},${r1(cy + bw)} A${rx},${ry} 0 0,1 ${cx - rx},${r1(cy + bw)} Z" fill="${outer}"/>`,
  );
  if (style === 'cuff') {
    // Leather cuff: stitch line near both edges and a metal snap at the front.
    parts.push(
      `<path d="M${cx - rx + 8},${cy + 10} A${rx - 8},${ry} 0 0,0 ${cx + rx - 8},${cy + 10}" fill="none" stroke="${tint(band, 0.45)}" stroke-width="2.5" stroke-dasharray="9 7"/>`,
      `<path d="M${cx - rx + 8},${r1(cy + bw - 10)} A${rx - 8},${ry} 0 0,0 ${cx + rx - 8},${r1(cy + bw - 10)}" fill="none" stroke="${tint(band, 0.45)}" stroke-width="2.5" stroke-dasharray="9 7"/>`,
      `<circle cx="${cx}" cy="${r1(cy + ry + bw / 2)}" r="${r1(bw * 0.22)}" fill="${d.radial([[0, '#f4f1ea'], [1, '#8d8a84']], 0.35, 0.35, 0.7)}"/>`,
    );
  } else {
    parts.push(`<path d="M${cx - rx + 20},${r1(cy + bw * 0.3)} A${rx - 20},${ry} 0 0,0 ${cx + 60},${r1(cy + ry + bw * 0.3)}" fill="none" stroke="#ffffff" stroke-width="${r1(bw * 0.12)}" opacity="0.5" stroke-linecap="round"/>`);
  }
  return studio(d, parts.join(''));
}
