import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMorePages } from '../../lib/useMorePages';
import { useProcessContext } from '../../lib/process-context';
import { formatNumber, formatSoles } from '../../lib/format';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { SearchField } from '../../components/SearchField';
import { SelectField } from '../../components/fields';
import { ZoneSelect } from '../../components/ZoneSelect';
import { ShowMore } from '../../components/ShowMore';
import { planApi, useZones } from '../plan/api';
import { PORTAL_STATUSES, portalApi, type PortalProposals, type PortalStatus } from './api';
import { OpenDataFiles } from './OpenDataFiles';

const PAGE = 20;

function useDebounced(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Everything public about a process's proposals: each with its evaluation, workshop votes, vote result (after the
 * close) and status, searchable and filtered on the server; its open data; the vote's results and receipt check.
 */
export function TransparencyPage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  useDocumentTitle(t('portal.process.title'));
  const [q, setQ] = useState('');
  const [zoneId, setZoneId] = useState('');
  const [axisId, setAxisId] = useState('');
  const [status, setStatus] = useState<PortalStatus | ''>('');
  const search = useDebounced(q.trim());
  const key = `${search}:${zoneId}:${axisId}:${status}`;
  const filters = { q: search, zoneId, axisId, status, limit: PAGE };
  const zones = useZones(slug);
  const plan = useResource(`plan:${slug}`, (signal) => planApi.plan(slug, signal));
  const list = useResource(`portal-proposals:${slug}:${process.id}:${key}`, (signal) => portalApi.proposals(slug, process.id, filters, signal));
  const openData = useResource(`open-data:${slug}:${process.id}`, (signal) => portalApi.processOpenData(slug, process.id, signal));
  const more = useMorePages(key, list.status === 'ok' ? list.data.proposals : null,
    async (offset) => (await portalApi.proposals(slug, process.id, { ...filters, offset })).proposals);
  const counts = list.status === 'ok' ? list.data.counts : null;
  const inExecution = process.phase === 'execution' || process.phase === 'closed';

  return (
    <Page eyebrow={process.name} title={t('portal.process.title')} lead={t('portal.process.intro')}>
      <form className="filters" role="search" aria-label={t('portal.filters')} onSubmit={(e) => e.preventDefault()}>
        <SearchField id="portal-q" label={t('common.search')} hint={t('portal.process.searchHint')} countId="portal-count" value={q} onChange={setQ} />
        <ZoneSelect
          id="portal-zone"
          label={t('portal.process.zone')}
          value={zoneId}
          onChange={setZoneId}
          placeholder={t('common.allZones')}
          zones={zones.status === 'ok' ? zones.data.zones : []}
        />
        <SelectField
          id="portal-axis"
          label={t('portal.process.axis')}
          value={axisId}
          onChange={(e) => setAxisId(e.target.value)}
          placeholder={t('portal.process.allAxes')}
          options={plan.status === 'ok' ? plan.data.axes.map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` })) : []}
        />
        <SelectField
          id="portal-status"
          label={t('portal.process.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as PortalStatus | '')}
          placeholder={t('common.all')}
          options={PORTAL_STATUSES.map((s) => ({ value: s, label: counts ? t('portal.process.statusCount', { status: t(`portal.status.${s}`), count: counts[s] }) : t(`portal.status.${s}`) }))}
        />
      </form>

      <Loaded resource={list} errorTitle={t('portal.loadError')}>
        {(data) => (
          <section aria-labelledby="portal-list">
            <h2 id="portal-list">{t('portal.process.listTitle')}</h2>
            <p>{data.voteClosed ? t('portal.process.voteClosed') : t('portal.process.voteNotClosed')}</p>
            <p id="portal-count" role="status" className="result-count">
              {t('portal.showing', { shown: more.visible.length, count: data.total })}
            </p>
            {more.visible.length === 0 ? (
              <p className="empty">{t('portal.process.empty')}</p>
            ) : (
              <ul className="entry-list">
                {more.visible.map((p) => (
                  <ProposalEntry key={p.id} slug={slug} processId={process.id} proposal={p} />
                ))}
              </ul>
            )}
            <ShowMore shown={more.visible.length} total={data.total} loading={more.loadingMore} error={more.moreError} onMore={() => void more.showMore()} />
          </section>
        )}
      </Loaded>

      <section aria-labelledby="vote-links-title">
        <h2 id="vote-links-title">{t('portal.process.voteTitle')}</h2>
        <ul>
          {list.status === 'ok' && list.data.voteClosed && (
            <li><Link to={`/m/${slug}/p/${process.id}/vote/results`}>{t('portal.process.results')}</Link></li>
          )}
          <li><Link to={`/m/${slug}/p/${process.id}/vote`}>{t('portal.process.receipt')}</Link></li>
          {openData.status === 'ok' && openData.data.acta && (
            <li>
              <Link to={`/m/${slug}/p/${process.id}/acta`}>{t('portal.process.acta')}</Link>
              {' · '}
              <a href={openData.data.acta.pdfUrl}>{t('portal.process.actaPdf', { version: openData.data.acta.version })}</a>
            </li>
          )}
          {/* Execution of the funded projects has its own pages (the execution area); linked once the process reaches it. */}
          {inExecution && (
            <li><Link to={`/m/${slug}/p/${process.id}/execution`}>{t('portal.process.execution')}</Link></li>
          )}
        </ul>
      </section>

      <section aria-labelledby="open-data-title">
        <h2 id="open-data-title">{t('portal.openData.title')}</h2>
        <p>{t('portal.openData.processIntro')}</p>
        <Loaded resource={openData} errorTitle={t('portal.loadError')}>
          {(d) => (
            <>
              <OpenDataFiles files={d.voteClosed ? d.files : d.files.filter((f) => f.file !== 'results')} schemaUrl={d.schemaUrl} />
              {!d.voteClosed && <p className="muted">{t('portal.openData.resultsLater')}</p>}
              {d.pabulib.length > 0 && (
                <>
                  <h3>{t('portal.openData.ballots')}</h3>
                  <ul>
                    {d.pabulib.map((b) => (
                      <li key={b.envelope}>
                        <a href={b.url} download>{t('portal.openData.ballotsOf', { envelope: b.envelopeName ?? t('portal.process.districtWide') })}</a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </Loaded>
      </section>
    </Page>
  );
}

function ProposalEntry({ slug, processId, proposal: p }: { slug: string; processId: string; proposal: PortalProposals['proposals'][number] }) {
  const { t, language } = useT();
  const soles = (cents: number) => formatSoles(cents, language);
  return (
    <li className="entry">
      <p className="entry-head">
        <Link className="entry-name" to={`/m/${slug}/p/${processId}/proposals/${p.id}`}>
          {t('portal.process.numbered', { number: p.number, title: p.title })}
        </Link>{' '}
        <span className="badge">{t(`portal.status.${p.status}`)}</span>
      </p>
      <p className="entry-meta">
        {p.zone.name} · {p.axis.code} {p.axis.name}
        {p.organization && <> · {p.organization}</>}
      </p>
      <p className="entry-meta">
        {t('portal.process.requested')}: {soles(p.requestedCostCents)}
        {p.workshopVotes !== null && <> · {t('portal.process.workshopVotes')}: {formatNumber(p.workshopVotes, language)}</>}
      </p>
      <p className="entry-meta">
        {t('portal.process.evaluation')}:{' '}
        {p.evaluation
          ? t('portal.process.evaluationLine', {
              viability: t(`portal.viability.${p.evaluation.viability}`),
              cost: soles(p.evaluation.adjustedCostCents),
              score: formatNumber(p.evaluation.weightedScore, language, 1),
            })
          : t('portal.process.notEvaluated')}
      </p>
      {p.vote && (
        <p className="entry-meta">
          {t('portal.process.vote')}:{' '}
          {t(p.vote.funded ? 'portal.process.voteFunded' : 'portal.process.voteNotFunded', {
            count: p.vote.votes,
            votes: formatNumber(p.vote.votes, language),
            envelope: p.vote.envelopeName ?? t('portal.process.districtWide'),
          })}
        </p>
      )}
    </li>
  );
}
