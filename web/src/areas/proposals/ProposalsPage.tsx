import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { planApi, useZones } from '../plan/api';
import { proposalsApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { formatDate } from '../../lib/format';
import type { ProposalStatus } from '../../lib/api-types';
import { SelectField } from '../../components/fields';
import { ZoneSelect } from '../../components/ZoneSelect';
import { SearchField } from '../../components/SearchField';
import { PageHeader } from '../../components/PageHeader';
import { useProcessContext } from '../../lib/process-context';
import { Loaded } from '../../components/Loaded';
import { ProposalCard } from './ProposalCard';
import { useMorePages } from '../../lib/useMorePages';
import { ShowMore } from '../../components/ShowMore';

const PAGE = 20;
const STATUSES: ProposalStatus[] = ['submitted', 'withdrawn'];

/** Typing settles for this long before the search is sent (a phone on a slow line should not send every letter). */
function useDebounced(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The public list of proposals: searched by words or number, filtered by zone, axis and status, twenty at a time. */
export function ProposalsPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  const session = useSession();
  useDocumentTitle(t('proposals.title'));
  const [q, setQ] = useState('');
  const [zoneId, setZoneId] = useState('');
  const [axisId, setAxisId] = useState('');
  const [status, setStatus] = useState('');
  const search = useDebounced(q.trim());
  const filterKey = `${search}:${zoneId}:${axisId}:${status}`;
  const filters = { q: search, zoneId, axisId, status: status as ProposalStatus | '', limit: PAGE };
  const zones = useZones(slug);
  const plan = useResource(`plan:${slug}`, (signal) => planApi.plan(slug, signal));
  const list = useResource(`proposals:${slug}:${process.id}:${filterKey}`, (signal) => proposalsApi.list(slug, process.id, filters, signal));
  const { visible, showMore, loadingMore, moreError } = useMorePages(filterKey, list.status === 'ok' ? list.data.proposals : null,
    async (offset) => (await proposalsApi.list(slug, process.id, { ...filters, offset })).proposals);
  const total = list.status === 'ok' ? list.data.total : 0;


  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('proposals.title')} lead={t('proposals.intro')} />
      {list.status === 'ok' && (
        <p>
          {list.data.open
            ? t('proposals.openUntil', { date: formatDate(list.data.proposalDeadline, language) })
            : t('proposals.closed')}
          {list.data.open && session.user && (
            <>
              {' '}
              <Link className="button" to={`/m/${slug}/p/${process.id}/proposals/new`}>
                {t('proposals.propose')}
              </Link>
            </>
          )}
        </p>
      )}

      <form className="filters" role="search" aria-label={t('proposals.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <SearchField id="proposals-q" label={t('common.search')} hint={t('proposals.searchHint')} countId="proposals-count" value={q} onChange={setQ} />
        <ZoneSelect
          id="proposals-zone"
          label={t('proposals.zone')}
          value={zoneId}
          onChange={setZoneId}
          placeholder={t('common.allZones')}
          zones={zones.status === 'ok' ? zones.data.zones : []}
        />
        <SelectField
          id="proposals-axis"
          label={t('proposals.axis')}
          value={axisId}
          onChange={(e) => setAxisId(e.target.value)}
          placeholder={t('proposals.allAxes')}
          options={plan.status === 'ok' ? plan.data.axes.map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` })) : []}
        />
        <SelectField
          id="proposals-status"
          label={t('proposals.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          placeholder={t('common.all')}
          options={STATUSES.map((s) => ({ value: s, label: t(`proposals.statuses.${s}`) }))}
        />
      </form>

      <Loaded resource={list} errorTitle={t('proposals.loadError')}>
        {() => (
          <section aria-labelledby="proposals-list">
            <h2 id="proposals-list">{t('proposals.listTitle')}</h2>
            <p id="proposals-count" role="status" className="result-count">
              {t('proposals.showing', { shown: visible.length, count: total })}
            </p>
            {visible.length === 0 ? (
              <p className="empty">{t('proposals.empty')}</p>
            ) : (
              <ul className="entry-list">
                {visible.map((p) => (
                  <ProposalCard key={p.id} proposal={p} to={`/m/${slug}/p/${process.id}/proposals/${p.id}`} />
                ))}
              </ul>
            )}
            <ShowMore shown={visible.length} total={total} loading={loadingMore} error={moreError} onMore={() => void showMore()} />
          </section>
        )}
      </Loaded>
    </article>
  );
}
