/** Small UI state shared across the shell: whether the cart drawer is open. */
import { create } from 'zustand';

interface UiState {
  cartOpen: boolean;
  openCart(): void;
  closeCart(): void;
}

export const useUi = create<UiState>((set) => ({
  cartOpen: false,
  openCart: () => set({ cartOpen: true }),
  closeCart: () => set({ cartOpen: false }),
}));
