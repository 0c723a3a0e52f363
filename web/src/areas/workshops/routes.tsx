import { lazyPage, type WebArea } from '../../lib/area';

/** Workshops of Concertation: the public list and page (agenda, signed minutes, votes); for staff, running them. */
export const workshopsArea: WebArea = {
  name: 'workshops',
  processRoutes: [
    { path: 'workshops', lazy: lazyPage(() => import('./WorkshopsPage'), (m) => m.WorkshopsPage) },
    { path: 'workshops/:workshopId', lazy: lazyPage(() => import('./WorkshopPage'), (m) => m.WorkshopPage) },
  ],
  staffProcessRoutes: [
    { path: 'workshops', lazy: lazyPage(() => import('./WorkshopsAdminPage'), (m) => m.WorkshopsAdminPage) },
    { path: 'workshops/:workshopId', lazy: lazyPage(() => import('./WorkshopAdminPage'), (m) => m.WorkshopAdminPage) },
    { path: 'workshops/:workshopId/sheet', lazy: lazyPage(() => import('./SheetPage'), (m) => m.SheetPage) },
  ],
  processSections: [{ path: 'workshops', label: 'process.nav.workshops', order: 47 }],
  staffMenu: { process: [{ path: 'workshops', label: 'staff.pages.workshops', action: 'workshop.manage', order: 96 }] },
};
