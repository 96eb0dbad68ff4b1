/** Words for orders shown to shoppers and the merchant. */
import type { Order } from '../../server/protocol/api.js';

/** "Aviator Gold + 2 more" for an order's lines. */
export function orderTitle(o: Pick<Order, 'lines'>): string {
  const first = o.lines[0];
  if (!first) return 'Empty order';
  const rest = o.lines.length - 1;
  return rest > 0 ? `${first.name} + ${rest} more` : first.name;
}

/** A short date and time in the viewer's locale. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The short reference shoppers read out: the last 8 characters of the id, upper case. */
export function orderRef(id: string): string {
  return id.slice(-8).toUpperCase();
}
