/** Opens the shop's database the way `npm start` does, for command-line tools. */
import { join } from 'node:path';
import { resolveDataDir } from '../config.js';
import { type Db, openDb } from '../store/db.js';

/** The database and data folder named by the environment (DATABASE_URL, DATA_DIR). */
export async function openShopStore(options: { role: string; env?: NodeJS.ProcessEnv }): Promise<{ db: Db; dataDir: string }> {
  const env = options.env ?? process.env;
  const dataDir = resolveDataDir(env);
  const db = await openDb(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}) } : { dataDir: join(dataDir, 'db'), role: options.role },
  );
  return { db, dataDir };
}
