/**
 * When to retry a live join that failed for a passing reason: exponential backoff with full
 * jitter, so thousands of viewers dropped together do not come back in one wave.
 */

/** Errors worth retrying: the server or the path to it was briefly unable, not a refusal. */
export const RETRYABLE_JOIN_ERRORS: ReadonlySet<string> = new Set(['UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED']);

/** Attempts after the first before the page gives up and says why. */
export const MAX_JOIN_RETRIES = 8;

/** Milliseconds before retry number `attempt` (0-based): uniform in [base/2, base] of a doubling base, capped. */
export function joinRetryDelay(attempt: number, random: () => number = Math.random, baseMs = 500, capMs = 15_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
