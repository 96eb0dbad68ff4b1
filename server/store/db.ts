/**
 * Opens the database: embedded PGlite in a data folder by default, or a real PostgreSQL
 * through `pg` when a URL is given. The same Kysely queries run on both.
 */
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { type DataLock, acquireLock } from './lock.js';
import type { Database } from './schema.js';
import { migrate } from './migrations.js';

export type StoreKind = 'pglite' | 'postgres';

export interface DbOptions {
  /** PostgreSQL URL; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; absent means in memory (tests). */
  dataDir?: string;
  /** PostgreSQL schema to use (created if missing); lets tests run side by side in one database. */
  schema?: string;
  poolSize?: number;
  /** Who opens the embedded store ("server", "index-catalog" ...), recorded in its lock file. */
  role?: string;
}

export interface Db {
  kysely: Kysely<Database>;
  kind: StoreKind;
  /** The embedded store's lock (PGlite in a folder only); the server announces its address in it. */
  lock?: DataLock;
  close(): Promise<void>;
}

/** Opens the database and brings its schema up to date. */
export async function openDb(opts: DbOptions): Promise<Db> {
  const db = opts.databaseUrl ? await openPostgres(opts) : await openPglite(opts);
  try {
    await migrate(db.kysely, opts.databaseUrl ? opts.schema : undefined);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

async function openPglite(opts: DbOptions): Promise<Db> {
  const [{ PGlite }, { PGliteDialect }, { vector }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('kysely-pglite-dialect'),
    import('@electric-sql/pglite/vector'),
  ]);
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  // Before PGlite touches the files: a second process on the same folder must stop here, at once.
  const lock = opts.dataDir ? acquireLock(`${opts.dataDir}.lock`, opts.role ?? 'server') : undefined;
  try {
    // pgvector ships with PGlite: server-side visual search for catalogs too big for a phone.
    // (The options-only form: PGlite ignores options after an undefined folder.)
    const pglite = new PGlite({ ...(opts.dataDir ? { dataDir: opts.dataDir } : {}), extensions: { vector } });
    await pglite.waitReady;
    const kysely = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      kysely,
      kind: 'pglite',
      ...(lock ? { lock } : {}),
      async close() {
        try {
          await kysely.destroy();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

async function openPostgres(opts: DbOptions): Promise<Db> {
  const { default: pg } = await import('pg');
  // Return bigint counts as numbers; every count here fits.
  pg.types.setTypeParser(20, (v) => Number(v));
  const schema = opts.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: opts.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(kysely);
  return { kysely, kind: 'postgres', close: () => kysely.destroy() };
}
