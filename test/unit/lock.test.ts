/**
 * One process at a time on the embedded database: a live holder (another process) makes the next
 * opener stop with its pid and role; a holder killed with -9 leaves a stale file that is taken over.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, DataFolderLocked } from '../../server/store/lock.js';
import { openDb } from '../../server/store/db.js';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'shopsee-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('the data folder lock', () => {
  it('refuses a second holder in the same process and frees the folder on release', () => {
    const path = join(dir, 'same.lock');
    const lock = acquireLock(path, 'server');
    const err = thrown(() => acquireLock(path, 'index-catalog'));
    expect(err).toBeInstanceOf(DataFolderLocked);
    expect((err as DataFolderLocked).holder).toMatchObject({ pid: process.pid, role: 'server' });
    lock.announce('http://127.0.0.1:9999');
    expect(JSON.parse(readFileSync(path, 'utf8')).url).toBe('http://127.0.0.1:9999');
    lock.release();
    expect(existsSync(path)).toBe(false);
    acquireLock(path, 'again').release();
  });

  it('names another live process that holds it, and takes the file over once that process was killed with -9', async () => {
    const path = join(dir, 'other.lock');
    const code = `import(${JSON.stringify(join(root, 'server/store/lock.ts'))}).then((m) => { m.acquireLock(${JSON.stringify(path)}, 'holder'); console.log('held'); setInterval(() => {}, 1000); });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((res, rej) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && res());
      child.once('exit', (c) => rej(new Error(`holder exited with ${c}`)));
    });
    const err = thrown(() => acquireLock(path, 'server'));
    expect(err).toBeInstanceOf(DataFolderLocked);
    expect((err as DataFolderLocked).holder).toMatchObject({ pid: child.pid, role: 'holder' });
    expect((err as Error).message).toContain(`"holder" (pid ${child.pid})`);

    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(path)).toBe(true);
    const lock = acquireLock(path, 'server');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, role: 'server' });
    lock.release();
  }, 30_000);

  it('takes over a half-written lock file', () => {
    const path = join(dir, 'torn.lock');
    writeFileSync(path, '{"pid": 12');
    acquireLock(path, 'server').release();
    expect(existsSync(path)).toBe(false);
  });

  it('keeps a second opener of the same embedded database out before it touches the files', async () => {
    const dataDir = join(dir, 'db');
    const db = await openDb({ dataDir });
    try {
      await expect(openDb({ dataDir, role: 'discover' })).rejects.toBeInstanceOf(DataFolderLocked);
    } finally {
      await db.close();
    }
    const again = await openDb({ dataDir, role: 'discover' });
    await again.close();
  }, 60_000);
});
