import { lazyPage, type WebArea } from '../../lib/area';

/** Coordination: the public financing of the projects; administrators record agreements and set each project's reach. */
export const coordinationArea: WebArea = {
  name: 'coordination',
  processRoutes: [{ path: 'coordination', lazy: lazyPage(() => import('./CoordinationPage'), (m) => m.CoordinationPage) }],
  staffProcessRoutes: [{ path: 'coordination', lazy: lazyPage(() => import('./CoordinationStaffPage'), (m) => m.CoordinationStaffPage) }],
  processSections: [{ path: 'coordination', label: 'process.nav.coordination', order: 57 }],
  staffMenu: { process: [{ path: 'coordination', label: 'staff.pages.coordination', action: 'coordination.manage', order: 85 }] },
};
