/**
 * Build step (Node, used by vite.config.ts): draws the app icons as SVG and rasterises them with sharp
 * into the build, so nothing is downloaded and no binary icon is kept in git.
 */
import sharp from 'sharp';
import type { Plugin } from 'vite';
import { BRAND_COLOR, ICONS, THEME_COLOR } from './manifest.js';

/**
 * The icon on a 512 grid: a shopping bag with a lens in it ("buy what you see"). A maskable icon fills
 * the square and keeps the drawing inside the central 80% circle that launchers never crop.
 */
export function iconSvg(maskable: boolean): string {
  const scale = maskable ? 0.62 : 0.78;
  const offset = (512 * (1 - scale)) / 2;
  const background = maskable
    ? `<rect width="512" height="512" fill="${BRAND_COLOR}"/>`
    : `<rect width="512" height="512" rx="112" fill="${BRAND_COLOR}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  ${background}
  <g transform="translate(${offset} ${offset}) scale(${scale})" fill="none" stroke="${THEME_COLOR}" stroke-linecap="round" stroke-linejoin="round">
    <path d="M112 168h288l-22 248a40 40 0 0 1-40 36H174a40 40 0 0 1-40-36Z" stroke-width="32"/>
    <path d="M192 168v-24a64 64 0 0 1 128 0v24" stroke-width="32"/>
    <circle cx="248" cy="300" r="56" stroke-width="28"/>
    <path d="M290 342l44 44" stroke-width="30"/>
  </g>
</svg>`;
}

/** Emits every icon the manifest and index.html name, at its size. */
export function pwaIcons(): Plugin {
  return {
    name: 'shopsee-pwa-icons',
    apply: 'build',
    async generateBundle() {
      for (const icon of ICONS) {
        const source = await sharp(Buffer.from(iconSvg(icon.maskable))).resize(icon.size, icon.size).png({ compressionLevel: 9 }).toBuffer();
        this.emitFile({ type: 'asset', fileName: icon.file, source });
      }
    },
  };
}
