import type { RouteObject } from 'react-router';
import { Layout } from './components/Layout';
import { HomePage } from './pages/public/HomePage';
import { MunicipalityPage } from './pages/public/MunicipalityPage';
import { NotFoundPage } from './pages/public/NotFoundPage';
import { RouteError } from './pages/public/RouteError';
import { SignInPage } from './pages/auth/SignInPage';
import { SignUpPage } from './pages/auth/SignUpPage';
import { AccountPage } from './pages/account/AccountPage';

/**
 * The route table. Public pages are imported eagerly (they must be light and fast on a cheap phone);
 * pages of later areas of the PB cycle (registration, proposals, evaluation, voting, oversight, administration)
 * should be added with `lazy: () => import('./pages/<area>/...')` so their code, and any chart library, stays out
 * of the citizen's first download.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      {
        // Pathless: a page that throws is replaced by RouteError inside the layout (header and language switch stay).
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'm/:slug', element: <MunicipalityPage /> },
          { path: 'signin', element: <SignInPage /> },
          { path: 'signup', element: <SignUpPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
