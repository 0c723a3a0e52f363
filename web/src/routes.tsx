import type { RouteObject } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/Status';
import { RouteError } from './areas/public/RouteError';
import { AREAS } from './areas';
import { processesArea } from './areas/processes/routes';
import { areaLazy, collect, lazyPage, withAreaMessages } from './lib/area';
import { prefetch } from './lib/api';
import { processPath } from './lib/paths';

const sections = collect(AREAS, (a) => a.processSections);
const municipalityPages = collect(AREAS, (a) => a.staffMenu?.municipality);
const processPages = collect(AREAS, (a) => a.staffMenu?.process);

/**
 * The route table, composed from the areas (`areas/index.ts`). The shell's pages (home, municipality, auth, account)
 * are imported eagerly (they must be light and fast on a cheap phone); every page of the PB cycle is lazily loaded,
 * so its code (and the participation charts) stays out of the citizen's first download. The areas' pages sit in
 * three frames, each loading its data once for the pages inside it:
 * - `/m/:slug/p/:processId/...`: the public process pages and the agent's own registration;
 * - `/m/:slug/staff/...`: the municipality's staff pages (administrator, facilitator, oversight as the API allows);
 * - `/m/:slug/staff/p/:processId/...`: the staff pages of one process.
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
          ...AREAS.flatMap((a) => withAreaMessages(a, a.routes ?? [])),
          {
            path: 'm/:slug/p/:processId',
            // The process's data leaves with the page's code, not after it (the layout's request takes it over).
            loader: ({ params }) => { prefetch(processPath(params.slug ?? '', params.processId ?? '')); return null; },
            lazy: areaLazy(processesArea, lazyPage(() => import('./areas/processes/ProcessLayout'), (m) => () => <m.ProcessLayout sections={sections} />)),
            children: AREAS.flatMap((a) => withAreaMessages(a, a.processRoutes ?? [])),
          },
          {
            path: 'm/:slug/staff',
            lazy: areaLazy('staff', lazyPage(() => import('./areas/staff/StaffLayout'), (m) => m.StaffLayout)),
            children: [
              {
                index: true,
                lazy: areaLazy('staff', lazyPage(() => import('./areas/staff/StaffHome'), (m) => () => (
                  <m.StaffHome municipalityPages={municipalityPages} processPages={processPages} />
                ))),
              },
              ...AREAS.flatMap((a) => withAreaMessages(a, a.staffRoutes ?? [])),
              {
                path: 'p/:processId',
                lazy: areaLazy('staff', lazyPage(() => import('./areas/staff/StaffProcessLayout'), (m) => () => <m.StaffProcessLayout menu={processPages} />)),
                children: [
                  {
                    index: true,
                    lazy: areaLazy('staff', lazyPage(() => import('./areas/staff/Dashboard'), (m) => m.Dashboard)),
                  },
                  ...AREAS.flatMap((a) => withAreaMessages(a, a.staffProcessRoutes ?? [])),
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];
