/** Reads the try-on page's 3D layer back as pixels, in the displayed frame's coordinates, inside the page. */
import type { Page } from 'playwright-core';

export interface LayerProbe {
  /** Largest alpha (0..255) within `r` px of each point. */
  alphaNear: number[];
  /** Leftmost and rightmost drawn column on the row `rowY` (frame px), or null when nothing is drawn. */
  rowExtent: [number, number] | null;
  /** Share of the layer's pixels that are drawn. */
  coverage: number;
}

/** Probes the WebGL layer (drawn with preserveDrawingBuffer) at points given in frame pixels. */
export function probeLayer(page: Page, points: { x: number; y: number }[], rowY: number, r = 4): Promise<LayerProbe> {
  return page.evaluate(
    ({ points, rowY, r }) => {
      const frame = window.__shopseeTryOn!.frame!;
      const layer = document.querySelector('.tryon-layer canvas') as HTMLCanvasElement;
      const c = document.createElement('canvas');
      c.width = frame.width;
      c.height = frame.height;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      g.drawImage(layer, 0, 0, frame.width, frame.height);
      const all = g.getImageData(0, 0, frame.width, frame.height).data;
      const alpha = (x: number, y: number) => (x < 0 || y < 0 || x >= frame.width || y >= frame.height ? 0 : all[(Math.round(y) * frame.width + Math.round(x)) * 4 + 3]!);
      const alphaNear = points.map((p) => {
        let m = 0;
        for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) m = Math.max(m, alpha(p.x + dx, p.y + dy));
        return m;
      });
      let lo = -1;
      let hi = -1;
      for (let x = 0; x < frame.width; x++) {
        if (alpha(x, rowY) > 20) {
          if (lo < 0) lo = x;
          hi = x;
        }
      }
      let drawn = 0;
      for (let i = 3; i < all.length; i += 4) if (all[i]! > 20) drawn++;
      return { alphaNear, rowExtent: lo < 0 ? null : ([lo, hi] as [number, number]), coverage: drawn / (frame.width * frame.height) };
    },
    { points, rowY, r },
  );
}
