/**
 * The one process: reads the environment, opens the store, seeds the demo catalog on first
 * start, serves everything on PORT, and shuts down cleanly on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { type CheckoutFaults, FAULT_POINTS, type FaultPoint } from './checkout/checkout.js';
import { type Config, DEFAULTS, envInt, persistentSecret, resolveDataDir } from './config.js';
import { DEVICE_INDEX_MAX_PRODUCTS } from './discovery/routes.js';
import { features } from './features.js';
import { lanAddress } from './http/share.js';
import { seedDemoCatalog } from './seed/seed.js';
import { openDb } from './store/db.js';
import { DataFolderLocked } from './store/lock.js';
import { loadTls } from './tls.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

async function main(): Promise<void> {
  const t0 = performance.now();
  const env = process.env;
  const dataDir = resolveDataDir(env);
  const merchant = persistentSecret(dataDir, 'merchant-token', env.MERCHANT_TOKEN);
  const tls = await loadTls(env, dataDir);
  const config: Config = {
    port: envInt(env, 'PORT', DEFAULTS.port),
    host: env.HOST ?? DEFAULTS.host,
    dataDir,
    clientDir: env.CLIENT_DIR ?? join(root, 'dist', 'client'),
    modelsDir: env.MODELS_DIR ?? join(root, 'models', 'files'),
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    shopName: env.SHOP_NAME ?? DEFAULTS.shopName,
    currency: env.SHOP_CURRENCY ?? DEFAULTS.currency,
    merchantToken: merchant.value,
    cookieSecret: persistentSecret(dataDir, 'cookie-secret', env.COOKIE_SECRET).value,
    bodyLimit: envInt(env, 'BODY_LIMIT', DEFAULTS.bodyLimit),
    maxUploadBytes: envInt(env, 'MAX_UPLOAD_BYTES', DEFAULTS.maxUploadBytes),
    ...(tls ? { tls: { key: tls.key, cert: tls.cert } } : {}),
    seedDemo: env.SEED_DEMO !== '0',
    indexInBackground: env.INDEX_IN_BACKGROUND !== '0',
    deviceIndexMaxProducts: envInt(env, 'DEVICE_INDEX_MAX', DEVICE_INDEX_MAX_PRODUCTS),
    pendingTimeoutMs: envInt(env, 'PENDING_TIMEOUT_MS', 30_000),
    recoveryEveryMs: envInt(env, 'RECOVERY_EVERY_MS', 10_000),
    logLevel: env.LOG_LEVEL ?? 'info',
  };

  const db = await openDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl, ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}) } : { dataDir: join(dataDir, 'db') },
  );
  if (config.seedDemo) await seedDemoCatalog(db.kysely, config);
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
  const app = await createApp({ db, config, version, ...checkoutFaultFromEnv(env) }, features());
  const address = await app.listen();
  // Commands that need the embedded store (index-catalog, discover) reach the server here instead.
  const own = new URL(address);
  if (['0.0.0.0', '[::]'].includes(own.hostname)) own.hostname = '127.0.0.1';
  db.lock?.announce(own.origin);
  const ms = Math.round(performance.now() - t0);

  const scheme = tls ? 'https' : 'http';
  const local = `${scheme}://localhost:${config.port}`;
  const lan = lanAddress();
  const lines = [
    '',
    `  ${config.shopName} is running (${db.kind} store, ready in ${ms} ms) at ${address}`,
    `  Shop:              ${local}/`,
    // A token given in the environment is the operator's secret: never echoed to logs.
    env.MERCHANT_TOKEN ? `  Merchant console:  ${local}/merchant (sign in with MERCHANT_TOKEN)` : `  Merchant console:  ${local}/merchant#token=${config.merchantToken}`,
    ...(lan ? [`  On a phone (same network): ${scheme}://${lan}:${config.port}/${tls ? '' : '   (camera needs HTTPS=1)'}`] : []),
    ...(merchant.created ? [`  A merchant token was generated and saved in ${join(dataDir, 'merchant-token')}.`] : []),
    ...(tls?.selfSigned ? ['  HTTPS uses a self-signed certificate: accept the warning once on each device.'] : []),
    '  Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.http.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      process.stderr.write('Shutdown took over 10 s; exiting anyway.\n');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.close();
      await db.close();
      process.stdout.write('Stopped cleanly.\n');
      process.exit(0);
    } catch (err) {
      process.stderr.write(`Error while stopping: ${String(err)}\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** CHECKOUT_FAULT=after-charge (etc.) kills this process with SIGKILL at that checkout step: crash tests only. */
function checkoutFaultFromEnv(env: NodeJS.ProcessEnv): { checkoutFaults?: CheckoutFaults } {
  const point = env.CHECKOUT_FAULT as FaultPoint | undefined;
  if (!point) return {};
  if (!FAULT_POINTS.includes(point)) throw new Error(`CHECKOUT_FAULT must be one of ${FAULT_POINTS.join(', ')}, got "${point}"`);
  process.stderr.write(`CHECKOUT_FAULT=${point}: this server kills itself at that checkout step (crash testing).\n`);
  return { checkoutFaults: { [point]: () => process.kill(process.pid, 'SIGKILL') } };
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof DataFolderLocked) {
    process.stderr.write(`Could not start: ${err.message}\n`);
  } else if (e.code === 'EADDRINUSE') {
    process.stderr.write(`Port ${process.env.PORT ?? DEFAULTS.port} is already in use. Stop the other program or set PORT=8081.\n`);
  } else {
    process.stderr.write(`Could not start: ${e.stack ?? String(e)}\n`);
  }
  process.exit(1);
});
