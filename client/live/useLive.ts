/** React bindings for a live connection: one connection per page, state read through selectors. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Cart } from '../../server/protocol/api.js';
import { CART_KEY } from '../lib/cart.js';
import { toast } from '../lib/toasts.js';
import { useUi } from '../lib/ui.js';
import { rememberAttribution } from './attribution.js';
import { LiveConnection, LiveError, type LiveStore, newLiveStore } from './connection.js';

/** Opens the connection once `who` is known; closes it on unmount. */
export function useLiveConnection(sessionId: string, who: { name: string; hostKey?: string } | null): LiveConnection | null {
  const [conn, setConn] = useState<LiveConnection | null>(null);
  const name = who?.name;
  const hostKey = who?.hostKey;
  useEffect(() => {
    if (!name) return;
    const c = new LiveConnection(sessionId, { name, ...(hostKey ? { hostKey } : {}) });
    setConn(c);
    return () => {
      c.close();
      setConn(null);
    };
  }, [sessionId, name, hostKey]);
  return conn;
}

const EMPTY = newLiveStore();

/** Reads a slice of the live state (re-renders only when it changes). */
export function useLive<T>(conn: LiveConnection | null, select: (s: LiveStore) => T): T {
  return useStore(conn?.store ?? EMPTY, select);
}

/** Adds a product from a live card to the shopper's own cart over the socket; updates the shop's cart cache. */
export function useLiveAdd(conn: LiveConnection | null, sessionId: string) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  async function add(productId: string, name: string, opts: { variant?: string; dealId?: string } = {}) {
    if (!conn) return;
    setBusy(productId);
    try {
      const out = await conn.send('cart:add', { productId, variant: opts.variant ?? '', quantity: 1, ...(opts.dealId ? { dealId: opts.dealId } : {}) });
      qc.setQueryData<Cart>(CART_KEY, out.cart);
      rememberAttribution(sessionId);
      toast.success(`Added ${name}`, { label: 'View cart', run: () => useUi.getState().openCart() });
    } catch (err) {
      toast.error(err instanceof LiveError ? err.message : 'Could not add to cart.');
    } finally {
      setBusy(null);
    }
  }
  return { add, busy };
}
