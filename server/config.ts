/** Server configuration: read from the environment by `server/index.ts` only; tests build it directly. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LimitKind, LimitRule } from './live/limits.js';

export interface Config {
  port: number;
  host: string;
  /** Folder for the embedded database, uploaded media and generated secrets. */
  dataDir: string;
  /** Built web client to serve; absent when only the API runs (tests, dev). */
  clientDir?: string;
  /** Folder of model files served at /models/ to the browser. */
  modelsDir?: string;
  /** Base URL put into share links and QR codes; derived from the request when absent. */
  publicUrl?: string;
  databaseUrl?: string;
  redisUrl?: string;
  shopName: string;
  currency: string;
  merchantToken: string;
  cookieSecret: string;
  /** Largest JSON body, in bytes. */
  bodyLimit: number;
  /** Largest uploaded file, in bytes. */
  maxUploadBytes: number;
  tls?: { key: string; cert: string };
  /** Seed the demo catalog when the store has no products. */
  seedDemo: boolean;
  /** Index product photos for visual search in a background worker (on start and on every change). */
  indexInBackground?: boolean;
  /** Live rate limits that differ from the defaults (server/live/limits.ts), e.g. for a benchmark from one address. */
  liveLimits?: Partial<Record<LimitKind, Partial<LimitRule>>>;
  /** An order pending longer than this is settled from the payment provider's record (default 30 s). */
  pendingTimeoutMs?: number;
  /** How often pending orders are checked (default 10 s). */
  recoveryEveryMs?: number;
  /** Catalogs with more indexed products than this are searched on the server, not downloaded (default 10,000). */
  deviceIndexMaxProducts?: number;
  logLevel: string;
}

export const DEFAULTS = {
  port: 8080,
  host: '0.0.0.0',
  shopName: 'Shopsee',
  currency: 'EUR',
  bodyLimit: 1024 * 1024,
  maxUploadBytes: 10 * 1024 * 1024,
} as const;

/** A secret from the environment, else one kept in the data folder, else a new one written there. */
export function persistentSecret(dataDir: string, file: string, fromEnv?: string): { value: string; created: boolean } {
  if (fromEnv) return { value: fromEnv, created: false };
  const path = join(dataDir, file);
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), created: false };
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(24).toString('base64url');
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  return { value, created: true };
}

export function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}

export function resolveDataDir(env: NodeJS.ProcessEnv): string {
  return resolve(env.DATA_DIR ?? 'data');
}
