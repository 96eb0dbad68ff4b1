/**
 * Prometheus metrics at GET /metrics (merchant token, as Prometheus' bearer auth sends it): HTTP
 * latency by route, connected sockets, live events, checkout outcomes, order recovery, and Node's
 * own (event-loop lag, memory, GC) from prom-client's default collectors.
 */
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface ShopMetrics {
  registry: Registry;
  liveEvents: Counter<'type'>;
  checkouts: Counter<'outcome'>;
  recovery: Counter<'result'>;
}

/** Creates the registry; `sockets` counts open Socket.IO connections at scrape time. */
export function createMetrics(sockets: () => number): ShopMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  new Gauge({ name: 'shopsee_socket_connections', help: 'Open Socket.IO connections on this process.', registers: [registry], collect() {
    this.set(sockets());
  } });
  return {
    registry,
    liveEvents: new Counter({ name: 'shopsee_live_events_total', help: 'Live session events published, by type.', labelNames: ['type'], registers: [registry] }),
    checkouts: new Counter({ name: 'shopsee_checkouts_total', help: 'Checkout answers, by outcome.', labelNames: ['outcome'], registers: [registry] }),
    recovery: new Counter({ name: 'shopsee_order_recovery_total', help: 'Pending orders settled by recovery, by result.', labelNames: ['result'], registers: [registry] }),
  };
}

/** Times every request by its route pattern (not its URL, so ids do not explode the label set) and serves /metrics. */
export function metricsRoutes(http: FastifyInstance, metrics: ShopMetrics, guard: { preHandler: unknown }): void {
  const latency = new Histogram({
    name: 'shopsee_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  http.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    latency.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  http.get('/metrics', guard as object, async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store');
    return metrics.registry.metrics();
  });
}
