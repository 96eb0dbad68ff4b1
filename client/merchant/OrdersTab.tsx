import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ORDER_STATUSES, type Order, type OrderStatus } from '../../server/protocol/api.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { OrderStatusBadge } from '../components/OrderStatusBadge.js';
import { LineSummary } from '../components/LineSummary.js';
import { Spinner } from '../components/Spinner.js';
import { errorMessage, merchantApi } from '../lib/api.js';
import { formatDate, orderRef } from '../lib/orders.js';
import { toast } from '../lib/toasts.js';

/** All orders with a status filter; paid orders can be marked shipped, paid or pending ones cancelled. */
export function OrdersTab({ token }: { token: string }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const orders = useQuery({
    queryKey: ['merchant-orders', status],
    queryFn: () => merchantApi.orders(token, status || undefined),
    refetchInterval: 15_000,
  });
  const change = useMutation({
    mutationFn: (v: { id: string; status: 'shipped' | 'cancelled' }) => merchantApi.setOrderStatus(token, v.id, v.status),
    onSuccess: (o) => {
      toast.success(`Order ${orderRef(o.id)} ${o.status}`);
      void qc.invalidateQueries({ queryKey: ['merchant-orders'] });
    },
    onError: (err) => toast.error(errorMessage(err)),
  });

  const act = (o: Order, next: 'shipped' | 'cancelled') => {
    if (next === 'cancelled' && !confirm(`Cancel order ${orderRef(o.id)}? Its items go back into stock.`)) return;
    change.mutate({ id: o.id, status: next });
  };

  return (
    <section aria-label="Orders">
      <div className="toolbar">
        <label className="visually-hidden" htmlFor="order-status">
          Status
        </label>
        <select id="order-status" value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')}>
          <option value="">All orders</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </div>
      {orders.isPending && <Spinner label="Loading orders" />}
      {orders.isError && <ErrorState error={orders.error} onRetry={() => orders.refetch()} />}
      {orders.data && orders.data.items.length === 0 && <EmptyState title="No orders here yet">{status ? `No ${status} orders.` : "Orders appear here as soon as shoppers check out."}</EmptyState>}
      {orders.data && orders.data.items.length > 0 && (
        <ul className="admin-list">
          {orders.data.items.map((o) => (
            <li key={o.id} className="panel" aria-label={`Order ${orderRef(o.id)}`}>
              <div className="summary-line">
                <strong>Order {orderRef(o.id)}</strong>
                <OrderStatusBadge status={o.status} />
              </div>
              <div className="muted">{formatDate(o.createdAt)}</div>
              <LineSummary lines={o.lines} total={o.total} />
              <div className="admin-actions">
                {o.status === 'paid' && (
                  <button type="button" className="btn btn-primary" disabled={change.isPending} onClick={() => act(o, 'shipped')}>
                    Mark shipped
                  </button>
                )}
                {(o.status === 'paid' || o.status === 'pending') && (
                  <button type="button" className="btn" disabled={change.isPending} onClick={() => act(o, 'cancelled')}>
                    Cancel order
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
