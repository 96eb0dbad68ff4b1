/** Figures derived from the host's live counters for the summary. Plain TS. */
import type { Figures } from '../../server/protocol/live.js';

/** Average order value in minor units, 0 without orders. */
export function averageOrderMinor(f: Figures): number {
  return f.orders === 0 ? 0 : Math.round(f.revenueMinor / f.orders);
}

/** Orders per add to cart, 0..1 (0 without adds). */
export function conversion(f: Figures): number {
  return f.addsToCart === 0 ? 0 : Math.min(1, f.orders / f.addsToCart);
}
