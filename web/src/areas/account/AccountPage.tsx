import { Navigate } from 'react-router';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { Loading } from '../../components/Status';
import { RoleList } from '../../components/RoleList';

export function AccountPage() {
  const { t } = useT();
  const { status, user } = useSession();
  useDocumentTitle(t('account.title'));

  if (status === 'loading') return <Loading />;
  if (!user) return <Navigate to="/signin?next=%2Faccount" replace />;

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('account.title')}</h1>
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
