/** The browser's API helpers against a real server: errors arrive as ApiError with the server's code. */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, request } from '../../client/lib/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('client API helpers', () => {
  it('a missing product is NOT_FOUND with status 404 and the server’s sentence', async () => {
    const err = await failure(request('GET', `${server.url}/api/products/no-such-thing`));
    expect([err.status, err.code]).toEqual([404, 'NOT_FOUND']);
    expect(err.message).toContain('no-such-thing');
  });

  it('a refused body carries the field issues the merchant form shows', async () => {
    const err = await failure(
      request('POST', `${server.url}/api/products`, {
        token: server.merchantToken,
        body: { name: '', category: 'sunglasses', price: { amount: 100, currency: 'EUR' }, stock: 1, attributes: { frameWidthMm: 10 } },
      }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['name', 'attributes.frameWidthMm']));
  });

  it('a wrong merchant token is FORBIDDEN, a missing one UNAUTHORIZED', async () => {
    expect((await failure(request('GET', `${server.url}/api/merchant/me`, { token: 'nope' }))).code).toBe('FORBIDDEN');
    expect((await failure(request('GET', `${server.url}/api/merchant/me`))).code).toBe('UNAUTHORIZED');
  });

  it('an unreachable server is a NETWORK error with status 0', async () => {
    // A port that was just free on loopback: nothing listens there, so the connection is refused.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));
    const err = await failure(request('GET', `http://127.0.0.1:${port}/api/health`));
    expect([err.status, err.code]).toEqual([0, 'NETWORK']);
  });

  it('a success returns the parsed body', async () => {
    const health = await request<{ ok: boolean; store: string }>('GET', `${server.url}/api/health`);
    expect(health).toMatchObject({ ok: true, store: 'pglite' });
  });
});
