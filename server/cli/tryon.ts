/**
 * `npm run tryon -- PHOTO --product ID --out OUT.png [--json]`: renders a still-photo try-on in
 * headless Chromium (the shop's own try-on page, photo route) and prints where the product was
 * placed, in the photo's pixels: for eyewear the frame centre, width and roll; for a watch or
 * bracelet the case centre and diameter; for a hat its anchor. Exit 1 for bad arguments or an
 * unknown / untryable product, 2 when the photo shows no face (eyewear, hats) or no hand (wrist).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tryOnKind } from '../protocol/catalog.js';
import { openHeadlessSession } from '../tryon/headless.js';

interface Args {
  photo: string;
  product: string;
  out: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const photo = argv.find((a, i) => !a.startsWith('--') && !['--product', '--out'].includes(argv[i - 1] ?? ''));
  const product = flag('--product');
  const out = flag('--out');
  if (!photo || !product || !out) return 'Usage: npm run tryon -- PHOTO --product ID --out OUT.png [--json]';
  if (!existsSync(photo)) return `${photo}: no such file.`;
  return { photo: resolve(photo), product, out: resolve(out), json: argv.includes('--json') };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 1;
  }
  const session = await openHeadlessSession();
  try {
    const res = await fetch(`${session.url}/api/products/${encodeURIComponent(args.product)}`);
    if (!res.ok) {
      process.stderr.write(`No product "${args.product}" in the catalog.\n`);
      return 1;
    }
    const product = (await res.json()) as { id: string; name: string; category: Parameters<typeof tryOnKind>[0] };
    const kind = tryOnKind(product.category);
    if (!kind) {
      process.stderr.write(`${product.name} (${product.category}) cannot be tried on: eyewear, watches, bracelets and hats can.\n`);
      return 1;
    }
    const page = await session.browser.newPage({ viewport: { width: 720, height: 1400 } });
    await page.goto(`${session.url}/try-on/${encodeURIComponent(product.id)}?source=photo`);
    await page.getByTestId('photo-input').setInputFiles(args.photo);
    await page.waitForFunction(() => Boolean(window.__shopseeTryOn?.summary || window.__shopseeTryOn?.error || document.querySelector('[data-seen="none"]')), undefined, { timeout: 120_000, polling: 200 });
    const summary = await page.evaluate(() => window.__shopseeTryOn?.summary ?? null);
    if (!summary) {
      const what = kind === 'wrist' ? 'no hand or wrist' : 'no face';
      process.stderr.write(`${args.photo}: ${what} found, so ${product.name} could not be placed. Use a photo with ${kind === 'wrist' ? 'a hand and wrist' : 'a face looking at the camera'} in view.\n`);
      return 2;
    }
    // The page's own snapshot: photo and 3D composited at the photo's resolution.
    await page.getByRole('button', { name: 'Take a snapshot' }).click();
    const href = await page.getByTestId('snapshot-link').getAttribute('href', { timeout: 30_000 });
    const b64 = await page.evaluate(async (u) => {
      const buf = new Uint8Array(await (await fetch(u!)).arrayBuffer());
      let s = '';
      for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
      return btoa(s);
    }, href);
    writeFileSync(args.out, Buffer.from(b64, 'base64'));
    const frame = await page.evaluate(() => window.__shopseeTryOn?.frame);
    if (args.json) process.stdout.write(`${JSON.stringify({ photo: args.photo, product: product.id, frame, placement: summary, out: args.out })}\n`);
    else {
      const s = summary;
      const where = `(${s.centre.x}, ${s.centre.y}) px`;
      const line =
        s.kind === 'eyewear'
          ? `frame centre ${where}, width ${s.widthPx} px, roll ${s.rollDeg}°; PD ≈ ${s.pupillaryDistanceMm} mm, face ≈ ${s.faceWidthMm} mm → ${s.suggestion} (estimates)`
          : s.kind === 'wrist'
            ? `case centre ${where}, diameter ${s.diameterPx} px (${(s.diameterPx / s.pxPerMm).toFixed(0)} mm at ${s.pxPerMm} px/mm)`
            : `hat anchor ${where} at ${s.pxPerMm} px/mm`;
      process.stdout.write(`${product.name} on ${args.photo} (${frame?.width}×${frame?.height}): ${line}\nSaved ${args.out}\n`);
    }
    return 0;
  } finally {
    await session.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
