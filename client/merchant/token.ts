/** Where the merchant token comes from (a `#token=` link or the sign-in form) and where it is kept. */

export const TOKEN_STORAGE_KEY = 'shopsee.merchantToken';

/** The token in a URL hash like "#token=abc" (other hash parameters are allowed), or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const t = params.get('token')?.trim();
  return t ? t : null;
}

/** The hash with the token removed ("" when nothing else was in it), so the token leaves the address bar. */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('token');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

/** Reads the saved token; null when none or storage is blocked. */
export function loadToken(storage: Storage): string | null {
  try {
    return storage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Saves (or with null, forgets) the token. */
export function saveToken(storage: Storage, token: string | null): void {
  try {
    if (token) storage.setItem(TOKEN_STORAGE_KEY, token);
    else storage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    /* private mode: the token lasts for this page only */
  }
}
