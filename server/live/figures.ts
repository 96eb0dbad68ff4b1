/** The host's live figures: viewers now and peak, pushes, adds, orders and revenue. */
import type { Figures } from '../protocol/live.js';

export function emptyFigures(currency: string): Figures {
  return { viewersNow: 0, viewersPeak: 0, pushes: 0, addsToCart: 0, orders: 0, revenueMinor: 0, currency };
}

/** The peak after seeing `now` viewers. */
export function nextPeak(peak: number, now: number): number {
  return Math.max(peak, now);
}

/** Average order value in minor units, 0 without orders. */
export function averageOrderMinor(f: Figures): number {
  return f.orders === 0 ? 0 : Math.round(f.revenueMinor / f.orders);
}

/** Share of adds to cart that became orders, 0..1. */
export function conversion(f: Figures): number {
  return f.addsToCart === 0 ? 0 : Math.min(1, f.orders / f.addsToCart);
}
