/**
 * One process at a time on the embedded database: PGlite's files are not safe to open twice, and a
 * second opener hangs or corrupts. A lock file beside the database names the holder (pid, and the
 * server's address once it listens), so a command can go through the server or refuse clearly.
 */
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface LockHolder {
  pid: number;
  /** What holds it: "server" or a command's name. */
  role: string;
  startedAt: string;
  /** The server's own address (loopback), once it listens. */
  url?: string;
}

/** Thrown when another live process holds the data folder. */
export class DataFolderLocked extends Error {
  readonly code = 'DATA_FOLDER_LOCKED';
  constructor(
    readonly path: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database is in use by ${holder.role === 'server' ? 'the shop server' : `"${holder.role}"`} (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''}). ` +
        `Stop it first, or go through the running server. If no such process runs, delete ${path}.`,
    );
  }
}

export interface DataLock {
  readonly path: string;
  /** Records the server's address in the lock so commands can reach it. */
  announce(url: string): void;
  release(): void;
}

/** Whether a pid names a running process (EPERM means it runs under another user). */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The current holder of a lock file, or undefined when it is free or stale (holder gone). */
export function readLock(path: string): LockHolder | undefined {
  let holder: LockHolder;
  try {
    holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Half-written by a holder that died while writing it: treat as stale.
    return undefined;
  }
  // Our own pid in a file this process did not write: a previous run (pid reused after a crash).
  if (holder.pid === process.pid) return heldHere.has(path) ? holder : undefined;
  return alive(holder.pid) ? holder : undefined;
}

const heldHere = new Set<string>();

/** Takes the lock file or throws DataFolderLocked; a stale file (dead pid) is taken over. */
export function acquireLock(path: string, role: string): DataLock {
  let info: LockHolder = { pid: process.pid, role, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeFileSync(fd, JSON.stringify(info));
      closeSync(fd);
      let held = true;
      heldHere.add(path);
      const release = (): void => {
        if (!held) return;
        held = false;
        heldHere.delete(path);
        process.off('exit', release);
        rmSync(path, { force: true });
      };
      // A crash or process.exit still frees the folder for the next start.
      process.on('exit', release);
      return {
        path,
        announce(url) {
          info = { ...info, url };
          if (held) writeFileSync(path, JSON.stringify(info));
        },
        release,
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(path);
      if (holder) throw new DataFolderLocked(path, holder);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}.`);
}
