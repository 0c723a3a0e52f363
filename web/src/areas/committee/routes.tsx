import { lazyPage, type WebArea } from '../../lib/area';

/** The oversight committee's election: its public page; staff register candidates and type in the session's votes. */
export const committeeArea: WebArea = {
  name: 'committee',
  processRoutes: [{ path: 'oversight-committee', lazy: lazyPage(() => import('./CommitteePage'), (m) => m.CommitteePage) }],
  staffProcessRoutes: [{ path: 'oversight-committee', lazy: lazyPage(() => import('./CommitteeStaffPage'), (m) => m.CommitteeStaffPage) }],
  processSections: [{ path: 'oversight-committee', label: 'process.nav.oversight', order: 58 }],
  staffMenu: { process: [{ path: 'oversight-committee', label: 'staff.pages.oversight', action: 'committee.manage', order: 86 }] },
};
