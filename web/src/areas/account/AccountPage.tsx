import { Navigate } from 'react-router';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../lib/session';
import { ErrorNotice, Loading } from '../../components/Status';
import { RoleList } from '../../components/RoleList';
import { NextSteps } from './NextSteps';
import { ClaimForm } from './ClaimForm';

/** The person's next step, and the form that links a registration made face to face. */
function PersonalHome({ userId }: { userId: string }) {
  const { t } = useT();
  const home = useResource(`me-home:${userId}`, (signal) => api.home(signal));
  return (
    <>
      <section className="card" aria-labelledby="next-title">
        <h2 id="next-title">{t('account.next.title')}</h2>
        {home.status === 'loading' && <Loading />}
        {home.status === 'error' && (
          <ErrorNotice title={t('account.next.loadError')} onRetry={home.reload}>
            <p>{home.error.message}</p>
          </ErrorNotice>
        )}
        {home.status === 'ok' && <NextSteps home={home.data} />}
      </section>
      <section className="card" aria-labelledby="claim-title">
        <h2 id="claim-title">{t('account.claim.title')}</h2>
        <ClaimForm onClaimed={home.reload} />
      </section>
    </>
  );
}

export function AccountPage() {
  const { t } = useT();
  const { status, user } = useSession();
  useDocumentTitle(t('account.title'));

  if (status === 'loading') return <Loading />;
  if (!user) return <Navigate to="/signin?next=%2Faccount" replace />;

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('account.title')}</h1>
      <PersonalHome userId={user.id} />
      <section className="card" aria-labelledby="roles-title">
        <h2 id="roles-title">{t('account.rolesTitle')}</h2>
        {user.roles.length > 0 ? <RoleList roles={user.roles} /> : <p>{t('account.noRoles')}</p>}
      </section>
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">{t('account.details')}</h2>
        <dl className="details">
          <dt>{t('account.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('account.email')}</dt>
          <dd>{user.email ?? t('account.notProvided')}</dd>
          <dt>{t('account.dni')}</dt>
          <dd>{user.dni ?? t('account.notProvided')}</dd>
        </dl>
      </section>
    </section>
  );
}
