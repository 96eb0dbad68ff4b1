/** Shared helpers for the shop API integration tests: merchants, products, row counts. */
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { ProductCreate } from '../../server/protocol/api.js';
import type { Database } from '../../server/store/schema.js';
import { Shopper, type Res } from '../support/http.js';
import type { TestServer } from '../support/server.js';

/** A client that carries the test server's merchant token. */
export function merchantOf(server: TestServer): Shopper {
  return new Shopper(server.url, server.merchantToken);
}

let serial = 0;

/** Creates a product through the merchant API and returns it; fails the test when the API refuses. */
export async function createProduct(server: TestServer, over: Partial<ProductCreate> = {}): Promise<any> {
  serial += 1;
  const res = await merchantOf(server).post('/api/products', {
    name: `Test product ${serial}`,
    description: 'A product made by a test.',
    category: 'home',
    price: { amount: 1000, currency: 'EUR' },
    stock: 10,
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Rows in each shop table, to prove that a refused request wrote nothing. */
export async function rowCounts(server: TestServer): Promise<Record<keyof Database, number>> {
  const tables: Array<keyof Database> = ['products', 'photos', 'cart_lines', 'orders', 'order_lines', 'kv'];
  const out = {} as Record<keyof Database, number>;
  for (const t of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(server.db.kysely);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

/** Stock of one product as the database holds it. */
export async function stockOf(server: TestServer, productId: string): Promise<number> {
  const row = await server.db.kysely.selectFrom('products').select('stock').where('id', '=', productId).executeTakeFirstOrThrow();
  return row.stock;
}

/** Asserts an error response: status, stable code and the `{error:{code,message}}` shape. */
export function expectError(res: Res, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body?.error?.code, JSON.stringify(res.body)).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.message.length).toBeGreaterThan(5);
}

/** A fresh idempotency key. */
export function newKey(): string {
  return `key_${crypto.randomUUID()}`;
}
