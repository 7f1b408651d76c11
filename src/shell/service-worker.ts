import { Workbox } from 'workbox-window';

/**
 * Registers the service worker that keeps the app and the games available offline once loaded (vite.config.ts).
 * Not in the dev server (no worker is built there) and not inside the embed iframe, whose page must always come from
 * the server with the pilot's frame-ancestors policy.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || location.pathname.startsWith('/embed')) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  // Registration failing (a private window, storage off) costs offline use only; the scan itself still runs.
  void wb.register().catch((err: unknown) => console.warn('Service worker not registered:', err));
}
