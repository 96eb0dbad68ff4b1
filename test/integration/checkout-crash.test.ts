/**
 * Checkout that always finishes: the real server is killed with -9 at each checkout fault point,
 * restarted on the same data, and every order ends paid or failed (never pending past the recovery
 * window), charged at most once, with stock + paid units equal to the stock before, on both stores.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { FaultPoint } from '../../server/checkout/checkout.js';
import { type Running, spawnServer } from '../support/process.js';
import { POSTGRES_URL } from '../support/server.js';

const PRODUCT = 'stoneware-mug-teal';
// Waiting shoppers get recovery after 2 s; retrying ones retry before recovery would act.
const recovery = (then: 'retry' | 'wait') => ({ PENDING_TIMEOUT_MS: then === 'wait' ? '2000' : '600000', RECOVERY_EVERY_MS: '500' });

/** A shopper's requests with its cookie kept across server restarts (the cookie secret is in DATA_DIR). */
class Client {
  cookie = '';
  constructor(public url: string) {}
  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.url + path, {
      method,
      headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.getSetCookie();
    if (set.length) this.cookie = set.map((c) => c.split(';')[0]).join('; ');
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
  }
}

const stockOf = async (c: Client) => (await c.call('GET', `/api/products/${PRODUCT}`)).body.stock as number;

describe.each(['pglite', 'postgres'] as const)('checkout killed with -9 on %s', (store) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopsee-crash-'));
  const schema = `t_crash_${randomBytes(5).toString('hex')}`;
  const env: Record<string, string> = { DATA_DIR: dataDir, INDEX_IN_BACKGROUND: '0', ...(store === 'postgres' ? { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema } : {}) };
  const running: Running[] = [];

  afterAll(async () => {
    for (const r of running) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (store === 'postgres') {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  });

  const cases: [FaultPoint, 'retry' | 'wait', 'paid' | 'failed'][] = [
    ['after-order-insert', 'retry', 'paid'],
    ['after-order-insert', 'wait', 'failed'],
    ['after-charge', 'wait', 'paid'],
    ['before-status-update', 'retry', 'paid'],
  ];

  it.each(cases)('killed %s, then the shopper %s: the order ends %s, charged at most once, stock accounted for', async (point, then, outcome) => {
    const crashing = await spawnServer({ ...env, ...recovery(then), CHECKOUT_FAULT: point });
    running.push(crashing);
    const shopper = new Client(crashing.url);
    const before = await stockOf(shopper);
    expect((await shopper.call('POST', '/api/cart/lines', { productId: PRODUCT, quantity: 2 })).status).toBe(201);
    const key = randomUUID();
    await expect(shopper.call('POST', '/api/checkout', { paymentToken: 'tok_visa' }, { 'idempotency-key': key })).rejects.toThrow();
    await crashing.exited;

    const server = await spawnServer({ ...env, ...recovery(then) });
    running.push(server);
    try {
      await settleAndCheck(server, shopper, { key, before, then, outcome });
    } finally {
      // Stop it even when an assertion failed: the next case needs the data folder.
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);
});

/** After the restart: the retry or the recovery settles the order; everything adds up. */
async function settleAndCheck(
  server: Running,
  shopper: Client,
  c: { key: string; before: number; then: 'retry' | 'wait'; outcome: 'paid' | 'failed' },
): Promise<void> {
  shopper.url = server.url;
  let order: any;
  if (c.then === 'retry') {
    // Same key, same attempt: the pending order is resumed (charged once) instead of answering "pending".
    const retry = await shopper.call('POST', '/api/checkout', { paymentToken: 'tok_visa' }, { 'idempotency-key': c.key });
    expect([200, 201]).toContain(retry.status);
    order = retry.body;
  } else {
    const deadline = Date.now() + 60_000;
    do {
      await new Promise((r) => setTimeout(r, 250));
      order = (await shopper.call('GET', '/api/orders')).body.items[0];
    } while (order?.status === 'pending' && Date.now() < deadline);
  }
  expect(order.status).toBe(c.outcome);
  expect((await shopper.call('GET', '/api/orders')).body.items).toHaveLength(1);
  const paidUnits = c.outcome === 'paid' ? 2 : 0;
  expect((await stockOf(shopper)) + paidUnits).toBe(c.before);
  const cart = (await shopper.call('GET', '/api/cart')).body;
  if (c.outcome === 'failed') {
    // Nothing was charged (the payment was voided): the lines are back in the cart.
    expect(order.paymentRef).toMatch(/^void_/);
    expect(cart.lines).toEqual([expect.objectContaining({ productId: PRODUCT, quantity: 2 })]);
  } else {
    expect(order.paymentRef).toMatch(/^test_/);
    expect(cart.lines).toEqual([]);
    // Retrying once more answers the same order, never a second charge.
    const again = await shopper.call('POST', '/api/checkout', { paymentToken: 'tok_visa' }, { 'idempotency-key': c.key });
    expect(again.body).toMatchObject({ id: order.id, status: 'paid', paymentRef: order.paymentRef });
  }
}
