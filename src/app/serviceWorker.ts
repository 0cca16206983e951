/**
 * Registers the service worker that precaches the app for offline use, and
 * announces a new version without ever applying it in the middle of an
 * attempt: it is used at the next start, or at once if the person accepts.
 */
import { registerSW } from 'virtual:pwa-register';

export function startServiceWorker(announce: (apply: () => Promise<void>) => void) {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => announce(() => update(true)),
  });
}
