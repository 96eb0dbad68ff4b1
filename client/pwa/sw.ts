/// <reference lib="webworker" />
/**
 * The service worker (built by vite-plugin-pwa's injectManifest into /sw.js). It precaches the app
 * shell so the shop opens offline, answers every navigation with index.html from that cache, and
 * receives photos shared from other apps: the share POST is handled here, on the device, and the
 * photo is kept in Cache Storage for Discover. The server never sees it.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { discoverUrl, SHARE_ACTION, SHARE_FILE_FIELD, SHARED_NAME_HEADER, SHARED_PHOTO_CACHE, SHARED_PHOTO_KEY } from './shareTarget.js';

declare let self: ServiceWorkerGlobalScope;

// A new build takes over at once: the shell is small and hashed, and a share must reach a worker
// that knows the share target even on the very first visit.
void self.skipWaiting();
clientsClaim();

// The build injects the shell's files here (index.html, the entry, route chunks, CSS, icons);
// the heavy vision and 3D chunks and /models/ stay out (see vite.config.ts).
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Page addresses are client routes: answer them with the cached shell. API calls, photos, models
// and sockets are not navigations to the app and always go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/media\//, /^\/models\//, /^\/socket\.io\//],
  }),
);

/** Keeps the first image of a share on the device and sends the shopper to Discover. */
async function receiveShare(request: Request): Promise<Response> {
  let photo: File | undefined;
  try {
    const form = await request.formData();
    photo = form.getAll(SHARE_FILE_FIELD).find((v): v is File => v instanceof File && v.size > 0 && (v.type === '' || v.type.startsWith('image/')));
  } catch {
    photo = undefined; // not multipart (or cut short): treated as a share without a photo
  }
  if (!photo) return Response.redirect(discoverUrl('empty'), 303);
  const cache = await caches.open(SHARED_PHOTO_CACHE);
  await cache.put(
    SHARED_PHOTO_KEY,
    new Response(photo, {
      headers: { 'content-type': photo.type || 'application/octet-stream', [SHARED_NAME_HEADER]: encodeURIComponent(photo.name) },
    }),
  );
  return Response.redirect(discoverUrl('photo'), 303);
}

registerRoute(({ url, request }) => url.origin === self.location.origin && url.pathname === SHARE_ACTION && request.method === 'POST', ({ request }) => receiveShare(request), 'POST');
