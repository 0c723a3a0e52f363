import type { WebArea } from '../../lib/area';
import { AccountPage } from './AccountPage';
import { StartPage } from './StartPage';

/** The signed-in person's account and roles, and where signing in leads: in the first download. */
export const accountArea: WebArea = {
  name: 'account',
  routes: [
    { path: 'account', element: <AccountPage /> },
    { path: 'start', element: <StartPage /> },
  ],
};
