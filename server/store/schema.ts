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

export interface Database {
  products: ProductsTable;
  photos: PhotosTable;
  cart_lines: CartLinesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  kv: KvTable;
}
