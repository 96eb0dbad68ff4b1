/** Liveness and readiness: /api/health answers while the process runs; /api/ready checks the store and registered dependencies, each within 2 s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES, startTestServer, type TestServer } from '../support/server.js';

describe.each(STORES)('readiness on %s', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ store });
  });
  afterAll(() => server?.close());

  it('is ready when the database answers, and live whatever happens', async () => {
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { database: { ok: true } } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('is not ready, naming the dependency, when one fails or hangs, and ready again when it recovers', async () => {
    let redis: () => Promise<unknown> = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6390'));
    server.app.addReadinessCheck('redis', () => redis());
    let res = await fetch(`${server.url}/api/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, checks: { database: { ok: true }, redis: { ok: false, error: 'connect ECONNREFUSED 127.0.0.1:6390' } } });

    redis = () => new Promise(() => undefined);
    const t0 = performance.now();
    res = await fetch(`${server.url}/api/ready`);
    expect(res.status).toBe(503);
    expect((await res.json()).checks.redis).toEqual({ ok: false, error: 'no answer within 2 s' });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    redis = async () => 'PONG';
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
  });
});
