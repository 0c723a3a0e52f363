import { lazyPage, type WebArea } from '../../lib/area';

/** Who takes part: the figures of a process and the women's share across the years (charts in a chunk of their own). */
export const participationArea: WebArea = {
  name: 'participation',
  processRoutes: [{ path: 'participation', lazy: lazyPage(() => import('./ParticipationPage'), (m) => m.ParticipationPage) }],
  processSections: [{ path: 'participation', label: 'process.nav.participation', order: 50 }],
};
