import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { formatDate, formatDateTime } from '../../lib/format';
import { Loaded } from '../../components/Loaded';
import { PageHeader } from '../../components/PageHeader';
import { TableWrap } from '../../components/TableWrap';
import type { ExecutionProject } from '../../lib/api-types';
import { executionApi } from './api';
import { ProjectBars, ProjectStatus } from './ProjectBars';
import { ReportChanges } from './ReportChanges';
import { FinancingChart } from './FinancingChart';

type Line = ExecutionProject['lines'][number];

/** A budget line's name: the participatory budget, or the pledge's or agreement's party, with its code. */
export function useLineLabel() {
  const { t } = useT();
  return (l: Line) => `${l.kind === 'participatory_budget' ? t('execution.source.pp') : t(`execution.source.${l.kind}`, { name: l.name })} (${l.code})`;
}

/** The history and current state of one project, and its milestones, photos and documents: public. */
export function ProjectView({ project: p }: { project: ExecutionProject }) {
  const { t, language } = useT();
  const lineLabel = useLineLabel();
  return (
    <>
      <p className="entry-meta">{p.zoneName}{p.investmentCode ? ` · ${t('execution.investmentCodeLine', { code: p.investmentCode })}` : ''}</p>
      <ProjectStatus project={p} />
      {p.reportedOn && <p className="entry-meta">{t('execution.reportedOn', { date: formatDate(p.reportedOn, language) })}</p>}
      <ProjectBars project={p} />

      <section aria-labelledby="milestones-title">
        <h2 id="milestones-title">{t('execution.milestones')}</h2>
        {p.milestones.length === 0 ? <p className="empty">{t('execution.noMilestones')}</p> : (
          <TableWrap label={t('execution.milestones')}>
            <table className="table table-compact">
              <thead>
                <tr><th scope="col">{t('execution.milestone')}</th><th scope="col">{t('execution.planned')}</th><th scope="col">{t('execution.actual')}</th></tr>
              </thead>
              <tbody>
                {p.milestones.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    <td>{formatDate(m.plannedOn, language, 'medium')}</td>
                    <td>{m.actualOn ? formatDate(m.actualOn, language, 'medium') : m.overdue ? <strong>{t('execution.overdue')}</strong> : t('execution.pending')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="financing-title">
        <h2 id="financing-title">{t('execution.financingTitle')}</h2>
        <FinancingChart project={p} label={lineLabel} />
      </section>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('execution.documents')}</h2>
        {p.documents.length === 0 ? <p className="empty">{t('execution.noDocuments')}</p> : (
          <ul>
            {p.documents.map((d) => (
              <li key={d.id}>
                <a href={d.url}>{t(d.kind === 'photo' ? 'execution.photoLink' : 'execution.documentLink', { caption: d.caption })}</a>{' '}
                <span className="muted">({d.filename})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('execution.history')}</h2>
        <ol className="entry-list">
          {p.reports.map((r) => (
            <li key={r.id} className="entry">
              <p className="entry-head">
                <strong>{formatDate(r.reportedOn, language)}</strong>{' '}
                <span className="muted">{t(r.fromImport ? 'execution.byImport' : r.byName ? 'execution.by' : 'execution.bySystem', { name: r.byName ?? '', at: formatDateTime(r.at, language) })}</span>
              </p>
              <ReportChanges changes={r.changes} />
              {r.reason && <p className="entry-reason">{r.reason}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The public page of one tracked project. */
export function ProjectPage() {
  const { slug, process } = useProcessContext();
  const { projectId = '' } = useParams();
  const { t, language } = useT();
  const answer = useResource(`execution-project:${slug}:${projectId}:${language}`, (signal) => executionApi.project(slug, process.id, projectId, language, signal));
  const title = answer.status === 'ok' ? t('execution.numbered', { number: answer.data.number, title: answer.data.title }) : t('execution.title');
  useDocumentTitle(title);
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={<Link to={`/m/${slug}/p/${process.id}/execution`}>{t('execution.title')}</Link>} title={title} />
      <Loaded resource={answer} errorTitle={t('execution.loadError')}>
        {(p) => <ProjectView project={p} />}
      </Loaded>
    </article>
  );
}
