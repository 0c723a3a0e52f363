import { lazyPage, type WebArea } from '../../lib/area';

/** Zones of the municipality and its Concerted Development Plan (staff). */
export const planArea: WebArea = {
  name: 'plan',
  staffRoutes: [
    { path: 'zones', lazy: lazyPage(() => import('./ZonesPage'), (m) => m.ZonesPage) },
    { path: 'plan', lazy: lazyPage(() => import('./PlanPage'), (m) => m.PlanPage) },
  ],
  staffMenu: {
    municipality: [
      { path: 'zones', label: 'staff.pages.zones', action: 'plan.manage', order: 20 },
      { path: 'plan', label: 'staff.pages.plan', action: 'plan.manage', order: 30 },
    ],
  },
};
