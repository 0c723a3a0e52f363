import { lazyPage, type WebArea } from '../../lib/area';

/** The audit log of the municipality (staff). */
export const auditArea: WebArea = {
  name: 'audit',
  staffRoutes: [{ path: 'audit', lazy: lazyPage(() => import('./AuditPage'), (m) => m.AuditPage) }],
  staffMenu: { municipality: [{ path: 'audit', label: 'staff.pages.audit', action: 'audit.read', order: 50 }] },
};
