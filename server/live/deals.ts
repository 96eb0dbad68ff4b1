/** Flash deal rules: when a deal may start, its window on the server clock, and what a viewer may take. */
import { AppError } from '../protocol/errors.js';
import { LIMITS } from '../protocol/live.js';

/**
 * How long units added during a deal stay reserved for checkout after the deal ends: long enough to
 * pay (a checkout takes well under a minute), short enough that units a hoarder never pays for come
 * back while people still want them (issue 9: ten minutes kept stock at 0 long after the live).
 */
export const RESERVATION_HOLD_MS = 3 * 60 * 1000;

export interface DealInput {
  productId: string;
  priceMinor: number;
  durationSeconds: number;
  quantity: number;
  perViewer: number;
}

export interface DealWindow {
  startsAt: Date;
  endsAt: Date;
  reservationExpiresAt: Date;
}

/**
 * Checks a new deal against the product and any running deal, and returns its window. The
 * deal must undercut the list price and cannot promise more units than are in stock.
 */
export function planDeal(
  input: DealInput,
  product: { priceMinor: number; stock: number; name: string },
  running: { endsAt: Date } | null,
  now: Date,
): DealWindow {
  if (running && running.endsAt.getTime() > now.getTime()) {
    throw new AppError('CONFLICT', 'A flash deal is already running; wait for it to end.');
  }
  if (input.durationSeconds < LIMITS.dealMinSeconds || input.durationSeconds > LIMITS.dealMaxSeconds) {
    throw new AppError('VALIDATION_FAILED', `A deal lasts ${LIMITS.dealMinSeconds} to ${LIMITS.dealMaxSeconds} seconds.`);
  }
  if (input.priceMinor >= product.priceMinor) {
    throw new AppError('VALIDATION_FAILED', `The deal price must be below the list price of ${product.name}.`);
  }
  if (input.quantity > product.stock) {
    throw new AppError('OUT_OF_STOCK', `Only ${product.stock} of ${product.name} in stock for the deal.`, { available: product.stock });
  }
  if (input.perViewer > input.quantity) {
    throw new AppError('VALIDATION_FAILED', 'The per-viewer limit cannot exceed the deal quantity.');
  }
  const endsAt = new Date(now.getTime() + input.durationSeconds * 1000);
  return { startsAt: now, endsAt, reservationExpiresAt: new Date(endsAt.getTime() + RESERVATION_HOLD_MS) };
}

/** Throws DEAL_EXPIRED unless the deal is running at `now`. */
export function requireDealOpen(deal: { startsAt: Date; endsAt: Date }, now: Date): void {
  const t = now.getTime();
  if (t < deal.startsAt.getTime() || t >= deal.endsAt.getTime()) {
    throw new AppError('DEAL_EXPIRED', 'This flash deal has ended.');
  }
}

/** Milliseconds left on a deal at `now`, never negative; clients count down from the server's figure. */
export function dealRemainingMs(deal: { endsAt: Date }, now: Date): number {
  return Math.max(0, deal.endsAt.getTime() - now.getTime());
}

/** Throws LIMIT_REACHED when a viewer would take more than the per-viewer limit. */
export function checkPerViewer(alreadyTaken: number, wanted: number, perViewer: number): void {
  if (alreadyTaken + wanted > perViewer) {
    throw new AppError('LIMIT_REACHED', `This deal allows ${perViewer} per viewer; you already have ${alreadyTaken}.`, {
      perViewer,
      taken: alreadyTaken,
    });
  }
}
