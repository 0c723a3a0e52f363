import { lazyPage, type WebArea } from '../../lib/area';

/**
 * The transparency portal (no account): the national view across municipalities, a municipality's history with its
 * open data, and a process's proposals with everything public about them. Each page is a lazily loaded chunk.
 */
export const portalArea: WebArea = {
  name: 'portal',
  uses: ['participation'],
  routes: [
    { path: 'portal', lazy: lazyPage(() => import('./NationalPage'), (m) => m.NationalPage) },
    { path: 'm/:slug/history', lazy: lazyPage(() => import('./HistoryPage'), (m) => m.HistoryPage) },
  ],
  processRoutes: [{ path: 'transparency', lazy: lazyPage(() => import('./TransparencyPage'), (m) => m.TransparencyPage) }],
  processSections: [{ path: 'transparency', label: 'process.nav.transparency', order: 80 }],
};
