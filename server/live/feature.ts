/**
 * The live shopping feature: REST routes, the `/live` Socket.IO namespace, shop event wiring
 * (stock, paid orders), the reservation sweeper and, with REDIS_URL, the Redis Streams adapter.
 */
import type { Feature, ShopApp } from '../app.js';
import { releaseExpired } from './deal-store.js';
import { createLiveLimits } from './limits.js';
import { useRedisStreams } from './redis.js';
import { liveRoutes } from './routes.js';
import { LiveService } from './service.js';
import { snapshotRoutes } from './snapshots.js';
import { attachLiveSockets } from './socket.js';

export interface LiveOptions {
  /** Redis stream name (and session key prefix) so several deployments or test runs share one Redis. */
  redisStreamName?: string;
  /** How often expired flash-deal reservations give their stock back. */
  sweepMs?: number;
}

/** Mounts live sessions on the shop app. */
export function liveFeature(opts: LiveOptions = {}): Feature {
  return async (app: ShopApp) => {
    const { ctx, io, http, events } = app;
    const redis = ctx.config.redisUrl ? await useRedisStreams(io, ctx.config.redisUrl, opts.redisStreamName ?? 'shopsee-live', http.log) : undefined;
    if (redis) app.addReadinessCheck('redis', () => redis.ping());
    const limits = createLiveLimits({ ...(redis ? { redis: redis.client } : {}), prefix: opts.redisStreamName ?? 'shopsee-live', ...(ctx.config.liveLimits ? { rules: ctx.config.liveLimits } : {}) });
    const service = new LiveService({ db: ctx.db, now: ctx.now, currency: ctx.config.currency, merchantToken: ctx.config.merchantToken, dataDir: ctx.config.dataDir, limits });
    const log = (err: unknown) => http.log.error({ err }, 'live');
    const sockets = attachLiveSockets(io.of('/live'), http, service, { db: ctx.db, stockChanged: (ids) => events.emit('stock:changed', ids), metrics: ctx.metrics });
    liveRoutes(http, ctx, limits);
    snapshotRoutes(http, ctx, service, (sessionId, evs) => sockets.publish(sessionId, evs));

    const onStock = (ids: string[]) => {
      void service
        .stockChanged(ids)
        .then((out) => {
          for (const { sessionId, event } of out) sockets.publish(sessionId, [event]);
        })
        .catch(log);
    };
    const onPaid = (o: { sessionId: string | null; totalMinor: number }) => {
      if (!o.sessionId) return;
      const sessionId = o.sessionId;
      void service.orderPaid(sessionId, o.totalMinor).then(() => sockets.presence.figuresChanged(sessionId)).catch(log);
    };
    events.on('stock:changed', onStock);
    events.on('order:paid', onPaid);
    const sweeper = setInterval(() => {
      void releaseExpired(ctx.db, ctx.now())
        .then((ids) => ids.length && events.emit('stock:changed', ids))
        .catch(log);
    }, opts.sweepMs ?? 5000);
    sweeper.unref();

    http.addHook('onClose', async () => {
      clearInterval(sweeper);
      events.off('stock:changed', onStock);
      events.off('order:paid', onPaid);
      sockets.close();
      await redis?.close();
    });
  };
}
