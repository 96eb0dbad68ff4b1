/** Every migration, by a name that sorts in apply order. A feature adds its file and one line here. */
import type { Migration } from 'kysely';
import { shop } from './0001_shop.js';
import { live } from './0003_live.js';
import { discovery } from './0004_discovery.js';
import { payments } from './0005_payments.js';
import { liveHostSocket } from './0006_live_host_socket.js';

export const migrations: Record<string, Migration> = {
  '0001_shop': shop,
  '0003_live': live,
  '0004_discovery': discovery,
  '0005_payments': payments,
  '0006_live_host_socket': liveHostSocket,
};
