/** The shop's first load stays small: checked on the build `npm test` prepares (dist/client). */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleReport, INITIAL_JS_BUDGET } from '../../server/cli/bundle-report.js';

const dist = join(resolve(fileURLToPath(new URL('../..', import.meta.url))), 'dist', 'client');

describe('bundle budget', () => {
  const report = bundleReport(dist);

  it('the shop entry plus its static imports is under 250 KB gzipped', () => {
    expect(report.entry.gzipBytes).toBeGreaterThan(20_000); // a real build, not an empty stub
    expect(report.entry.gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it('the merchant console and other engineers’ pages are lazy chunks, not in the entry', () => {
    const lazy = report.lazy.map((g) => g.name);
    for (const page of ['merchant/MerchantPage.tsx', 'discover/DiscoverPage.tsx', 'tryon/TryOnPage.tsx', 'shop/CheckoutPage.tsx']) {
      expect(lazy).toContain(page);
    }
  });

  it('three.js, tfjs and mediapipe never load with the entry', () => {
    const heavy = /three|tfjs|tensorflow|mediapipe|tasks-vision|human/i;
    expect(report.entry.files.filter((f) => heavy.test(f))).toEqual([]);
  });
});
