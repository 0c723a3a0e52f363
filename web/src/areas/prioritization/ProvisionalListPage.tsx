import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { can } from '../../lib/access';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { useProcessContext } from '../../lib/process-context';
import { formatDateTime, formatNumber, formatPercent, formatSoles } from '../../lib/format';
import type { ProvisionalList } from '../../lib/api-types';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { ReasonField } from '../../components/ReasonField';
import { BarChart } from '../../components/charts/BarChart';
import { TableWrap } from '../../components/TableWrap';
import { prioritizationApi } from './api';
import { said, type Said } from '../../lib/said';

type Pool = ProvisionalList['pools'][number];
type Entry = Pool['entries'][number];

/**
 * The provisional ranked list: per envelope, the proposals in ranking order with their scores (a chart and its table),
 * whether each is funded or an alternate, and why, with the score of every evaluator on every criterion.
 */
export function ProvisionalListPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  const session = useSession();
  useDocumentTitle(t('prioritization.title'));
  const answer = useResource(`provisional-list:${slug}:${process.id}:${language}`, (signal) => prioritizationApi.get(slug, process.id, language, signal));
  const mayCompute = can(session.user, slug, 'prioritization.compute') && process.phase === 'concertation';

  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('prioritization.title')} lead={t('prioritization.intro')} />
      {mayCompute && <ComputeForm slug={slug} processId={process.id} onDone={() => answer.reload()} />}
      <Loaded resource={answer} errorTitle={t('prioritization.loadError')}>
        {({ list }) => (list ? <ListBody list={list} /> : <p className="empty">{t('prioritization.none')}</p>)}
      </Loaded>
    </article>
  );
}

function ListBody({ list }: { list: ProvisionalList }) {
    const { t, language } = useT();
    const share = list.settings.workshopShare;
    return (
      <>
        <p>
          {t('prioritization.computed', { seq: list.seq, date: formatDateTime(list.computedAt, language), name: list.computedByName })}
          {' '}
          {t('prioritization.reason', { reason: list.reason })}
        </p>
        {!list.current && <p className="notice">{t('prioritization.outdated')}</p>}
        {list.unevaluated > 0 && <p className="notice">{t('prioritization.unevaluated', { count: list.unevaluated })}</p>}
        <p>
          {share > 0
            ? t('prioritization.formulaCombined', { technical: formatPercent(1 - share, language, 0), workshop: formatPercent(share, language, 0) })
            : t('prioritization.formulaTechnical')}
          {' '}
          {t(`prioritization.ties.${list.settings.ties}`)}
        </p>
        {list.criteria.length > 0 && (
          <p className="muted">
            {t('prioritization.criteria')}{' '}
            {list.criteria.map((c) => `${c.name} (${formatNumber(c.weight, language)})`).join(' · ')}
          </p>
        )}
        {list.pools.filter((pool) => pool.entries.length > 0).map((pool) => <PoolSection key={pool.key} pool={pool} list={list} />)}
      </>
    );
  }

function PoolSection({ pool, list }: { pool: Pool; list: ProvisionalList }) {
    const { t, language } = useT();
    const name = pool.zoneName ?? t('prioritization.wholeMunicipality');
    const headingId = `pool-${pool.key}`;
    const ranked = pool.entries.filter((e) => e.rank !== null);
    return (
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{name}</h2>
        <p>
          {t('prioritization.envelope', {
            budget: formatSoles(pool.budgetCents, language), spent: formatSoles(pool.spentCents, language),
            left: formatSoles(pool.budgetCents - pool.spentCents, language),
          })}
        </p>
        {ranked.length > 0 && (
          <BarChart
            id={`chart-${pool.key}`}
            caption={t('prioritization.chartCaption', { zone: name })}
            categoryHeader={t('prioritization.proposal')}
            tableLabel={t('prioritization.chartTable', { zone: name })}
            series={[{ key: 'score', label: t('prioritization.score') }]}
            rows={ranked.map((e) => ({ key: e.proposalId, label: `${e.rank}. ${t('prioritization.numbered', { number: e.number, title: e.title })}${e.status === 'funded' ? ' ✓' : ''}`, values: [e.score ?? 0] }))}
            format={(n) => formatNumber(n, language, 2)}
            note={t('prioritization.chartNote')}
          />
        )}
        <ol className="entry-list ranking" aria-label={t('prioritization.entriesOf', { zone: name })}>
          {pool.entries.map((e) => <EntryItem key={e.proposalId} entry={e} list={list} />)}
        </ol>
      </section>
    );
  }

