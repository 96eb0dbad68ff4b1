/** Starts a real shop server on 127.0.0.1, port 0, on PGlite (in memory) or PostgreSQL (own schema). */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type AppDeps, createApp, type Feature, type ShopApp } from '../../server/app.js';
import type { Config } from '../../server/config.js';
import { openDb, type Db, type StoreKind } from '../../server/store/db.js';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const STORES: StoreKind[] = ['pglite', 'postgres'];

export interface TestServer {
  url: string;
  app: ShopApp;
  db: Db;
  config: Config;
  merchantToken: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  store?: StoreKind;
  config?: Partial<Config>;
  features?: Feature[];
  deps?: Partial<AppDeps>;
  /** Seed the demo catalog. */
  seed?: boolean;
}

/** Opens a fresh, empty store of the given kind; PostgreSQL gets a schema of its own that close() drops. */
export async function openTestDb(store: StoreKind = 'pglite'): Promise<Db> {
  if (store === 'pglite') return openDb({});
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openDb({ databaseUrl: POSTGRES_URL, schema, poolSize: 20 });
  return {
    ...db,
    async close() {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.kysely).catch(() => undefined);
      await db.close();
    },
  };
}

export function testConfig(dataDir: string, over: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    shopName: 'Test shop',
    currency: 'EUR',
    merchantToken: 'merchant-test-token',
    cookieSecret: 'cookie-test-secret-0123456789',
    bodyLimit: 1024 * 1024,
    maxUploadBytes: 10 * 1024 * 1024,
    seedDemo: false,
    logLevel: 'silent',
    ...over,
  };
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopsee-test-'));
  const config = testConfig(dataDir, opts.config);
  const db = await openTestDb(opts.store);
  if (opts.seed) {
    const { seedDemoCatalog } = await import('../../server/seed/seed.js');
    await seedDemoCatalog(db.kysely, config);
  }
  const app = await createApp({ db, config, logger: false, ...opts.deps }, opts.features ?? []);
  const url = await app.listen(0, '127.0.0.1');
  return {
    url,
    app,
    db,
    config,
    merchantToken: config.merchantToken,
    async close() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
