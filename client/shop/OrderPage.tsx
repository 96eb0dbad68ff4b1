import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from 'wouter';
import { ErrorState } from '../components/ErrorState.js';
import { OrderStatusBadge } from '../components/OrderStatusBadge.js';
import { LineSummary } from '../components/LineSummary.js';
import { Price } from '../components/Price.js';
import { Spinner } from '../components/Spinner.js';
import { api } from '../lib/api.js';
import { formatDate, orderRef } from '../lib/orders.js';

/** One order; right after checkout (?placed=1) it is the confirmation page. */
export default function OrderPage() {
  const { id } = useParams<{ id: string }>();
  const placed = new URLSearchParams(useSearch()).get('placed') === '1';
  // A pending order (the payment provider's answer was lost) is followed until the shop settles it.
  const order = useQuery({ queryKey: ['order', id], queryFn: () => api.order(id), refetchInterval: (q) => (q.state.data?.status === 'pending' ? 2000 : false) });

  if (order.isPending) return <Spinner label="Loading the order" />;
  if (order.isError) return <ErrorState error={order.error} title="Could not load this order" onRetry={() => order.refetch()} />;
  const o = order.data;
  return (
    <div className="page page-narrow order-page">
      {placed && o.status === 'paid' && (
        <div className="alert alert-ok" role="status">
          <h1>Thank you, your order is placed</h1>
          <p>Order {orderRef(o.id)} is paid. We will let the shop know right away.</p>
        </div>
      )}
      {o.status === 'pending' && (
        <div className="alert" role="status" aria-live="polite">
          <h1>Confirming your payment…</h1>
          <p>Order {orderRef(o.id)} is waiting for the payment provider's answer. This page updates by itself; you will not be charged twice.</p>
        </div>
      )}
      {placed && o.status === 'failed' && (
        <div className="alert alert-error" role="alert">
          <h1>The payment did not go through</h1>
          <p>Order {orderRef(o.id)} was not paid{o.paymentRef?.startsWith('void_') ? ' and nothing was charged' : ''}. Your items are back in your cart.</p>
        </div>
      )}
      {!placed && o.status !== 'pending' && <h1>Order {orderRef(o.id)}</h1>}
      <section className="panel" aria-label="Order details">
        <div className="summary-line">
          <span>Status</span>
          <OrderStatusBadge status={o.status} />
        </div>
        <div className="summary-line">
          <span>Placed</span>
          <span>{formatDate(o.createdAt)}</span>
        </div>
        {o.paymentRef && (
          <div className="summary-line">
            <span>Payment</span>
            <span className="muted">{o.paymentRef}</span>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="items-h">
        <h2 id="items-h">Items</h2>
        <LineSummary lines={o.lines} total={o.total} linkProducts />
      </section>
      <div className="row-gap">
        <Link href="/orders" className="btn">
          My orders
        </Link>
        <Link href="/" className="btn btn-primary">
          Keep shopping
        </Link>
      </div>
    </div>
  );
}
