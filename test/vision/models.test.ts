/**
 * `npm run models` on an empty folder: copies what node_modules holds, checks every checksum,
 * reports models it cannot get with the features they disable (without failing), repairs a
 * damaged file and does nothing on a second run.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchModels } from '../../models/fetch.js';
import { modelManifest } from '../../client/vision/runtime/manifest.js';

const dir = mkdtempSync(join(tmpdir(), 'models-'));
const saved = { ...process.env };

beforeAll(() => {
  process.env.MODELS_DIR = dir;
  process.env.MODEL_MIRROR = join(dir, 'no-mirror-here');
  process.env.MODELS_OFFLINE = '1';
});

afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run models', () => {
  it('puts the npm-shipped models in place and names what the missing mirror models disable', async () => {
    const lines: string[] = [];
    const records = await fetchModels((l) => lines.push(l));
    const unavailable = records.filter((r) => !r.available).map((r) => r.id).sort();
    // Only the MediaPipe files come from the mirror; with no mirror and no network they are missing.
    expect(unavailable).toEqual(['face-landmarker', 'selfie-segmenter']);
    expect(lines.filter((l) => l.includes('face-landmarker'))[0]).toMatch(/unavailable, so try-on will not use it/);
    const centernet = modelManifest.models.find((m) => m.id === 'centernet')!;
    for (const f of centernet.files) expect(statSync(join(dir, 'centernet', f.name)).size).toBe(f.bytes);
    const status = JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8'));
    expect(status.models.find((m: { id: string }) => m.id === 'mobilenet-v2-mid').available).toBe(true);
    // The garment head trained in this repository comes from models/garments, checked by sha256.
    const garments = modelManifest.models.find((m) => m.id === 'garments')!;
    for (const f of garments.files) expect(statSync(join(dir, 'garments', f.name)).size).toBe(f.bytes);
  }, 60_000);

  it('replaces a damaged file and copies nothing when all is in place', async () => {
    writeFileSync(join(dir, 'centernet', 'centernet.bin'), 'garbage');
    const lines: string[] = [];
    await fetchModels((l) => lines.push(l));
    expect(statSync(join(dir, 'centernet', 'centernet.bin')).size).toBe(4030290);
    const again: string[] = [];
    await fetchModels((l) => again.push(l));
    expect(lines.at(-1)).toBe('Models: 11 in place, 2 unavailable (1 file copied).');
    expect(again.at(-1)).toBe('Models: 11 in place, 2 unavailable (0 files copied).');
  }, 60_000);
});
