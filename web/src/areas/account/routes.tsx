import type { WebArea } from '../../lib/area';
import { AccountPage } from './AccountPage';

/** The signed-in person's account and roles: in the first download. */
export const accountArea: WebArea = {
  name: 'account',
  routes: [{ path: 'account', element: <AccountPage /> }],
};
