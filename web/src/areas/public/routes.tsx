import type { WebArea } from '../../lib/area';
import { HomePage } from './HomePage';
import { MunicipalityPage } from './MunicipalityPage';
import { NotFoundPage } from './NotFoundPage';

/** The home page (municipalities by region and province) and a municipality's page: in the first download. */
export const publicArea: WebArea = {
  name: 'public',
  routes: [
    { index: true, element: <HomePage /> },
    { path: 'm/:slug', element: <MunicipalityPage /> },
    { path: '*', element: <NotFoundPage /> },
  ],
};
