/** What every route module receives: the store, the configuration and the shared services. */
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { PaymentProvider } from '../domain/payments.js';
import type { Database } from '../store/schema.js';
import type { StoreKind } from '../store/db.js';
import type { ShopEvents } from '../domain/events.js';
import type { CheckoutFaults } from '../checkout/checkout.js';
import type { ShopMetrics } from './metrics.js';

export interface RouteContext {
  db: Kysely<Database>;
  storeKind: StoreKind;
  config: Config;
  payments: PaymentProvider;
  events: ShopEvents;
  now: () => Date;
  /** Prometheus counters features add to (live events, checkouts, recovery). */
  metrics?: ShopMetrics;
  /** Test hooks between checkout steps (kill -9 tests); absent in production. */
  faults?: CheckoutFaults;
}
