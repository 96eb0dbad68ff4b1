/**
 * The Idempotency-Key of a checkout attempt. A new attempt gets a new key; a retry after a network
 * error (when we cannot know whether the server placed the order) reuses the stored key, so the
 * server answers with the first order instead of charging twice. Plain logic over a Storage.
 */

export const ATTEMPT_STORAGE_KEY = 'shopsee.checkoutAttempt';

interface StoredAttempt {
  key: string;
  /** The cart the key was made for; a different cart is a different attempt. */
  cart: string;
}

/** A stable signature of the cart's contents (line, variant, quantity), order-independent. */
export function cartSignature(lines: { id: string; variant: string; quantity: number }[]): string {
  return lines
    .map((l) => `${l.id}:${l.variant}:${l.quantity}`)
    .sort()
    .join('|');
}

function newKey(): string {
  return `chk_${crypto.randomUUID()}`;
}

/** The key to send for this cart: the pending one when it was made for the same cart, else a fresh one (stored). */
export function attemptKey(storage: Storage, cart: string, makeKey: () => string = newKey): string {
  try {
    const raw = storage.getItem(ATTEMPT_STORAGE_KEY);
    const stored = raw ? (JSON.parse(raw) as StoredAttempt) : null;
    if (stored && stored.cart === cart && typeof stored.key === 'string') return stored.key;
  } catch {
    /* unreadable entry: replaced below */
  }
  const key = makeKey();
  try {
    storage.setItem(ATTEMPT_STORAGE_KEY, JSON.stringify({ key, cart } satisfies StoredAttempt));
  } catch {
    /* storage full or blocked: the key still protects this one request */
  }
  return key;
}

/** The key of an attempt whose outcome is still unknown (a network error), or null. */
export function pendingAttemptKey(storage: Storage): string | null {
  try {
    const raw = storage.getItem(ATTEMPT_STORAGE_KEY);
    const key = raw ? (JSON.parse(raw) as StoredAttempt).key : null;
    return typeof key === 'string' ? key : null;
  } catch {
    return null;
  }
}

/** Forgets the key once the server gave a definite answer (order placed, declined, out of stock). */
export function endAttempt(storage: Storage): void {
  try {
    storage.removeItem(ATTEMPT_STORAGE_KEY);
  } catch {
    /* nothing to forget */
  }
}
