import { lazyPage, type WebArea } from '../../lib/area';

/** Representative bodies against their seats and women quotas (public); electing committee members (staff). */
export const quotasArea: WebArea = {
  name: 'quotas',
  processRoutes: [{ path: 'quotas', lazy: lazyPage(() => import('./QuotasPage'), (m) => m.QuotasPage) }],
  staffProcessRoutes: [{ path: 'committees', lazy: lazyPage(() => import('./CommitteesPage'), (m) => m.CommitteesPage) }],
  processSections: [{ path: 'quotas', label: 'process.nav.quotas', order: 30 }],
  staffMenu: { process: [{ path: 'committees', label: 'staff.pages.committees', action: 'body.manage', order: 80 }] },
};
