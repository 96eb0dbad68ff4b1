/**
 * The Web Share Target contract, shared by the web app manifest, the service worker and Discover:
 * where another app's share is POSTed, the form field that holds the photo, and where the service
 * worker keeps it (Cache Storage on the device) until Discover picks it up. No DOM or React here.
 */

/** The manifest's share_target action: a POST of multipart/form-data that the service worker answers. */
export const SHARE_ACTION = '/discover/share';

/** The form field that carries the shared photo (share_target.params.files[0].name). */
export const SHARE_FILE_FIELD = 'photo';

/** Image types the phone may offer to share with the app; loadPhoto decodes them all. */
export const SHARE_ACCEPT = ['image/*', '.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif'];

/** Cache Storage bucket and key under which the service worker keeps the last shared photo. */
export const SHARED_PHOTO_CACHE = 'shopsee-shared-photo';
export const SHARED_PHOTO_KEY = '/discover/shared-photo';

/** Header that keeps the shared file's original name next to its bytes (URI-encoded). */
export const SHARED_NAME_HEADER = 'x-shared-file-name';

/** Where a share lands, as the `share` query parameter of /discover. */
export type ShareOutcome =
  /** The service worker kept a photo: Discover analyses it. */
  | 'photo'
  /** The share held no image (a link or text only). */
  | 'empty'
  /** The service worker was not running, so the server answered the POST and discarded the body. */
  | 'unavailable';

/** The Discover address a share outcome redirects to. */
export function discoverUrl(outcome: ShareOutcome): string {
  return `/discover?share=${outcome}`;
}

/** The share outcome named in a Discover URL's query, if any. */
export function shareOutcome(search: string): ShareOutcome | undefined {
  const value = new URLSearchParams(search).get('share');
  return value === 'photo' || value === 'empty' || value === 'unavailable' ? value : undefined;
}
