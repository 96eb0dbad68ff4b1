/**
 * The shopper's cart as react-query hooks. Every mutation answers with the whole priced cart,
 * which replaces the cached one, so totals always come from the server (no optimistic maths).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Cart, CartAdd } from '../../server/protocol/api.js';
import { api, ApiError, errorMessage } from './api.js';
import { addedMessage, type Choice } from './purchase.js';
import { toast } from './toasts.js';
import { useUi } from './ui.js';

export const CART_KEY = ['cart'] as const;

/** The current cart (refetched when the window regains focus). */
export function useCart() {
  return useQuery({ queryKey: CART_KEY, queryFn: api.cart, staleTime: 5_000 });
}

function useCartMutation<V>(fn: (v: V) => Promise<Cart>, onDone?: (cart: Cart, v: V) => void, toastErrors = true) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (cart, v) => {
      qc.setQueryData(CART_KEY, cart);
      onDone?.(cart, v);
    },
    onError: (err) => {
      if (toastErrors) toast.error(errorMessage(err));
      // Stock or the cart may have changed under us: show the server's truth.
      if (err instanceof ApiError && err.code !== 'NETWORK') void qc.invalidateQueries({ queryKey: CART_KEY });
    },
  });
}

/**
 * Adds a product (and variant) to the cart; toasts "Added" with a "View cart" action, and the error
 * unless `toastErrors` is false (a control that shows the server's reason next to itself).
 */
export function useAddToCart({ toastErrors = true }: { toastErrors?: boolean } = {}) {
  const qc = useQueryClient();
  // `choice` names the size and colour in the toast ("Added Tote, Natural"): a lone part of the variant could be either.
  return useCartMutation<CartAdd & { name?: string; choice?: Choice }>(
    ({ name: _name, choice: _choice, ...line }) => api.addLine(line),
    (_cart, v) => {
      toast.success(addedMessage(v.name ?? 'to cart', v.choice ?? v.variant ?? ''), { label: 'View cart', run: () => useUi.getState().openCart() });
      // Stock shown on product pages may have changed for others; refresh lazily.
      void qc.invalidateQueries({ queryKey: ['product', v.productId] });
    },
    toastErrors,
  );
}

/** How one line of a several-line add went: added, or the server's reason (sold out, a size...). */
export type LineOutcome = { productId: string; ok: true } | { productId: string; ok: false; code: string; message: string };

/**
 * Adds several lines one after another (each is checked for stock on its own) and reports each;
 * a failure never stops the others. The cart cache ends as the server's last answer.
 */
export function useAddLines() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (lines: CartAdd[]): Promise<LineOutcome[]> => {
      const out: LineOutcome[] = [];
      for (const line of lines) {
        try {
          qc.setQueryData(CART_KEY, await api.addLine(line));
          out.push({ productId: line.productId, ok: true });
        } catch (err) {
          out.push({ productId: line.productId, ok: false, code: err instanceof ApiError ? err.code : 'INTERNAL', message: errorMessage(err) });
        }
      }
      for (const line of lines) void qc.invalidateQueries({ queryKey: ['product', line.productId] });
      if (out.some((o) => !o.ok)) void qc.invalidateQueries({ queryKey: CART_KEY });
      return out;
    },
  });
}

/** Sets a line's quantity (0 removes it). */
export function useUpdateLine() {
  return useCartMutation<{ lineId: string; quantity: number }>(({ lineId, quantity }) => api.updateLine(lineId, quantity));
}

/** Removes a line from the cart. */
export function useRemoveLine() {
  return useCartMutation<{ lineId: string }>(({ lineId }) => api.removeLine(lineId));
}
