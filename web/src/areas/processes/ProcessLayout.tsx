import { Link, NavLink, Outlet, useParams } from 'react-router';
import { useT } from '../../i18n';
import { processesApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { isStaff } from '../../lib/access';
import { ErrorNotice, Loading } from '../../components/Status';
import type { ProcessContext } from '../../lib/process-context';
import type { SectionEntry } from '../../lib/area';

/**
 * The public pages of one yearly process share this frame: a way back to the municipality, and the process's
 * sections as links (each area contributes its own: overview, registry, quotas, trainings, participation, my
 * registration). The process is loaded once here and handed to the section pages.
 */
export function ProcessLayout({ sections }: { sections: SectionEntry[] }) {
  const { slug = '', processId = '' } = useParams();
  const { t } = useT();
  const { user } = useSession();
  const detail = useResource(`process:${slug}:${processId}`, (signal) => processesApi.process(slug, processId, signal));
  const notFound = detail.status === 'error' && detail.error.status === 404;
  useDocumentTitle(notFound ? t('process.notFoundTitle') : null);

  if (detail.status === 'loading') return <Loading />;
  if (notFound) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">{t('process.notFoundTitle')}</h1>
        <p>{t('process.notFoundText')}</p>
        <p>
          <Link to={`/m/${slug}`}>{t('process.backToMunicipality')}</Link>
        </p>
      </section>
    );
  }
  if (detail.status === 'error') {
    return (
      <ErrorNotice title={t('process.loadError')} onRetry={detail.reload}>
        <p>{detail.error.message}</p>
      </ErrorNotice>
    );
  }

  const process = detail.data;
  const base = `/m/${slug}/p/${processId}`;
  const context: ProcessContext = { slug, process, reload: detail.reload };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/m/${slug}`}>{t('process.backToMunicipality')}</Link>
        {isStaff(user, slug) && (
          <>
            {' · '}
            <Link to={`/m/${slug}/staff/p/${processId}`}>{t('process.staffLink')}</Link>
          </>
        )}
      </p>
      <nav className="section-nav" aria-label={t('process.nav.label', { name: process.name })}>
        <ul>
          {sections.map((s) => (
            <li key={s.path}>
              <NavLink to={s.path ? `${base}/${s.path}` : base} end={!s.path}>
                {t(s.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet context={context} />
    </>
  );
}
