/**
 * Builds the whole server from its parts: HTTP API, web client, media, models and Socket.IO on
 * one port. Reads no environment; `server/index.ts` does that and listens.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import { Server as SocketServer } from 'socket.io';
import { discoverUrl, SHARE_ACTION } from '../client/pwa/shareTarget.js';
import type { Config } from './config.js';
import { createShopEvents, type ShopEvents } from './domain/events.js';
import { databaseLedger, type PaymentProvider, testPaymentProvider } from './domain/payments.js';
import type { CheckoutFaults } from './checkout/checkout.js';
import { startRecovery } from './checkout/recovery.js';
import { cartRoutes } from './http/carts.js';
import type { RouteContext } from './http/context.js';
import { installErrorHandling, sendError } from './http/errors.js';
import { installShopperIdentity, requireMerchant } from './http/identity.js';
import { orderRoutes } from './http/orders.js';
import { productRoutes } from './http/products.js';
import { shareRoutes } from './http/share.js';
import { securityHeaders, sameOrigin } from './http/security.js';
import { createMetrics, metricsRoutes } from './http/metrics.js';
import { readinessRoute } from './http/readiness.js';
import { mediaDir } from './media/photos.js';
import type { Db } from './store/db.js';

export interface AppDeps {
  db: Db;
  config: Config;
  payments?: PaymentProvider;
  now?: () => Date;
  /** Test hooks between checkout steps (kill -9 tests). */
  checkoutFaults?: CheckoutFaults;
  /** Fastify logger options; false silences it (tests). */
  logger?: FastifyServerOptions['logger'];
  version?: string;
}

export interface ShopApp {
  http: FastifyInstance;
  io: SocketServer;
  events: ShopEvents;
  ctx: RouteContext;
  /** Every HTTP route (method and URL pattern), features' included once they are mounted. */
  routes: readonly { method: string; url: string }[];
  /** Adds a dependency to GET /api/ready (a rejected promise makes the server not ready). */
  addReadinessCheck(name: string, check: () => Promise<unknown>): void;
  /** Listens and resolves with the bound address, e.g. http://127.0.0.1:54321. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting, lets in-flight requests finish, closes sockets. The caller closes the db. */
  close(): Promise<void>;
}

/** Hooks that later features (live sessions, discovery) register to add routes and socket handlers. */
export type Feature = (app: ShopApp) => void | Promise<void>;

export async function createApp(deps: AppDeps, features: Feature[] = []): Promise<ShopApp> {
  const { config, db } = deps;
  const started = Date.now();
  const http = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...(config.tls ? { https: { key: config.tls.key, cert: config.tls.cert } } : {}),
  }) as unknown as FastifyInstance;

  const events = createShopEvents();
  // Sockets are counted at scrape time, once the Socket.IO server below exists.
  let ioRef: SocketServer | undefined;
  const metrics = createMetrics(() => ioRef?.engine.clientsCount ?? 0);
  const ctx: RouteContext = {
    db: db.kysely,
    storeKind: db.kind,
    config,
    payments: deps.payments ?? testPaymentProvider({ ledger: databaseLedger(db.kysely) }),
    events,
    now: deps.now ?? (() => new Date()),
    ...(deps.checkoutFaults ? { faults: deps.checkoutFaults } : {}),
    metrics,
  };

  // Every route, as registered (the fuzzer walks them all).
  const routes: { method: string; url: string }[] = [];
  http.addHook('onRoute', (r) => {
    for (const method of ([] as string[]).concat(r.method)) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  await http.register(fastifyHelmet, securityHeaders());
  await http.register(fastifyCookie, { secret: config.cookieSecret });
  await http.register(fastifyMultipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, parts: 12 },
    throwFileSizeLimit: true,
  });
  installErrorHandling(http);
  metricsRoutes(http, metrics, { preHandler: requireMerchant(config.merchantToken) });
  installShopperIdentity(http, { secure: Boolean(config.tls) });
  http.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  const addReadinessCheck = readinessRoute(http, { database: () => sql`select 1`.execute(db.kysely) });

  // Liveness: the process answers (no dependency checked; see /api/ready).
  http.get('/api/health', async () => ({
    ok: true,
    version: deps.version ?? '0.0.0',
    store: db.kind,
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
  }));
  http.get('/api/me', async (req) => ({ shopperId: req.shopperId, currency: config.currency, shopName: config.shopName }));
  http.get('/api/merchant/me', { preHandler: requireMerchant(config.merchantToken) }, async () => ({ ok: true }));
  productRoutes(http, ctx);
  cartRoutes(http, ctx);
  orderRoutes(http, ctx);
  shareRoutes(http, ctx);

  // Web Share Target: the installed app's service worker answers this POST on the phone and keeps the
  // photo there. Reaching the server means no service worker yet: the body is never read or stored
  // (a parser that ignores every content type), and Discover says why.
  await http.register(async (share) => {
    share.removeAllContentTypeParsers();
    share.addContentTypeParser('*', (_req, _body, done) => done(null));
    share.post(SHARE_ACTION, async (_req, reply) => reply.header('cache-control', 'no-store').redirect(discoverUrl('unavailable'), 303));
  });

  await http.register(fastifyStatic, {
    root: mediaDir(config.dataDir),
    prefix: '/media/',
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
  });
  if (config.modelsDir && existsSync(config.modelsDir)) {
    await http.register(fastifyStatic, {
      root: config.modelsDir,
      prefix: '/models/',
      decorateReply: false,
      maxAge: '7d',
    });
  }
  const index = config.clientDir && join(config.clientDir, 'index.html');
  if (config.clientDir && index && existsSync(index)) {
    await http.register(fastifyStatic, {
      root: config.clientDir,
      prefix: '/',
      wildcard: false,
      // Hashed asset names may be cached for good; index.html must always be fresh.
      setHeaders: (res, path) => {
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  http.setNotFoundHandler((req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (wantsPage && index && existsSync(index)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', config.clientDir!);
    }
    return sendError(reply, 'NOT_FOUND', `Nothing at ${req.method} ${req.url.split('?')[0]}.`);
  });

  const io = new SocketServer(http.server, {
    // Only pages of this shop may open a live connection (a cross-site page would ride the shopper's cookie).
    allowRequest: (req, done) => {
      const origin = req.headers.origin;
      done(null, origin === undefined || sameOrigin(origin, req.headers.host, config.publicUrl));
    },
    maxHttpBufferSize: 64 * 1024,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
    serveClient: false,
  });
  ioRef = io;

  // Orders a crash or a lost provider answer left pending are settled from the provider's record.
  const stopRecovery = startRecovery(ctx, {
    everyMs: config.recoveryEveryMs ?? 10_000,
    olderThanMs: config.pendingTimeoutMs ?? 30_000,
    log: http.log,
  });
  http.addHook('onClose', stopRecovery);

  const shop: ShopApp = {
    http,
    io,
    events,
    ctx,
    routes,
    addReadinessCheck,
    async listen(port = config.port, host = config.host) {
      const address = await http.listen({ port, host });
      return address.replace('[::1]', '127.0.0.1');
    },
    async close() {
      // Drop live connections first: an open WebSocket would keep the HTTP server from closing.
      io.disconnectSockets(true);
      io.engine.close();
      await http.close();
    },
  };
  for (const feature of features) await feature(shop);
  return shop;
}
