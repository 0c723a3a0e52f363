import { lazyPage, type WebArea } from '../../lib/area';

/** The yearly process: its public overview; opening one, its settings and its phase moves (staff). */
export const processesArea: WebArea = {
  name: 'processes',
  uses: ['communication'],
  processRoutes: [{ index: true, lazy: lazyPage(() => import('./ProcessOverview'), (m) => m.ProcessOverview) }],
  staffRoutes: [{ path: 'new', lazy: lazyPage(() => import('./CreateProcessPage'), (m) => m.CreateProcessPage) }],
  staffProcessRoutes: [
    { path: 'settings', lazy: lazyPage(() => import('./SettingsPage'), (m) => m.SettingsPage) },
    { path: 'phase', lazy: lazyPage(() => import('./PhasePage'), (m) => m.PhasePage) },
  ],
  processSections: [{ path: '', label: 'process.nav.overview', order: 10 }],
  staffMenu: {
    municipality: [{ path: 'new', label: 'staff.pages.newProcess', action: 'process.manage', order: 10 }],
    process: [
      { path: 'settings', label: 'staff.pages.settings', action: 'process.manage', order: 10 },
      { path: 'phase', label: 'staff.pages.phase', action: 'process.manage', order: 20 },
    ],
  },
};
