/** Small UI state shared across the shell: whether the cart drawer is open. */
import { create } from 'zustand';
import { useToasts } from './toasts.js';

interface UiState {
  cartOpen: boolean;
  openCart(): void;
  closeCart(): void;
}

export const useUi = create<UiState>((set) => ({
  cartOpen: false,
  openCart: () => {
    // The drawer shows what the "Added" toasts said; they would only cover its Checkout button.
    useToasts.getState().clear();
    set({ cartOpen: true });
  },
  closeCart: () => set({ cartOpen: false }),
}));
