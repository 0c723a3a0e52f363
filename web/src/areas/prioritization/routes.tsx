import { lazyPage, type WebArea } from '../../lib/area';

/** Prioritization: the public provisional ranked list, with its explanation; administrators compute it from the same page. */
export const prioritizationArea: WebArea = {
  name: 'prioritization',
  processRoutes: [{ path: 'ranking', lazy: lazyPage(() => import('./ProvisionalListPage'), (m) => m.ProvisionalListPage) }],
  processSections: [{ path: 'ranking', label: 'process.nav.ranking', order: 55 }],
};
