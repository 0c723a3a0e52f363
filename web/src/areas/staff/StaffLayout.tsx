import { Link, Navigate, Outlet, useLocation, useParams } from 'react-router';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { isStaff } from '../../lib/access';
import { ErrorNotice, Loading } from '../../components/Status';
import type { StaffContext } from '../../lib/process-context';

/** The staff area of a municipality: signed-in people with a staff role there (the API checks each action again). */
export function StaffLayout() {
  const { slug = '' } = useParams();
  const { t } = useT();
  const session = useSession();
  const location = useLocation();
  const detail = useResource(`municipality:${slug}`, (signal) => api.municipality(slug, signal));
  const allowed = isStaff(session.user, slug);
  useDocumentTitle(session.user && !allowed ? t('staff.noAccessTitle') : null);

  if (session.status === 'loading') return <Loading />;
  if (!session.user) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!allowed) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">{t('staff.noAccessTitle')}</h1>
        <p>{t('staff.noAccessText')}</p>
        <p>
          <Link to={`/m/${slug}`}>{t('staff.backToMunicipality')}</Link>
        </p>
      </section>
    );
  }
  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') {
    return (
      <ErrorNotice title={t('municipality.loadError')} onRetry={detail.reload}>
        <p>{detail.error.message}</p>
      </ErrorNotice>
    );
  }
  const context: StaffContext = {
    slug,
    municipality: detail.data.municipality,
    processes: [...detail.data.processes].sort((a, b) => b.fiscalYear - a.fiscalYear),
    reloadMunicipality: detail.reload,
  };
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/m/${slug}`}>{detail.data.municipality.name}</Link>
        {location.pathname.replace(/\/$/, '') !== `/m/${slug}/staff` && (
          <>
            {' › '}
            <Link to={`/m/${slug}/staff`}>{t('staff.title')}</Link>
          </>
        )}
      </p>
      <Outlet context={context} />
    </>
  );
}
