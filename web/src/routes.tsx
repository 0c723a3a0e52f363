import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/Status';
import { HomePage } from './pages/public/HomePage';
import { MunicipalityPage } from './pages/public/MunicipalityPage';
import { NotFoundPage } from './pages/public/NotFoundPage';
import { RouteError } from './pages/public/RouteError';
import { SignInPage } from './pages/auth/SignInPage';
import { SignUpPage } from './pages/auth/SignUpPage';
import { AccountPage } from './pages/account/AccountPage';
import { loadCycleMessages } from './i18n';

/** A lazily loaded page: its module is fetched on first visit, as its own chunk, with the PB cycle's messages. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => {
    const [module] = await Promise.all([load(), loadCycleMessages()]);
    return { Component: pick(module) };
  };
}

/**
 * The route table. Home, municipality and auth pages are imported eagerly (they must be light and fast on a cheap
 * phone); every page of the PB cycle is lazily loaded, so its code (and the participation charts) stays out of the
 * citizen's first download:
 * - `/m/:slug/p/:processId/...`: the public process pages and the agent's own registration;
 * - `/m/:slug/staff/...`: the municipality's staff pages (administrator, facilitator, oversight as the API allows).
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    HydrateFallback: Loading,
    children: [
      {
        // Pathless: a page that throws is replaced by RouteError inside the layout (header and language switch stay).
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'm/:slug', element: <MunicipalityPage /> },
          {
            path: 'm/:slug/p/:processId',
            lazy: page(() => import('./pages/process/ProcessLayout'), (m) => m.ProcessLayout),
            children: [
              { index: true, lazy: page(() => import('./pages/process/ProcessOverview'), (m) => m.ProcessOverview) },
              { path: 'registry', lazy: page(() => import('./pages/process/RegistryPage'), (m) => m.RegistryPage) },
              { path: 'quotas', lazy: page(() => import('./pages/process/QuotasPage'), (m) => m.QuotasPage) },
              { path: 'trainings', lazy: page(() => import('./pages/process/TrainingsPage'), (m) => m.TrainingsPage) },
              { path: 'participation', lazy: page(() => import('./pages/process/ParticipationPage'), (m) => m.ParticipationPage) },
              { path: 'register', lazy: page(() => import('./pages/registration/MyRegistrationPage'), (m) => m.MyRegistrationPage) },
              {
                path: 'register/organization',
                lazy: page(() => import('./pages/registration/OrganizationRegistrationPage'), (m) => m.OrganizationRegistrationPage),
              },
            ],
          },
          {
            path: 'm/:slug/staff',
            lazy: page(() => import('./pages/staff/StaffLayout'), (m) => m.StaffLayout),
            children: [
              { index: true, lazy: page(() => import('./pages/staff/StaffHome'), (m) => m.StaffHome) },
              { path: 'new', lazy: page(() => import('./pages/staff/CreateProcessPage'), (m) => m.CreateProcessPage) },
              { path: 'zones', lazy: page(() => import('./pages/staff/ZonesPage'), (m) => m.ZonesPage) },
              { path: 'plan', lazy: page(() => import('./pages/staff/PlanPage'), (m) => m.PlanPage) },
              { path: 'notifications', lazy: page(() => import('./pages/staff/OutboxPage'), (m) => m.OutboxPage) },
              { path: 'audit', lazy: page(() => import('./pages/staff/AuditPage'), (m) => m.AuditPage) },
              {
                path: 'p/:processId',
                lazy: page(() => import('./pages/staff/StaffProcessLayout'), (m) => m.StaffProcessLayout),
                children: [
                  { index: true, lazy: page(() => import('./pages/staff/StaffProcessLayout'), (m) => m.StaffProcessHome) },
                  { path: 'settings', lazy: page(() => import('./pages/staff/SettingsPage'), (m) => m.SettingsPage) },
                  { path: 'phase', lazy: page(() => import('./pages/staff/PhasePage'), (m) => m.PhasePage) },
                  { path: 'announcements', lazy: page(() => import('./pages/staff/AnnouncementsAdminPage'), (m) => m.AnnouncementsAdminPage) },
                  { path: 'registrations', lazy: page(() => import('./pages/staff/RegistrationsAdminPage'), (m) => m.RegistrationsAdminPage) },
                  { path: 'registrations/new', lazy: page(() => import('./pages/staff/InPersonRegistrationPage'), (m) => m.InPersonRegistrationPage) },
                  { path: 'organizations', lazy: page(() => import('./pages/staff/OrganizationsAdminPage'), (m) => m.OrganizationsAdminPage) },
                  { path: 'import', lazy: page(() => import('./pages/staff/ImportPage'), (m) => m.ImportPage) },
                  { path: 'committees', lazy: page(() => import('./pages/staff/CommitteesPage'), (m) => m.CommitteesPage) },
                  { path: 'trainings', lazy: page(() => import('./pages/staff/TrainingsAdminPage'), (m) => m.TrainingsAdminPage) },
                  { path: 'trainings/:sessionId', lazy: page(() => import('./pages/staff/SessionAdminPage'), (m) => m.SessionAdminPage) },
                ],
              },
            ],
          },
          { path: 'signin', element: <SignInPage /> },
          { path: 'signup', element: <SignUpPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
