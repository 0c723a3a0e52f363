import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { ProjectSummary } from './ProjectSummary';
import { coordinationApi } from './api';

/** The public Coordination page: each funded project and alternate with its reach, agreements and financing. */
export function CoordinationPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  useDocumentTitle(t('coordination.title'));
  const answer = useResource(`coordination:${slug}:${process.id}:${language}`, (signal) => coordinationApi.get(slug, process.id, language, signal));
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('coordination.title')} lead={t('coordination.intro')} />
      <Loaded resource={answer} errorTitle={t('coordination.loadError')}>
        {(c) => (c.projects.length === 0
          ? <p className="empty">{t('coordination.none')}</p>
          : c.projects.map((p) => (
            <section key={p.proposalId} aria-labelledby={`project-${p.proposalId}`}>
              <ProjectSummary slug={slug} processId={process.id} project={p} thresholds={c.thresholds} />
            </section>
          )))}
      </Loaded>
    </article>
  );
}
