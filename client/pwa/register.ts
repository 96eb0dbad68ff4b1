/**
 * Registers the service worker once the page has loaded, so installing it (and precaching the shell)
 * never competes with the shop's first download. Production builds only: the dev server has no /sw.js.
 */
export function registerServiceWorkerAfterLoad(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((e: unknown) => {
      // The shop works without it (no offline shell, no share target); say why in the console only.
      console.warn('Shopsee could not install its service worker:', e);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
