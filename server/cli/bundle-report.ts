/**
 * `npm run report:bundle`: gzip sizes of the built web client from Vite's manifest. The entry chunk
 * plus its static imports is what a shopper downloads before the shop appears; every lazy chunk
 * (route pages, three.js, tfjs, mediapipe) is listed with what it adds when its page opens.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The shop's initial JavaScript budget, gzipped (issue 2): 250 KB. */
export const INITIAL_JS_BUDGET = 250 * 1000;

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkGroup {
  /** Source module that starts the group (e.g. "shop/ProductPage.tsx"), or the chunk key. */
  name: string;
  /** JS files downloaded for it, beyond those already loaded by the entry. */
  files: string[];
  gzipBytes: number;
  rawBytes: number;
}

export interface BundleReport {
  entry: ChunkGroup;
  css: { files: string[]; gzipBytes: number };
  lazy: ChunkGroup[];
  /** Chunks reached neither statically nor by import(): web workers, started by their page. */
  other: ChunkGroup[];
}

/** Reads Vite's manifest from a build folder (dist/client). */
export function readManifest(distDir: string): Manifest {
  const path = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error(`No Vite manifest at ${path}: run "npm run build" first (build.manifest must be on).`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The keys a chunk loads up front: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const imp of manifest[key]!.imports ?? []) staticClosure(manifest, imp, seen);
  return seen;
}

function sizes(distDir: string, files: string[]): { gzipBytes: number; rawBytes: number } {
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const f of files) {
    const buf = readFileSync(join(distDir, f));
    rawBytes += buf.length;
    gzipBytes += gzipSync(buf, { level: 9 }).length;
  }
  return { gzipBytes, rawBytes };
}

/** Measures the entry (with static imports), its CSS and every lazily loaded chunk group. */
export function bundleReport(distDir: string): BundleReport {
  const manifest = readManifest(distDir);
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('The Vite manifest has no entry chunk.');
  const entryKeys = staticClosure(manifest, entryKey);
  const entryFiles = [...entryKeys].map((k) => manifest[k]!.file);
  const cssFiles = [...new Set([...entryKeys].flatMap((k) => manifest[k]!.css ?? []))];

  const dynamicKeys = new Set(Object.values(manifest).flatMap((c) => c.dynamicImports ?? []));
  const lazy = [...dynamicKeys]
    .filter((k) => manifest[k] && !entryKeys.has(k))
    .map((k) => {
      const files = [...staticClosure(manifest, k)].filter((x) => !entryKeys.has(x)).map((x) => manifest[x]!.file);
      return { name: manifest[k]!.src ?? k, files, ...sizes(distDir, files) };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);

  const counted = new Set([...entryFiles, ...lazy.flatMap((g) => g.files)]);
  const other = Object.entries(manifest)
    .filter(([, c]) => c.file.endsWith('.js') && !counted.has(c.file))
    .map(([k, c]) => ({ name: c.src ?? k.replace(/^_worker_assets\//, ''), files: [c.file], ...sizes(distDir, [c.file]) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);

  return {
    other,
    entry: { name: manifest[entryKey]!.src ?? entryKey, files: entryFiles, ...sizes(distDir, entryFiles) },
    css: { files: cssFiles, gzipBytes: sizes(distDir, cssFiles).gzipBytes },
    lazy,
  };
}

const kb = (n: number) => `${(n / 1000).toFixed(1).padStart(7)} KB`;

/** The report as the text `npm run report:bundle` prints. */
export function formatReport(r: BundleReport): string {
  const lines = [
    'Initial load (gzip):',
    `  JS  ${kb(r.entry.gzipBytes)}  of budget ${kb(INITIAL_JS_BUDGET)}  (${Math.round((100 * r.entry.gzipBytes) / INITIAL_JS_BUDGET)}%)  ${r.entry.files.length} file(s), ${kb(r.entry.rawBytes)} raw`,
    `  CSS ${kb(r.css.gzipBytes)}`,
    '',
    'Loaded only when needed (gzip, beyond the initial load):',
    ...r.lazy.map((g) => `  ${kb(g.gzipBytes)}  ${g.name}${g.files.length > 1 ? `  (+${g.files.length - 1} shared chunk(s))` : ''}`),
    ...(r.other.length ? ['', 'Web workers and other chunks (started by their page):', ...r.other.map((g) => `  ${kb(g.gzipBytes)}  ${g.name}`)] : []),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const report = bundleReport(join(root, 'dist', 'client'));
  process.stdout.write(`${formatReport(report)}\n`);
  if (report.entry.gzipBytes > INITIAL_JS_BUDGET) {
    process.stderr.write(`\nOver budget: the initial JavaScript is ${kb(report.entry.gzipBytes)} gzipped.\n`);
    process.exitCode = 1;
  }
}
