import { lazyPage, type WebArea } from '../../lib/area';

/**
 * Oversight of a process in Execution: the public page and the committee's workspace (observations, requests), the
 * administrators' page (answers, opening budget), and the account of past agreements.
 */
export const oversightArea: WebArea = {
  name: 'oversight',
  uses: ['execution'],
  processRoutes: [
    { path: 'vigilance', lazy: lazyPage(() => import('./OversightPage'), (m) => m.OversightPage) },
    { path: 'accountability', lazy: lazyPage(() => import('./AccountabilityPage'), (m) => m.AccountabilityPage) },
  ],
  staffProcessRoutes: [{ path: 'vigilance', lazy: lazyPage(() => import('./OversightStaffPage'), (m) => m.OversightStaffPage) }],
  processSections: [
    { path: 'vigilance', label: 'process.nav.vigilance', order: 72 },
    { path: 'accountability', label: 'process.nav.accountability', order: 74 },
  ],
  staffMenu: { process: [{ path: 'vigilance', label: 'staff.pages.vigilance', action: 'oversight.answer', order: 122 }] },
};
