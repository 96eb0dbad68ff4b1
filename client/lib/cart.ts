/**
 * The shopper's cart as react-query hooks. Every mutation answers with the whole priced cart,
 * which replaces the cached one, so totals always come from the server (no optimistic maths).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Cart, CartAdd } from '../../server/protocol/api.js';
import { api, ApiError, errorMessage } from './api.js';
import { toast } from './toasts.js';
import { useUi } from './ui.js';

export const CART_KEY = ['cart'] as const;

/** The current cart (refetched when the window regains focus). */
export function useCart() {
  return useQuery({ queryKey: CART_KEY, queryFn: api.cart, staleTime: 5_000 });
}

function useCartMutation<V>(fn: (v: V) => Promise<Cart>, onDone?: (cart: Cart, v: V) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (cart, v) => {
      qc.setQueryData(CART_KEY, cart);
      onDone?.(cart, v);
    },
    onError: (err) => {
      toast.error(errorMessage(err));
      // Stock or the cart may have changed under us: show the server's truth.
      if (err instanceof ApiError && err.code !== 'NETWORK') void qc.invalidateQueries({ queryKey: CART_KEY });
    },
  });
}

/** Adds a product (and variant) to the cart; toasts "Added" with a "View cart" action, or the error. */
export function useAddToCart() {
  const qc = useQueryClient();
  return useCartMutation<CartAdd & { name?: string }>(
    ({ name: _name, ...line }) => api.addLine(line),
    (_cart, v) => {
      toast.success(`Added ${v.name ?? 'to cart'}`, { label: 'View cart', run: () => useUi.getState().openCart() });
      // Stock shown on product pages may have changed for others; refresh lazily.
      void qc.invalidateQueries({ queryKey: ['product', v.productId] });
    },
  );
}

/** Sets a line's quantity (0 removes it). */
export function useUpdateLine() {
  return useCartMutation<{ lineId: string; quantity: number }>(({ lineId, quantity }) => api.updateLine(lineId, quantity));
}

/** Removes a line from the cart. */
export function useRemoveLine() {
  return useCartMutation<{ lineId: string }>(({ lineId }) => api.removeLine(lineId));
}
