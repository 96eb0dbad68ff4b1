import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LineSummary } from '../components/LineSummary.js';
import { Price } from '../components/Price.js';
import { Spinner } from '../components/Spinner.js';
import { api, ApiError, errorMessage } from '../lib/api.js';
import { CART_KEY, useCart } from '../lib/cart.js';
import { attemptKey, cartSignature, endAttempt, pendingAttemptKey } from '../lib/checkoutAttempt.js';
import { CheckoutProblem } from './CheckoutProblem.js';
import { liveAttribution } from '../live/attribution.js';

const PAYMENT_OPTIONS = [
  { token: 'tok_visa', label: 'Test card (pays)', hint: 'Approved instantly' },
  { token: 'tok_declined', label: 'Test card (declined)', hint: 'The bank says no; nothing is charged' },
] as const;

/** Checkout: the cart's summary, a test payment choice and one idempotent "Pay" per attempt. */
export default function CheckoutPage() {
  const cart = useCart();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [token, setToken] = useState<string>('tok_visa');

  const pay = useMutation({
    // `key` is given when re-checking an attempt whose cart the server may already have emptied.
    mutationFn: async (v: { key?: string } = {}) => {
      const key = v.key ?? attemptKey(sessionStorage, cartSignature(cart.data?.lines ?? []));
      return api.checkout({ paymentToken: token, ...liveAttribution() }, key);
    },
    onSuccess: (order) => {
      endAttempt(sessionStorage);
      qc.setQueryData(['order', order.id], order);
      void qc.invalidateQueries({ queryKey: CART_KEY });
      void qc.invalidateQueries({ queryKey: ['orders'] });
      void qc.invalidateQueries({ queryKey: ['products'] });
      navigate(`/orders/${order.id}?placed=1`);
    },
    onError: (err) => {
      // A network error leaves the outcome unknown: keep the key (and the cart on screen) so "Pay"
      // again is the same attempt. Any other answer is definite: forget the key, show the real cart.
      if (err instanceof ApiError && err.code === 'NETWORK') return;
      endAttempt(sessionStorage);
      void qc.invalidateQueries({ queryKey: CART_KEY });
    },
  });

  if (cart.isPending) return <Spinner label="Loading your cart" />;
  if (cart.isError) return <ErrorState error={cart.error} title="Could not load your cart" onRetry={() => cart.refetch()} />;
  const c = cart.data;
  const pending = pendingAttemptKey(sessionStorage);
  if (c.lines.length === 0 && pending) {
    // The cart emptied while the last attempt's answer was lost: the order was probably placed.
    return (
      <div className="page page-narrow">
        <h1>Checking your last payment</h1>
        {pay.isError && <CheckoutProblem error={pay.error} />}
        <p>We lost the connection while you paid. Check again to see your order; you will not be charged twice.</p>
        <button type="button" className="btn btn-primary btn-block btn-lg" disabled={pay.isPending} onClick={() => pay.mutate({ key: pending })}>
          {pay.isPending ? 'Checking…' : 'Check again'}
        </button>
      </div>
    );
  }
  if (c.lines.length === 0) {
    return (
      <EmptyState
        title="Nothing to check out"
        action={
          <Link href="/" className="btn btn-primary">
            Browse the shop
          </Link>
        }
      >
        Your cart is empty.
      </EmptyState>
    );
  }

  return (
    <div className="page page-narrow checkout-page">
      <h1>Checkout</h1>
      {pay.isError && <CheckoutProblem error={pay.error} />}
      <section className="panel" aria-labelledby="summary-h">
        <h2 id="summary-h">Order summary</h2>
        <LineSummary lines={c.lines} total={c.total} />
      </section>
      <section className="panel" aria-labelledby="pay-h">
        <h2 id="pay-h">Payment</h2>
        <fieldset className="pay-options">
          <legend className="visually-hidden">Payment method</legend>
          {PAYMENT_OPTIONS.map((o) => (
            <label key={o.token} className="pay-option">
              <input type="radio" name="payment" value={o.token} checked={token === o.token} onChange={() => setToken(o.token)} />
              <span>
                <strong>{o.label}</strong>
                <br />
                <span className="muted">{o.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </section>
      <div className="sticky-cta">
        <button type="button" className="btn btn-primary btn-block btn-lg" disabled={pay.isPending} onClick={() => pay.mutate({})}>
          {pay.isPending ? 'Paying…' : <>Pay <Price money={c.total} /></>}
        </button>
      </div>
      {pay.isError && !(pay.error instanceof ApiError) && <p className="warn">{errorMessage(pay.error)}</p>}
    </div>
  );
}
