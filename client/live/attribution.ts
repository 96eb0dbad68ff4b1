/** Which live session a checkout came from: set when a viewer adds from a live page, read by checkout. */

export const ATTRIBUTION_KEY = 'shopsee.live.attribution';

/** `{ sessionId }` for the checkout body when this tab added to the cart from a live session, else `{}`. */
export function liveAttribution(storage: Pick<Storage, 'getItem'> | undefined = globalThis.sessionStorage): { sessionId?: string } {
  try {
    const id = storage?.getItem(ATTRIBUTION_KEY);
    return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? { sessionId: id } : {};
  } catch {
    return {};
  }
}

/** Records that this tab's cart was filled from a live session. */
export function rememberAttribution(sessionId: string, storage: Pick<Storage, 'setItem'> | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(ATTRIBUTION_KEY, sessionId);
  } catch {
    /* attribution is best effort */
  }
}
