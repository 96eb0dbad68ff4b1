/** In-process notifications between features (stock changes, orders), free of any transport. */
import { EventEmitter } from 'node:events';

export interface ShopEventMap {
  /** Stock of these products changed (checkout, refund, merchant edit). */
  'stock:changed': [productIds: string[]];
  /** An order was paid; live sessions attribute it when it carries their id. */
  'order:paid': [order: { id: string; sessionId: string | null; totalMinor: number; currency: string; shopperId: string }];
  'product:changed': [productId: string];
}

export type ShopEvents = EventEmitter<ShopEventMap>;

export function createShopEvents(): ShopEvents {
  const e = new EventEmitter<ShopEventMap>();
  e.setMaxListeners(50);
  return e;
}
