/// <reference lib="webworker" />
// The service worker of the facilitator's offline screens (registered only by them: citizens' pages never install
// it). Workbox's runtime routing and strategies; the build (web/vite.config.ts, `serviceWorker`) bundles this file to
// dist/sw.js with the list of files to precache: the app shell (index.html) and the entry's script and styles.
import { matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { clientsClaim } from 'workbox-core';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

/** The cache the pages also fill themselves (lib/offline/register.ts), with the chunks they loaded before the worker ran. */
export const ASSETS_CACHE = 'concerta-assets';

void self.skipWaiting();
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);

// Hashed files never change: from the cache once there.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
  new CacheFirst({ cacheName: ASSETS_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 400 })] }),
);

// Pages: from the network (the server adds hints to some), the last copy when it does not answer in time.
registerRoute(({ request }) => request.mode === 'navigate', new NetworkFirst({ cacheName: 'concerta-pages', networkTimeoutSeconds: 4 }));

// Offline, a page never opened before still gets the app shell, which routes it on the phone.
setCatchHandler(async ({ request }) => {
  if (request.destination === 'document') return (await matchPrecache('/index.html')) ?? Response.error();
  return Response.error();
});
