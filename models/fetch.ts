/**
 * `npm run models`: puts every model file of `models/manifest.json` into `models/files/<id>/`, where
 * the server serves it at /models/ and Node code loads it. Each file comes from node_modules, this
 * repository (heads trained here), a mirror folder (MODEL_MIRROR, default ../shared/models when it exists) or its official URL, and
 * must match its sha256. Files already in place are left alone. A model that cannot be had is
 * reported with the features it disables; the start goes on (exit 1 only with --strict).
 * Writes models/files/status.json for the UI's model status.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ModelEntry, type ModelFile, modelManifest } from '../client/vision/runtime/manifest.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Where model files go, overridable for tests. */
export const modelsFilesDir = (): string => resolve(process.env.MODELS_DIR ?? join(root, 'models', 'files'));

function mirrorDir(): string | undefined {
  const dir = process.env.MODEL_MIRROR ?? resolve(root, '..', 'shared', 'models');
  return existsSync(dir) ? dir : undefined;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Bytes of a file from an npm package: a plain file, or a model nsfwjs packs into a JS module. */
function fromNodeModules(file: ModelFile): Uint8Array | undefined {
  const src = file.source;
  if ('npm' in src) {
    // Read the package folder directly: package "exports" maps hide model files from require.resolve.
    const path = join(root, 'node_modules', src.npm);
    return existsSync(path) ? readFileSync(path) : undefined;
  }
  if ('npmBundle' in src) {
    // nsfwjs ships its models as UMD modules exporting the model JSON or base64 weight shards.
    const path = join(root, 'node_modules', src.npmBundle);
    if (!existsSync(path)) return undefined;
    const value: unknown = require(path);
    return src.decode === 'json' ? Buffer.from(JSON.stringify(value)) : Buffer.from(String(value), 'base64');
  }
  return undefined;
}

/** Bytes of a file committed in this repository (a model trained here). */
function fromRepo(file: ModelFile): Uint8Array | undefined {
  if (!('repo' in file.source)) return undefined;
  const path = join(root, file.source.repo);
  return existsSync(path) ? readFileSync(path) : undefined;
}

function fromMirror(file: ModelFile): Uint8Array | undefined {
  const dir = mirrorDir();
  const path = dir && join(dir, file.name);
  return path && existsSync(path) ? readFileSync(path) : undefined;
}

async function fromUrl(file: ModelFile): Promise<Uint8Array | undefined> {
  if (process.env.MODELS_OFFLINE === '1' || !file.url) return undefined;
  try {
    const res = await fetch(file.url, { signal: AbortSignal.timeout(20_000) });
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

type FileOutcome = { ok: true; copied: boolean } | { ok: false; reason: string };

async function ensureFile(model: ModelEntry, file: ModelFile): Promise<FileOutcome> {
  const target = join(modelsFilesDir(), model.id, file.name);
  if (existsSync(target) && statSync(target).size === file.bytes && sha256(readFileSync(target)) === file.sha256) {
    return { ok: true, copied: false };
  }
  const tried: string[] = [];
  for (const [label, get] of [
    ['node_modules', async () => fromNodeModules(file)],
    ['repository', async () => fromRepo(file)],
    ['mirror', async () => fromMirror(file)],
    [file.url, () => fromUrl(file)],
  ] as const) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = await get();
    } catch (err) {
      tried.push(`${label}: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    if (!bytes) continue;
    const got = sha256(bytes);
    if (got !== file.sha256) {
      tried.push(`${label}: sha256 ${got.slice(0, 12)}… does not match the manifest`);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    // Write then rename, so an interrupted run never leaves a half file that looks in place.
    writeFileSync(`${target}.part`, bytes);
    renameSync(`${target}.part`, target);
    return { ok: true, copied: true };
  }
  return { ok: false, reason: tried.length ? tried.join('; ') : 'not in node_modules, not in the mirror, and the official URL could not be reached' };
}

/** Status of one model after a fetch run, as the UI shows it. */
export interface ModelStatusRecord {
  id: string;
  version: string;
  features: string[];
  available: boolean;
  reason?: string;
}

/** Ensures every model; returns the status of each. Never throws for a missing model. */
export async function fetchModels(log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<ModelStatusRecord[]> {
  const records: ModelStatusRecord[] = [];
  let copied = 0;
  for (const model of modelManifest.models) {
    const problems: string[] = [];
    for (const file of model.files) {
      const outcome = await ensureFile(model, file);
      if (!outcome.ok) problems.push(`${file.name}: ${outcome.reason}`);
      else if (outcome.copied) copied += 1;
    }
    const record: ModelStatusRecord = { id: model.id, version: model.version, features: model.features, available: problems.length === 0 };
    if (problems.length) {
      record.reason = problems.join(' | ');
      log(`Model "${model.id}" is unavailable, so ${model.features.join(' and ')} will not use it: ${record.reason}`);
    }
    records.push(record);
  }
  const dir = modelsFilesDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'status.json'), `${JSON.stringify({ models: records }, null, 2)}\n`);
  const missing = records.filter((r) => !r.available).length;
  const files = `${copied} file${copied === 1 ? '' : 's'} copied`;
  log(missing === 0 ? `Models are in place (${files}).` : `Models: ${records.length - missing} in place, ${missing} unavailable (${files}).`);
  return records;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const records = await fetchModels();
  if (process.argv.includes('--strict') && records.some((r) => !r.available)) process.exit(1);
}