function EntryItem({ entry: e, list }: { entry: Entry; list: ProvisionalList }) {
    const { t, language } = useT();
    const { slug, process } = useProcessContext();
    return (
      <li className="entry">
        <h3 className="entry-title">
          {e.rank !== null && <span>{t('prioritization.rank', { rank: e.rank })} · </span>}
          <Link to={`/m/${slug}/p/${process.id}/proposals/${e.proposalId}`}>{t('prioritization.numbered', { number: e.number, title: e.title })}</Link>
        </h3>
        <p>
          <strong className={`badge badge-${e.status}`}>{t(`prioritization.status.${e.status}`)}</strong>
          {' · '}{e.zoneName}
          {e.costCents !== null && <> · {t('prioritization.cost', { cost: formatSoles(e.costCents, language) })}</>}
          {e.costCents !== null && e.costCents !== e.requestedCostCents && <> ({t('prioritization.requested', { cost: formatSoles(e.requestedCostCents, language) })})</>}
        </p>
        {e.score !== null && (
          <p>
            {t('prioritization.scoreLine', {
              score: formatNumber(e.score, language, 2),
              technical: formatNumber(e.technicalScore ?? 0, language, 2),
              votes: formatNumber(e.workshopVotes, language),
              workshop: formatNumber(e.workshopScore ?? 0, language, 2),
            })}
          </p>
        )}
        {e.explanation.length > 0 && (
          <ul className="explanation">
            {e.explanation.map((line) => <li key={line}>{line}</li>)}
          </ul>
        )}
        {e.status === 'not_viable' && <p>{t('prioritization.notViableWhy')}</p>}
        {e.status === 'not_evaluated' && <p>{t('prioritization.notEvaluatedWhy')}</p>}
        {e.evaluators.length > 0 && (
          <details>
            <summary>{t('prioritization.byEvaluator', { number: e.number })}</summary>
            <TableWrap label={t('prioritization.byEvaluatorTable', { number: e.number })}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('prioritization.evaluator')}</th>
                    {list.criteria.map((c) => <th key={c.id} scope="col">{c.name}</th>)}
                    <th scope="col">{t('prioritization.weighted')}</th>
                    <th scope="col">{t('prioritization.viability')}</th>
                  </tr>
                </thead>
                <tbody>
                  {e.evaluators.map((x) => {
                    const byCriterion = new Map(x.scores.map((s) => [s.criterionId, s.score]));
                    return (
                      <tr key={x.evaluatorName}>
                        <th scope="row">{x.evaluatorName}</th>
                        {list.criteria.map((c) => <td key={c.id}>{byCriterion.has(c.id) ? formatNumber(byCriterion.get(c.id)!, language) : '—'}</td>)}
                        <td>{formatNumber(x.weightedScore, language, 2)}</td>
                        <td>{t(`prioritization.viabilityValue.${x.viability}`)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          </details>
        )}
      </li>
    );
}

/** Administrators compute the list again from today's data, saying why; earlier lists are kept. */
function ComputeForm({ slug, processId, onDone }: { slug: string; processId: string; onDone(): void }) {
  const { t, language } = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Said | null>(null);
  const [formError, setFormError] = useState<Said | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setDone(null);
    setFormError(null);
    if (reason.trim().length < 5) {
      setError(t('processForm.errors.reason'));
      document.getElementById('compute-reason')?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const list = await prioritizationApi.compute(slug, processId, reason.trim(), language);
      setReason('');
      setDone(t('prioritization.computedNotice', { seq: list.seq }));
      onDone();
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      if (cause.field === 'reason') setError(cause);
      else setFormError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="compute-title" className="panel">
      <h2 id="compute-title">{t('prioritization.computeTitle')}</h2>
      <p>{t('prioritization.computeHint')}</p>
      <FormAlert id="compute-error" message={formError} />
      <SuccessNotice message={done} />
      <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <ReasonField id="compute-reason" value={reason} onChange={setReason} error={error} />
        <p className="actions">
          <button type="submit" className="button" disabled={busy}>{t('prioritization.compute')}</button>
        </p>
      </form>
    </section>
  );
}
