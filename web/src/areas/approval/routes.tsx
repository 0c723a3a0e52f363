import { lazyPage, type WebArea } from '../../lib/area';

/** The approval chain: its public page (the decisions, the formalized list and its amendments); staff record the sessions. */
export const approvalArea: WebArea = {
  name: 'approval',
  processRoutes: [{ path: 'approval', lazy: lazyPage(() => import('./ApprovalPage'), (m) => m.ApprovalPage) }],
  staffProcessRoutes: [{ path: 'approval', lazy: lazyPage(() => import('./ApprovalStaffPage'), (m) => m.ApprovalStaffPage) }],
  processSections: [{ path: 'approval', label: 'process.nav.approval', order: 62 }],
  staffMenu: { process: [{ path: 'approval', label: 'staff.pages.approval', action: 'approval.record', order: 114 }] },
};
