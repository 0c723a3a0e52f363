import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import type { ExecutionProject } from '../../lib/api-types';
import { Loaded } from '../../components/Loaded';
import { PageHeader } from '../../components/PageHeader';
import { SuccessNotice } from '../../components/FormAlert';
import { executionApi } from './api';
import { ProjectView } from './ProjectPage';
import { ReportForm } from './ReportForm';
import { AddDocument, AddMilestone, ReachMilestone } from './MilestoneForms';

/** An administrator's page for one tracked project: report progress, milestones, photos and documents; then its public view. */
export function ProjectStaffPage() {
  const { slug, process } = useStaffProcess();
  const { projectId = '' } = useParams();
  const { t, language } = useT();
  const answer = useResource(`execution-project:${slug}:${projectId}:${language}`, (signal) => executionApi.project(slug, process.id, projectId, language, signal));
  const [latest, setLatest] = useState<ExecutionProject | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const loaded = latest ?? (answer.status === 'ok' ? answer.data : null);
  const title = loaded ? t('execution.numbered', { number: loaded.number, title: loaded.title }) : t('execution.staffTitle');
  useDocumentTitle(title);
  const done = (p: ExecutionProject, message: string) => { setLatest(p); setWarnings([]); setNotice(message); };
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={<Link to={`/m/${slug}/staff/p/${process.id}/execution`}>{t('execution.staffTitle')}</Link>} title={title} />
      <SuccessNotice message={notice} />
      {warnings.length > 0 && (
        <div className="notice notice-warning" role="status">
          <ul>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      )}
      <Loaded resource={answer} errorTitle={t('execution.loadError')}>
        {(first) => {
          const p = latest ?? first;
          return (
            <>
              <ReportForm key={`report-${p.reports.length}`} slug={slug} processId={process.id} project={p}
                onDone={(a) => { setLatest(a.project); setWarnings(a.warnings); setNotice(t('execution.reportSaved')); }} />
              <AddMilestone slug={slug} processId={process.id} project={p} onDone={done} />
              <ReachMilestone slug={slug} processId={process.id} project={p} onDone={done} />
              <AddDocument slug={slug} processId={process.id} project={p} onDone={done} />
              <section aria-labelledby="public-view">
                <h2 id="public-view">{t('execution.publicView')}</h2>
                <p><Link to={`/m/${slug}/p/${process.id}/execution/${p.id}`}>{t('execution.openPublic')}</Link></p>
                <ProjectView project={p} />
              </section>
            </>
          );
        }}
      </Loaded>
    </article>
  );
}
