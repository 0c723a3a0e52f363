import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { formatDateTime, formatNumber, formatSoles } from '../../lib/format';
import type { VoteResults } from '../../lib/api-types';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { BarChart } from '../../components/charts/BarChart';
import { votingApi } from './api';

type Envelope = VoteResults['envelopes'][number];

/**
 * The results of the closed vote: per envelope, the votes of each project (a chart and its table), the funded list with
 * its amounts, the alternates, and the rules library's explanation of every verdict; the anonymous ballots to download.
 */
export function ResultsPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  useDocumentTitle(t('voting.resultsTitle'));
  const results = useResource(`vote-results:${slug}:${process.id}:${language}`, (signal) => votingApi.results(slug, process.id, language, signal));
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('voting.resultsTitle')} lead={t('voting.resultsIntro')} />
      <Loaded resource={results} errorTitle={t('voting.resultsUnavailable')}>
        {(r) => (
          <>
            <p>
              {t('voting.closedOn', { date: formatDateTime(r.closedAt, language) })}{' '}
              {t('voting.ruleLine', { kind: t(`voting.kind.${r.ballotKind}`), rule: r.outcomeRule })}
            </p>
            <dl className="figures">
              {(['eligible', 'voted', 'online', 'paper', 'blank', 'spoiled'] as const).map((k) => (
                <div key={k}><dt>{t(`voting.${k}`)}</dt><dd>{formatNumber(r.turnout[k], language)}</dd></div>
              ))}
            </dl>
            {r.envelopes.map((e) => <EnvelopeResult key={e.key} envelope={e} />)}
            <section aria-labelledby="verify-title">
              <h2 id="verify-title">{t('voting.verifyTitle')}</h2>
              <p>{t('voting.verifyHint')}</p>
              <p><a href={votingApi.ballotLogUrl(slug, process.id)} download={`${slug}_${process.fiscalYear}_ballot-log.json`}>{t('voting.ballotLog')}</a></p>
            </section>
          </>
        )}
      </Loaded>
    </article>
  );
}

function EnvelopeResult({ envelope: e }: { envelope: Envelope }) {
  const { t, language } = useT();
  const name = e.zoneName ?? t('voting.district');
  const funded = e.projects.filter((p) => p.funded);
  const alternates = e.projects.filter((p) => !p.funded);
  const headingId = `envelope-${e.key}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p>{t('voting.envelopeFigures', { budget: formatSoles(e.budgetCents, language), spent: formatSoles(e.spentCents, language), ballots: formatNumber(e.ballots, language) })}</p>
      <BarChart
        id={`votes-${e.key}`}
        caption={t('voting.chartCaption', { name })}
        categoryHeader={t('voting.project')}
        tableLabel={t('voting.chartTable', { name })}
        series={[{ key: 'votes', label: t('voting.votes') }]}
        rows={e.projects.map((p) => ({ key: p.projectId, label: `N.º ${p.number} ${p.title}${p.funded ? ' ✓' : ''}`, values: [p.votes] }))}
        format={(n) => formatNumber(n, language)}
      />
      <h3>{t('voting.fundedTitle')}</h3>
      <ResultList projects={funded} empty={t('voting.noneFunded')} />
      <h3>{t('voting.alternatesTitle')}</h3>
      <ResultList projects={alternates} empty={t('voting.noAlternates')} />
      <p><a href={e.pabulibUrl} download>{t('voting.pabulib', { name })}</a></p>
    </section>
  );
}

function ResultList({ projects, empty }: { projects: Envelope['projects']; empty: string }) {
  const { t, language } = useT();
  if (projects.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="entry-list">
      {projects.map((p) => (
        <li key={p.projectId} className="entry">
          <p className="entry-head">
            <strong>{t('voting.projectLabel', { number: p.number, title: p.title, cost: formatSoles(p.costCents, language) })}</strong>
          </p>
          <p>{t('voting.votesLine', { count: p.votes, zone: p.zoneName })}</p>
          {p.explanation.length > 0 && <ul className="explanation">{p.explanation.map((line) => <li key={line}>{line}</li>)}</ul>}
        </li>
      ))}
    </ul>
  );
}
