/** Short messages shown at the bottom of the screen ("Added to cart", errors); a tiny zustand store. */
import { create } from 'zustand';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** An optional button, e.g. "View cart". */
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  push(t: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
  clear(): void;
}

// At most this many stay visible so a burst of errors does not cover the page.
const MAX_VISIBLE = 3;
let nextId = 1;

export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  push(t) {
    const id = nextId++;
    // A new success replaces the previous one ("Added A" then "Added B" shows only B); errors stack.
    set((s) => ({ toasts: [...s.toasts.filter((x) => t.kind === 'error' || x.kind === 'error'), { ...t, id }].slice(-MAX_VISIBLE) }));
    return id;
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
  clear() {
    set({ toasts: [] });
  },
}));

/** Shows a toast from anywhere (hooks, mutation callbacks). */
export const toast = {
  success: (message: string, action?: Toast['action']) => useToasts.getState().push({ kind: 'success', message, action }),
  error: (message: string, action?: Toast['action']) => useToasts.getState().push({ kind: 'error', message, action }),
  info: (message: string, action?: Toast['action']) => useToasts.getState().push({ kind: 'info', message, action }),
};
