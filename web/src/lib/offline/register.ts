/**
 * Installs the service worker (web/src/sw.ts) for the facilitator's offline screens, and keeps in its cache the code
 * this page already loaded (the worker starts after the page's first scripts were fetched, so it did not see them).
 * Only those screens call it: a citizen's phone downloads nothing extra.
 */
const ASSETS_CACHE = 'concerta-assets';

export async function keepThisPageOffline(): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return false;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    await navigator.serviceWorker.ready;
    const assets = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((r) => new URL(r.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
      .map((u) => u.pathname);
    const cache = await caches.open(ASSETS_CACHE);
    await cache.addAll([...new Set(assets)]);
    return true;
  } catch {
    // No worker (an old browser, a private window): the screen still works while the page stays open.
    return false;
  }
}
