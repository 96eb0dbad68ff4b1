/** The server's clock as seen from a phone: every viewer counts a deal down from the same instant. */

/**
 * Offset to add to the local clock to get server time, from one request: the server stamped
 * `serverTimeMs` somewhere between `sentMs` and `receivedMs` (local), so assume the midpoint.
 */
export function clockOffset(serverTimeMs: number, sentMs: number, receivedMs: number): number {
  return serverTimeMs - (sentMs + receivedMs) / 2;
}

/** Whole seconds left until `endsAtIso` on the server clock; 0 once over. */
export function secondsLeft(endsAtIso: string, offsetMs: number, localNowMs: number): number {
  return Math.max(0, Math.ceil((Date.parse(endsAtIso) - (localNowMs + offsetMs)) / 1000));
}

/** "1:05" style countdown text. */
export function formatCountdown(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
