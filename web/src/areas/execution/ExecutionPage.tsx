import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { useMorePages } from '../../lib/useMorePages';
import { SelectField } from '../../components/fields';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { ShowMore } from '../../components/ShowMore';
import { EXECUTION_STATUSES, executionApi, type ExecutionStatus } from './api';
import { ProjectBars, ProjectStatus } from './ProjectBars';

const PAGE = 20;

/** The public list of a process's funded projects in execution: status, physical and financial progress, filtered and paged. */
export function ExecutionPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  useDocumentTitle(t('execution.title'));
  const [status, setStatus] = useState<ExecutionStatus | ''>('');
  const [zoneId, setZoneId] = useState('');
  const filterKey = `${status}:${zoneId}`;
  const list = useResource(`execution:${slug}:${process.id}:${filterKey}:${language}`,
    (signal) => executionApi.list(slug, process.id, { status, zoneId, pageSize: PAGE }, language, signal));
  const { visible, showMore, loadingMore, moreError } = useMorePages(filterKey, list.status === 'ok' ? list.data.projects : null,
    async (offset) => (await executionApi.list(slug, process.id, { status, zoneId, pageSize: PAGE, page: offset / PAGE + 1 }, language)).projects);
  const data = list.status === 'ok' ? list.data : null;

  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('execution.title')} lead={t('execution.intro')} />
      {data && !data.tracking && <p className="notice">{t('execution.notYet')}</p>}
      <form className="filters" role="search" aria-label={t('execution.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <SelectField id="execution-status" label={t('execution.statusLabel')} value={status} placeholder={t('common.all')}
          onChange={(e) => setStatus(e.target.value as ExecutionStatus | '')}
          options={EXECUTION_STATUSES.map((s) => ({ value: s, label: `${t(`execution.status.${s}`)} (${data?.counts[s] ?? 0})` }))} />
        <SelectField id="execution-zone" label={t('execution.zoneLabel')} value={zoneId} placeholder={t('common.allZones')}
          onChange={(e) => setZoneId(e.target.value)} options={(data?.zones ?? []).map((z) => ({ value: z.id, label: z.name }))} />
      </form>
      <Loaded resource={list} errorTitle={t('execution.loadError')}>
        {(l) => (
          <section aria-labelledby="execution-list">
            <h2 id="execution-list">{t('execution.listTitle')}</h2>
            <p id="execution-count" role="status" className="result-count">{t('execution.showing', { shown: visible.length, count: l.total })}</p>
            {visible.length === 0 ? <p className="empty">{t('execution.empty')}</p> : (
              <ul className="entry-list">
                {visible.map((p) => (
                  <li key={p.id} className="entry">
                    <p className="entry-head">
                      <Link className="entry-name" to={`/m/${slug}/p/${process.id}/execution/${p.id}`}>{t('execution.numbered', { number: p.number, title: p.title })}</Link>
                    </p>
                    <p className="entry-meta">{p.zoneName}</p>
                    <ProjectStatus project={p} />
                    <ProjectBars project={p} />
                  </li>
                ))}
              </ul>
            )}
            <ShowMore shown={visible.length} total={l.total} loading={loadingMore} error={moreError} onMore={() => void showMore()} />
          </section>
        )}
      </Loaded>
    </article>
  );
}
