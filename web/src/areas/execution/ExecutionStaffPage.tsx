import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { formatPercent } from '../../lib/format';
import { Loaded } from '../../components/Loaded';
import { PageHeader } from '../../components/PageHeader';
import { executionApi } from './api';
import { ProjectStatus } from './ProjectBars';

/** Administrators' execution page: every tracked project to report on, and the budget system's CSV import. */
export function ExecutionStaffPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('execution.staffTitle'));
  const list = useResource(`execution-staff:${slug}:${process.id}:${language}`, (signal) => executionApi.list(slug, process.id, { pageSize: 100 }, language, signal));
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('execution.staffTitle')} lead={t('execution.staffIntro')} />
      <Loaded resource={list} errorTitle={t('execution.loadError')}>
        {(l) => (
          <>
            {!l.tracking && <p className="notice">{t('execution.notYet')}</p>}
            {l.tracking && <p><Link className="button button-secondary" to={`/m/${slug}/staff/p/${process.id}/execution/import`}>{t('execution.importLink')}</Link></p>}
            {l.projects.length === 0 ? <p className="empty">{t('execution.empty')}</p> : (
              <ul className="entry-list">
                {l.projects.map((p) => (
                  <li key={p.id} className="entry">
                    <p className="entry-head">
                      <Link className="entry-name" to={`/m/${slug}/staff/p/${process.id}/execution/${p.id}`}>{t('execution.numbered', { number: p.number, title: p.title })}</Link>
                    </p>
                    <ProjectStatus project={p} />
                    <p className="entry-meta">
                      {t('execution.figures', { physical: formatPercent(p.physicalPercent / 100, language, 1), financial: formatPercent(p.financialPercent / 100, language, 1) })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {l.total > l.projects.length && <p className="muted">{t('execution.firstHundred', { count: l.total })}</p>}
          </>
        )}
      </Loaded>
    </article>
  );
}
