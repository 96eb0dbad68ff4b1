import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { Price } from '../components/Price.js';
import { Spinner } from '../components/Spinner.js';
import { useCart } from '../lib/cart.js';
import { useUi } from '../lib/ui.js';
import { CartLineRow } from './CartLineRow.js';

/** The cart as a sheet sliding up on phones (from the right on laptops); totals come from the server. */
export function CartDrawer() {
  const { cartOpen, closeCart } = useUi();
  const cart = useCart();
  const closeRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!cartOpen) return;
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeCart();
      // Keep Tab inside the open drawer (a modal dialog), wrapping at both ends.
      if (e.key !== 'Tab' || !panelRef.current) return;
      const focusable = panelRef.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, [tabindex]:not([tabindex="-1"])');
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    document.body.classList.add('no-scroll');
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.classList.remove('no-scroll');
      opener?.focus?.();
    };
  }, [cartOpen, closeCart]);

  if (!cartOpen) return null;
  const data = cart.data;
  return (
    <div className="drawer-backdrop" onClick={closeCart}>
      <div ref={panelRef} className="drawer" role="dialog" aria-modal="true" aria-label="Your cart" onClick={(e) => e.stopPropagation()}>
        <div className="drawer-head">
          <h2>Your cart</h2>
          <button ref={closeRef} type="button" className="icon-btn" aria-label="Close cart" onClick={closeCart}>
            ×
          </button>
        </div>
        <div className="drawer-body">
          {cart.isPending && <Spinner label="Loading your cart" />}
          {cart.isError && <ErrorState error={cart.error} title="Could not load your cart" onRetry={() => cart.refetch()} />}
          {data && data.lines.length === 0 && (
            <EmptyState title="Your cart is empty">Add something you like from the shop.</EmptyState>
          )}
          {data && data.lines.length > 0 && (
            <ul className="cart-lines">
              {data.lines.map((l) => (
                <CartLineRow key={l.id} line={l} />
              ))}
            </ul>
          )}
        </div>
        {data && data.lines.length > 0 && (
          <div className="drawer-foot">
            <div className="totals-row">
              <span>Subtotal ({data.itemCount} item{data.itemCount === 1 ? '' : 's'})</span>
              <Price money={data.subtotal} />
            </div>
            <div className="totals-row total">
              <span>Total</span>
              <Price money={data.total} />
            </div>
            <Link href="/checkout" className="btn btn-primary btn-block" onClick={closeCart}>
              Checkout
            </Link>
          </div>
        )}
      </div>
    </div>
  );
}
