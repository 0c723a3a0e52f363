import { Navigate } from 'react-router';
import { api } from '../../lib/api';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../lib/session';
import { Loading } from '../../components/Status';
import { landingPath } from './landing';

/**
 * Where signing in leads when no page asked for it: each role where its work is (staff: the dashboard of the
 * municipality's current process; an agent: their registration; a visitor: the open call, or the account page).
 */
export function StartPage() {
  const { status, user } = useSession();
  if (status === 'loading') return <Loading />;
  if (!user) return <Navigate to="/signin" replace />;
  return <Landing userId={user.id} />;
}

function Landing({ userId }: { userId: string }) {
  const home = useResource(`me-home:${userId}`, (signal) => api.home(signal));
  if (home.status === 'loading') return <Loading />;
  return <Navigate to={home.status === 'ok' ? landingPath(home.data.landing) : '/account'} replace />;
}
