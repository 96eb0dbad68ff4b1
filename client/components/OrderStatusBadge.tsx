import type { OrderStatus } from '../../server/protocol/api.js';

const LABEL: Record<OrderStatus, string> = {
  pending: 'Pending',
  paid: 'Paid',
  failed: 'Payment failed',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
};

/** An order's status as a coloured label. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`status status-${status}`}>{LABEL[status]}</span>;
}
