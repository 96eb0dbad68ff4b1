/** Live join retries: exponential backoff with jitter, capped, so dropped viewers do not return in one wave. */
import { describe, expect, it } from 'vitest';
import { joinRetryDelay, MAX_JOIN_RETRIES, RETRYABLE_JOIN_ERRORS } from '../../client/live/backoff.js';

describe('join retry backoff', () => {
  it.each([
    [0, 250, 500],
    [1, 500, 1000],
    [3, 2000, 4000],
    [10, 7500, 15000],
  ])('retry %i waits between %i and %i ms', (attempt, lo, hi) => {
    expect(joinRetryDelay(attempt, () => 0)).toBe(lo);
    expect(joinRetryDelay(attempt, () => 0.999999)).toBe(hi);
  });

  it('spreads a thousand viewers retrying together over the whole window', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 1000 }, () => joinRetryDelay(2, random));
    const buckets = new Array(4).fill(0);
    for (const d of delays) buckets[Math.min(3, Math.floor((d - 1000) / 250))] += 1;
    for (const b of buckets) expect(b).toBeGreaterThan(180);
  });

  it('retries passing failures only, a bounded number of times', () => {
    expect([...RETRYABLE_JOIN_ERRORS].sort()).toEqual(['INTERNAL', 'RATE_LIMITED', 'UNAVAILABLE']);
    for (const final of ['BANNED', 'FORBIDDEN', 'NOT_FOUND', 'SESSION_ENDED', 'PROTOCOL_VERSION']) expect(RETRYABLE_JOIN_ERRORS.has(final)).toBe(false);
    expect(MAX_JOIN_RETRIES).toBeLessThanOrEqual(10);
  });
});
