/**
 * Picks up a photo shared to Shopsee from another app. The service worker (client/pwa/sw.ts) kept it
 * in Cache Storage and sent the shopper to /discover?share=…; this reads it once, removes it from
 * the device's cache and clears the query, so a reload does not analyse it again.
 */
import { SHARED_NAME_HEADER, SHARED_PHOTO_CACHE, SHARED_PHOTO_KEY, shareOutcome } from '../pwa/shareTarget.js';

export type SharedPhoto = { kind: 'photo'; file: File } | { kind: 'problem'; message: string };

// React's StrictMode runs effects twice: one pick-up per page load.
let taken = false;

/** The shared photo (or why there is none) when this page was opened by a share; undefined otherwise. */
export async function takeSharedPhoto(): Promise<SharedPhoto | undefined> {
  const outcome = shareOutcome(window.location.search);
  if (!outcome || taken) return undefined;
  taken = true;
  const url = new URL(window.location.href);
  url.searchParams.delete('share');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);

  if (outcome === 'empty') return { kind: 'problem', message: 'The share held no photo. Share a photo, or choose one below.' };
  if (outcome === 'unavailable') {
    return {
      kind: 'problem',
      message: 'Sharing to Shopsee works once the app is installed and has been opened once. Your photo was not kept; choose it below.',
    };
  }
  const cache = 'caches' in window ? await caches.open(SHARED_PHOTO_CACHE) : undefined;
  const stored = await cache?.match(SHARED_PHOTO_KEY);
  if (!cache || !stored) return { kind: 'problem', message: 'The shared photo is no longer here. Share it again, or choose it below.' };
  const blob = await stored.blob();
  await cache.delete(SHARED_PHOTO_KEY);
  const name = decodeURIComponent(stored.headers.get(SHARED_NAME_HEADER) ?? '') || 'Shared photo';
  return { kind: 'photo', file: new File([blob], name, { type: blob.type }) };
}
