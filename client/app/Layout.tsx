import { type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { Toasts } from '../components/Toasts.js';
import { useCart } from '../lib/cart.js';
import { useMe } from '../lib/me.js';
import { useUi } from '../lib/ui.js';
import { CartDrawer } from '../shop/CartDrawer.js';

function CartButton({ className }: { className?: string }) {
  const cart = useCart();
  const open = useUi((s) => s.openCart);
  const count = cart.data?.itemCount ?? 0;
  return (
    <button type="button" className={`icon-btn cart-btn ${className ?? ''}`} onClick={open} aria-label={`Cart, ${count} item${count === 1 ? '' : 's'}`}>
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
        <path d="M6 7h12l-1.2 11.1a2 2 0 0 1-2 1.9H9.2a2 2 0 0 1-2-1.9L6 7Zm3 0V6a3 3 0 0 1 6 0v1" fill="none" stroke="currentColor" strokeWidth="1.8" />
      </svg>
      {count > 0 && <span className="cart-count" aria-hidden="true">{count}</span>}
    </button>
  );
}

function HeaderSearch() {
  const [location, navigate] = useLocation();
  const search = useSearch();
  const current = location === '/' ? (new URLSearchParams(search).get('q') ?? '') : '';
  const [text, setText] = useState(current);
  useEffect(() => {
    setText(current);
  }, [current]);
  return (
    <form
      role="search"
      className="header-search"
      onSubmit={(e) => {
        e.preventDefault();
        const sp = location === '/' ? new URLSearchParams(search) : new URLSearchParams();
        if (text.trim()) sp.set('q', text.trim());
        else sp.delete('q');
        const q = sp.toString();
        navigate(q ? `/?${q}` : '/');
      }}
    >
      <input type="search" name="q" placeholder="Search the shop" aria-label="Search products" value={text} onChange={(e) => setText(e.target.value)} enterKeyHint="search" />
    </form>
  );
}

const NAV = [
  { href: '/', label: 'Shop' },
  { href: '/discover', label: 'Discover' },
  { href: '/orders', label: 'Orders' },
] as const;

/** The app shell: header (shop name, search, cart), the page, and on phones a bottom bar within thumb reach. */
export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const [location] = useLocation();
  // The merchant console is a work screen: no shop search, cart or shopper bottom bar.
  const merchant = location.startsWith('/merchant');
  const active = (href: string) => (href === '/' ? location === '/' || location.startsWith('/p/') : location.startsWith(href));
  return (
    <div className={`shell ${merchant ? 'shell-merchant' : ''}`}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="header">
        <div className="header-row">
          <Link href="/" className="brand">
            {me.data?.shopName ?? 'Shopsee'}
          </Link>
          <nav className="header-nav" aria-label="Main">
            {NAV.map((n) => (
              <Link key={n.href} href={n.href} className={active(n.href) ? 'active' : ''}>
                {n.label}
              </Link>
            ))}
          </nav>
          {!merchant && <HeaderSearch />}
          {!merchant && <CartButton />}
        </div>
      </header>
      <main id="main" className="main">
        {children}
      </main>
      {!merchant && (
        <nav className="bottom-bar" aria-label="Quick actions">
          {NAV.map((n) => (
            <Link key={n.href} href={n.href} className={active(n.href) ? 'active' : ''} aria-current={active(n.href) ? 'page' : undefined}>
              {n.label}
            </Link>
          ))}
          <CartButtonLabelled />
        </nav>
      )}
      <CartDrawer />
      <Toasts />
    </div>
  );
}

function CartButtonLabelled() {
  const cart = useCart();
  const open = useUi((s) => s.openCart);
  const count = cart.data?.itemCount ?? 0;
  return (
    <button type="button" className="bottom-cart" onClick={open}>
      Cart{count > 0 ? ` (${count})` : ''}
    </button>
  );
}
