import { ApiError, errorMessage } from '../lib/api.js';
import { useUi } from '../lib/ui.js';

interface ShortLine {
  productId: string;
  name: string;
  requested: number;
  available: number;
}

function shortLines(details: unknown): ShortLine[] {
  const lines = (details as { lines?: unknown } | undefined)?.lines;
  return Array.isArray(lines) ? (lines as ShortLine[]) : [];
}

/** Why the last checkout attempt did not place an order, in words a shopper can act on. */
export function CheckoutProblem({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.code === 'OUT_OF_STOCK') {
    const lines = shortLines(error.details);
    return (
      <div className="alert alert-warn" role="alert">
        <strong>Some items are no longer available in that quantity.</strong>
        {lines.length > 0 ? (
          <ul>
            {lines.map((l) => (
              <li key={l.productId}>
                {l.name}: you asked for {l.requested}, {l.available === 0 ? 'none are left' : `only ${l.available} left`}.
              </li>
            ))}
          </ul>
        ) : (
          <p>{error.message}</p>
        )}
        <p>Change the quantities in your cart, then pay again. Nothing was charged.</p>
        <button type="button" className="btn" onClick={() => useUi.getState().openCart()}>
          Edit cart
        </button>
      </div>
    );
  }
  if (error instanceof ApiError && error.code === 'PAYMENT_FAILED') {
    return (
      <div className="alert alert-error" role="alert">
        <strong>Your payment was declined.</strong>
        <p>Your cart is unchanged and nothing was charged. Choose another card and try again.</p>
      </div>
    );
  }
  if (error instanceof ApiError && error.code === 'NETWORK') {
    return (
      <div className="alert alert-error" role="alert">
        <strong>We could not reach the shop.</strong>
        <p>Check your connection and press Pay again: you will not be charged twice.</p>
      </div>
    );
  }
  return (
    <div className="alert alert-error" role="alert">
      <strong>The order could not be placed.</strong>
      <p>{errorMessage(error)}</p>
    </div>
  );
}
