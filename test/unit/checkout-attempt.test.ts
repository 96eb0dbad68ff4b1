import { describe, expect, it } from 'vitest';
import { attemptKey, cartSignature, endAttempt, pendingAttemptKey } from '../../client/lib/checkoutAttempt.js';

/** An in-memory Storage, as sessionStorage behaves. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const lines = [
  { id: '1', variant: '', quantity: 1 },
  { id: '2', variant: 'M', quantity: 2 },
];

describe('checkout idempotency keys', () => {
  it('a retry after a network error reuses the same key for the same cart', () => {
    const s = memoryStorage();
    const first = attemptKey(s, cartSignature(lines));
    expect(first).toMatch(/^chk_[0-9a-f-]{36}$/);
    expect(attemptKey(s, cartSignature([...lines].reverse()))).toBe(first);
  });

  it('a new attempt after a definite answer gets a new key', () => {
    const s = memoryStorage();
    const first = attemptKey(s, cartSignature(lines));
    endAttempt(s);
    expect(attemptKey(s, cartSignature(lines))).not.toBe(first);
  });

  it('a changed cart is a different attempt with a different key', () => {
    const s = memoryStorage();
    const first = attemptKey(s, cartSignature(lines));
    const changed = attemptKey(s, cartSignature([{ ...lines[0]!, quantity: 3 }, lines[1]!]));
    expect(changed).not.toBe(first);
  });

  it('a corrupt stored entry is replaced instead of breaking checkout', () => {
    const s = memoryStorage();
    s.setItem('shopsee.checkoutAttempt', '{not json');
    expect(attemptKey(s, 'x', () => 'chk_fixed_key')).toBe('chk_fixed_key');
  });
});

describe('an attempt whose outcome is unknown', () => {
  it('stays pending until a definite answer ends it', () => {
    const s = memoryStorage();
    expect(pendingAttemptKey(s)).toBeNull();
    const key = attemptKey(s, cartSignature(lines));
    expect(pendingAttemptKey(s)).toBe(key);
    endAttempt(s);
    expect(pendingAttemptKey(s)).toBeNull();
  });
});
