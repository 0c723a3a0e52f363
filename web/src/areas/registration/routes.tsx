import { lazyPage, type WebArea } from '../../lib/area';
import { prefetch } from '../../lib/api';
import { processPath, query } from '../../lib/paths';
import { REGISTRY_PAGE } from './registry-page-size';

/**
 * Participating agents and organizations: the public registry, one's own registration (and one's organizations'),
 * and for staff the lists to decide, the face-to-face registration form and the CSV import.
 */
export const registrationArea: WebArea = {
  name: 'registration',
  processRoutes: [
    {
      path: 'registry',
      // The first page of the registry (no filters) leaves with the page's code; see prefetch in lib/api.
      loader: ({ params, request }) => {
        if (!new URL(request.url).search) prefetch(`${processPath(params.slug ?? '', params.processId ?? '')}/registry${query({ limit: REGISTRY_PAGE })}`);
        return null;
      },
      lazy: lazyPage(() => import('./RegistryPage'), (m) => m.RegistryPage),
    },
    { path: 'register', lazy: lazyPage(() => import('./MyRegistrationPage'), (m) => m.MyRegistrationPage) },
    { path: 'lists', lazy: lazyPage(() => import('./lists/ListsPage'), (m) => m.ListsPage) },
    {
      path: 'register/organization',
      lazy: lazyPage(() => import('./OrganizationRegistrationPage'), (m) => m.OrganizationRegistrationPage),
    },
  ],
  staffProcessRoutes: [
    { path: 'registrations', lazy: lazyPage(() => import('./RegistrationsAdminPage'), (m) => m.RegistrationsAdminPage) },
    { path: 'registrations/print', lazy: lazyPage(() => import('./RegistryPrintPage'), (m) => m.RegistryPrintPage) },
    { path: 'registrations/new', lazy: lazyPage(() => import('./InPersonRegistrationPage'), (m) => m.InPersonRegistrationPage) },
    { path: 'organizations', lazy: lazyPage(() => import('./OrganizationsAdminPage'), (m) => m.OrganizationsAdminPage) },
    { path: 'import', lazy: lazyPage(() => import('./ImportPage'), (m) => m.ImportPage) },
    { path: 'lists', lazy: lazyPage(() => import('./lists/ListsPage'), (m) => m.ListsAdminPage) },
  ],
  processSections: [
    { path: 'registry', label: 'process.nav.registry', order: 20 },
    { path: 'lists', label: 'process.nav.lists', order: 25 },
    { path: 'register', label: 'process.nav.register', order: 60 },
  ],
  staffMenu: {
    process: [
      { path: 'registrations', label: 'staff.pages.registrations', action: 'registration.read', order: 40 },
      { path: 'registrations/new', label: 'staff.pages.inPerson', action: 'registration.register_others', order: 50 },
      { path: 'organizations', label: 'staff.pages.organizations', action: 'registration.read', order: 60 },
      { path: 'import', label: 'staff.pages.import', action: 'registration.import', order: 70 },
      { path: 'lists', label: 'staff.pages.lists', action: 'registration.read', order: 75 },
    ],
  },
};
