/** Table types of the database, as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface ProductsTable {
  id: string;
  name: string;
  description: string;
  category: string;
  price_minor: number;
  currency: string;
  stock: number;
  attributes: Json<Record<string, unknown>>;
  search_text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PhotosTable {
  id: string;
  product_id: string;
  position: number;
  width: number;
  height: number;
  created_at: Timestamp;
}

export interface CartLinesTable {
  id: Generated<number>;
  shopper_id: string;
  product_id: string;
  variant: string;
  quantity: number;
  deal_id: string | null;
  created_at: Timestamp;
}

export interface OrdersTable {
  id: string;
  shopper_id: string;
  status: string;
  total_minor: number;
  currency: string;
  idempotency_key: string;
  cart_hash: string;
  payment_ref: string | null;
  session_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TestChargesTable {
  order_id: string;
  status: 'paid' | 'failed';
  ref: string;
  reason: string | null;
  created_at: Generated<Date>;
}

export interface OrderLinesTable {
  order_id: string;
  position: number;
  product_id: string;
  variant: string;
  name: string;
  unit_price_minor: number;
  quantity: number;
}

export interface KvTable {
  key: string;
  value: string;
}

export interface LiveSessionsTable {
  id: string;
  title: string;
  starts_at: Date | string | null;
  cover_product_id: string | null;
  stream_url: string | null;
  /** The host's socket now (null when no host is connected); see migration 0006. */
  host_socket: ColumnType<string | null, string | null | undefined, string | null>;
  host_key: string;
  status: string;
  last_seq: Generated<number>;
  pins: Json<string[]>;
  peak_viewers: Generated<number>;
  pushes: Generated<number>;
  adds: Generated<number>;
  orders: Generated<number>;
  revenue_minor: ColumnType<number | string, number | undefined, number>;
  currency: string;
  created_at: Timestamp;
  ended_at: Date | string | null;
}

export interface LiveEventsTable {
  session_id: string;
  seq: number;
  type: string;
  body: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface LiveViewersTable {
  session_id: string;
  viewer_id: string;
  name: string;
  muted: Generated<boolean>;
  banned: Generated<boolean>;
  joined_at: Timestamp;
}

export interface LiveDealsTable {
  id: string;
  session_id: string;
  product_id: string;
  price_minor: number;
  quantity: number;
  remaining: number;
  per_viewer: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reservation_expires_at: Timestamp;
}

export interface LiveReservationsTable {
  deal_id: string;
  shopper_id: string;
  product_id: string;
  taken: number;
  held: number;
  expires_at: Timestamp;
}

export interface ProductEmbeddingsTable {
  product_id: string;
  photo_id: string;
  model_id: string;
  model_version: string;
  dims: number;
  vector: Uint8Array;
  updated_at: Timestamp;
}

export interface Database {
  products: ProductsTable;
  photos: PhotosTable;
  cart_lines: CartLinesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  test_charges: TestChargesTable;
  kv: KvTable;
  live_sessions: LiveSessionsTable;
  live_events: LiveEventsTable;
  live_viewers: LiveViewersTable;
  live_deals: LiveDealsTable;
  live_reservations: LiveReservationsTable;
  product_embeddings: ProductEmbeddingsTable;
}
