import type { WebArea } from '../../lib/area';
import { SignInPage } from './SignInPage';
import { SignUpPage } from './SignUpPage';

/** Sign in and create an account: in the first download. */
export const authArea: WebArea = {
  name: 'auth',
  routes: [
    { path: 'signin', element: <SignInPage /> },
    { path: 'signup', element: <SignUpPage /> },
  ],
};
