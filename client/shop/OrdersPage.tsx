import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { OrderStatusBadge } from '../components/OrderStatusBadge.js';
import { Price } from '../components/Price.js';
import { Spinner } from '../components/Spinner.js';
import { api } from '../lib/api.js';
import { formatDate, orderTitle } from '../lib/orders.js';

/** "My orders": this device's orders, newest first. */
export default function OrdersPage() {
  const orders = useQuery({ queryKey: ['orders'], queryFn: api.orders });
  return (
    <div className="page page-narrow">
      <h1>My orders</h1>
      {orders.isPending && <Spinner label="Loading your orders" />}
      {orders.isError && <ErrorState error={orders.error} title="Could not load your orders" onRetry={() => orders.refetch()} />}
      {orders.data && orders.data.items.length === 0 && (
        <EmptyState
          title="No orders yet"
          action={
            <Link href="/" className="btn btn-primary">
              Start shopping
            </Link>
          }
        >
          Orders you place on this device show up here.
        </EmptyState>
      )}
      {orders.data && orders.data.items.length > 0 && (
        <ul className="order-list">
          {orders.data.items.map((o) => (
            <li key={o.id}>
              <Link href={`/orders/${o.id}`} className="order-item">
                <span>
                  <strong>{orderTitle(o)}</strong>
                  <br />
                  <span className="muted">{formatDate(o.createdAt)}</span>
                </span>
                <span className="row-gap">
                  <Price money={o.total} />
                  <OrderStatusBadge status={o.status} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
