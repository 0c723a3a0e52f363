import { lazyPage, type WebArea } from '../../lib/area';

/** Training sessions (public list, self check-in) and, for staff, scheduling them and taking attendance. */
export const trainingArea: WebArea = {
  name: 'training',
  // The facilitator's attendance without a signal: outside the staff frame, which needs the server to open.
  routes: [{ path: 'offline/trainings/:sessionId', lazy: lazyPage(() => import('./OfflineAttendancePage'), (m) => m.OfflineAttendancePage) }],
  processRoutes: [{ path: 'trainings', lazy: lazyPage(() => import('./TrainingsPage'), (m) => m.TrainingsPage) }],
  staffProcessRoutes: [
    { path: 'trainings', lazy: lazyPage(() => import('./TrainingsAdminPage'), (m) => m.TrainingsAdminPage) },
    { path: 'trainings/:sessionId', lazy: lazyPage(() => import('./SessionAdminPage'), (m) => m.SessionAdminPage) },
    { path: 'trainings/:sessionId/sheet', lazy: lazyPage(() => import('./SheetPage'), (m) => m.SheetPage) },
  ],
  processSections: [{ path: 'trainings', label: 'process.nav.trainings', order: 40 }],
  staffMenu: { process: [{ path: 'trainings', label: 'staff.pages.trainings', action: 'training.manage', order: 90 }] },
};
