import { lazyPage, type WebArea } from '../../lib/area';

/** The Acta de Acuerdos y Compromisos: its public page (each version, its PDF); staff record the session and signatories and issue it. */
export const actaArea: WebArea = {
  name: 'acta',
  processRoutes: [
    { path: 'acta', lazy: lazyPage(() => import('./ActaPage'), (m) => m.ActaPage) },
    { path: 'acta/versions/:version', lazy: lazyPage(() => import('./ActaPage'), (m) => m.ActaPage) },
  ],
  staffProcessRoutes: [{ path: 'acta', lazy: lazyPage(() => import('./ActaStaffPage'), (m) => m.ActaStaffPage) }],
  processSections: [{ path: 'acta', label: 'process.nav.acta', order: 62 }],
  staffMenu: { process: [{ path: 'acta', label: 'staff.pages.acta', action: 'acta.prepare', order: 112 }] },
};
