/** PostgreSQL deployments side by side: each schema of one database migrates and keeps its own rows. */
import { describe, expect, it } from 'vitest';
import { insertProduct } from '../../server/store/products.js';
import { openTestDb } from '../support/server.js';

describe('PostgreSQL schemas', () => {
  it('migrates a new schema while another schema of the same database is already migrated, and keeps their rows apart', async () => {
    const first = await openTestDb('postgres');
    try {
      const second = await openTestDb('postgres');
      try {
        await insertProduct(first.kysely, {
          id: 'only-in-first',
          name: 'Only in first',
          description: '',
          category: 'home',
          price: { amount: 100, currency: 'EUR' },
          stock: 1,
          attributes: {},
        });
        expect((await first.kysely.selectFrom('products').select('id').execute()).map((r) => r.id)).toEqual(['only-in-first']);
        expect(await second.kysely.selectFrom('products').select('id').execute()).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
});
