import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { ErrorNotice, Loading } from '../../components/Status';
import { PhaseProgress } from '../../components/PhaseProgress';
import type { ProcessSummary } from '../../lib/api-types';
import { isStaff } from '../../lib/access';

export function MunicipalityPage() {
  const { slug = '' } = useParams();
  const { t } = useT();
  const { user } = useSession();
  const detail = useResource(`municipality:${slug}`, (signal) => api.municipality(slug, signal));

  const notFound = detail.status === 'error' && detail.error.status === 404;
  useDocumentTitle(
    detail.status === 'ok' ? detail.data.municipality.name : notFound ? t('municipality.notFoundTitle') : null,
  );

  if (detail.status === 'loading') return <Loading />;
  if (notFound) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">{t('municipality.notFoundTitle')}</h1>
        <p>{t('municipality.notFoundText')}</p>
        <p>
          <Link to="/">{t('common.backHome')}</Link>
        </p>
      </section>
    );
  }
  if (detail.status === 'error') {
    return (
      <ErrorNotice title={t('municipality.loadError')} onRetry={detail.reload}>
        <p>{detail.error.message}</p>
      </ErrorNotice>
    );
  }

  const { municipality, processes } = detail.data;
  const myRoles = user?.roles.filter((r) => r.municipalityId === municipality.id) ?? [];
  const ordered = [...processes].sort((a, b) => b.fiscalYear - a.fiscalYear || a.name.localeCompare(b.name));

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">{t(`municipality.kind.${municipality.kind}`)}</p>
        <h1 id="page-title">{municipality.name}</h1>
        <ol className="jurisdiction" aria-label={t('municipality.jurisdiction')}>
          <li>{t('jurisdiction.region', { name: municipality.region.name })}</li>
          <li>{t('jurisdiction.province', { name: municipality.province.name })}</li>
        </ol>
        {myRoles.length > 0 && (
          <p className="my-role">
            {t('municipality.yourRole')}: <strong>{myRoles.map((r) => t(`role.${r.role}`)).join(', ')}</strong>
          </p>
        )}
        <p>
          <Link to={`/m/${municipality.slug}/history`}>{t('municipality.historyLink')}</Link>
        </p>
      </header>

      {isStaff(user, municipality.slug) && (
        <nav className="card staff-menu" aria-labelledby="staff-menu-title">
          <h2 id="staff-menu-title">{t('municipality.staffMenu')}</h2>
          <p>{t('municipality.staffMenuText')}</p>
          <p>
            <Link className="button" to={`/m/${municipality.slug}/staff`}>
              {t('municipality.staffMenuLink')}
            </Link>
          </p>
        </nav>
      )}

      <section aria-labelledby="processes-title">
        <h2 id="processes-title">{t('municipality.processesTitle')}</h2>
        {ordered.length === 0 ? (
          <p className="empty">{t('municipality.noProcesses')}</p>
        ) : (
          <ul className="process-list">
            {ordered.map((process) => (
              <ProcessCard key={process.id} slug={municipality.slug} process={process} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function ProcessCard({ slug, process }: { slug: string; process: ProcessSummary }) {
  const { t } = useT();
  return (
    <li className="card process-card">
      <h3 className="process-name">
        <Link to={`/m/${slug}/p/${process.id}`}>{process.name}</Link>
      </h3>
      <p className="process-year">{t('municipality.fiscalYear', { year: process.fiscalYear })}</p>
      <PhaseProgress phase={process.phase} />
    </li>
  );
}
