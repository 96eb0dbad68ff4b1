/**
 * `npm run tryon` end to end: the real command, server and Chromium, on a real photo. (A photo with
 * nobody in it is covered on the page in e2e.test.ts; each command run costs a minute here.)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, ROOT, STREET_PHOTO } from './support.js';

function runTryOn(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli/tryon.ts'), ...args], { cwd: ROOT, env: { ...process.env, CLIENT_DIR: process.env.TRYON_CLIENT_DIR ?? process.env.CLIENT_DIR } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const b = readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

describe('npm run tryon', () => {
  it('places the watch on a wrist of the street photo and writes the composited picture at the photo size', { timeout: 240_000 }, async () => {
    const out = join(ARTIFACTS, 'cli-watch.png');
    const r = await runTryOn([STREET_PHOTO, '--product', 'field-watch-38', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const res = JSON.parse(lines[0]!) as { frame: { width: number; height: number }; placement: { kind: string; centre: { x: number; y: number }; diameterPx: number; pxPerMm: number } };
    expect(res.frame).toEqual({ width: 683, height: 1024 });
    expect(res.placement.kind).toBe('wrist');
    // Hands hang at the hips in this photo: the lower half, away from the mid line.
    expect(res.placement.centre.y).toBeGreaterThan(600);
    expect(Math.abs(res.placement.centre.x - 341)).toBeGreaterThan(120);
    expect(res.placement.diameterPx / res.placement.pxPerMm).toBeCloseTo(38, 0);
    expect(pngSize(out)).toEqual({ width: 683, height: 1024 });
  });
});
