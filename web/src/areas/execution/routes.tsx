import { lazyPage, type WebArea } from '../../lib/area';

/** Execution: the public tracking of the funded projects; administrators report progress and import the budget system's CSV. */
export const executionArea: WebArea = {
  name: 'execution',
  processRoutes: [
    { path: 'execution', lazy: lazyPage(() => import('./ExecutionPage'), (m) => m.ExecutionPage) },
    { path: 'execution/:projectId', lazy: lazyPage(() => import('./ProjectPage'), (m) => m.ProjectPage) },
  ],
  staffProcessRoutes: [
    { path: 'execution', lazy: lazyPage(() => import('./ExecutionStaffPage'), (m) => m.ExecutionStaffPage) },
    { path: 'execution/import', lazy: lazyPage(() => import('./ImportPage'), (m) => m.ImportPage) },
    { path: 'execution/:projectId', lazy: lazyPage(() => import('./ProjectStaffPage'), (m) => m.ProjectStaffPage) },
  ],
  processSections: [{ path: 'execution', label: 'process.nav.execution', order: 70 }],
  staffMenu: { process: [{ path: 'execution', label: 'staff.pages.execution', action: 'execution.manage', order: 120 }] },
};
