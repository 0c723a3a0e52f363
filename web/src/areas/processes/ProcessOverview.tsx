import { Link } from 'react-router';
import { useT } from '../../i18n';
import { communicationApi } from '../communication/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatBytes, formatDate, formatDateTime, formatPercent, formatSoles } from '../../lib/format';
import { registrationOpen, womenNeeded } from '../../lib/process-rules';
import type { ProcessDetail } from '../../lib/prep-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { PhaseStepper } from '../../components/PhaseStepper';
import { TableWrap } from '../../components/TableWrap';
import { useProcessContext } from '../../lib/process-context';

export function ProcessOverview() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  useDocumentTitle(process.name);
  const open = registrationOpen(process);
  const base = `/m/${slug}/p/${process.id}`;

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">{t('municipality.fiscalYear', { year: process.fiscalYear })}</p>
        <h1 id="page-title">{process.name}</h1>
        <p className="phase-text">
          {t('municipality.currentPhase')}: <strong>{t(`phase.${process.phase}`)}</strong>
        </p>
      </header>

      {open && (
        <section className="card card-call" aria-labelledby="call-title">
          <h2 id="call-title">{t('process.call.title')}</h2>
          <p>{t('process.call.text', { date: formatDate(process.rules.registrationDeadline, language) })}</p>
          <p className="actions">
            <Link className="button" to={`${base}/register`}>
              {t('process.call.registerAgent')}
            </Link>
            <Link className="button button-secondary" to={`${base}/register/organization`}>
              {t('process.call.registerOrganization')}
            </Link>
          </p>
        </section>
      )}

      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t('process.calendarTitle')}</h2>
        <PhaseStepper phase={process.phase} calendar={process.calendar} />
      </section>

      <section aria-labelledby="budget-title">
        <h2 id="budget-title">{t('process.budget.title')}</h2>
        <p className="big-figure">
          <span className="visually-hidden">{t('process.budget.envelope')}: </span>
          {formatSoles(process.envelopeCents, language)}
        </p>
        <p>
          {t('process.budget.share', {
            share: formatPercent(process.envelopeShare, language),
            investment: formatSoles(process.investmentBudgetCents, language),
          })}
        </p>
        <ZoneSplit process={process} />
      </section>

      <RulesInPlainWords process={process} />

      <Announcements slug={slug} processId={process.id} />

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('process.history.title')}</h2>
        {process.phaseMoves.length === 0 ? (
          <p>{t('process.history.none', { phase: t(`phase.${process.phase}`) })}</p>
        ) : (
          <ol className="history">
            {process.phaseMoves.map((m) => (
              <li key={m.seq}>
                <p>
                  <strong>{t('process.history.move', { from: t(`phase.${m.from}`), to: t(`phase.${m.to}`) })}</strong>
                  <br />
                  <span className="muted">{t('process.history.by', { when: formatDateTime(m.movedAt, language), who: m.movedByName })}</span>
                </p>
                <p className="reason">
                  {t('common.reason')}: {m.reason}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

function ZoneSplit({ process }: { process: ProcessDetail }) {
  const { t, language } = useT();
  if (process.zoneEnvelopes.length === 0) return <p>{t('process.budget.noSplit')}</p>;
  const allocated = process.zoneEnvelopes.reduce((sum, z) => sum + z.amountCents, 0);
  const rest = process.envelopeCents - allocated;
  return (
    <TableWrap label={t('process.budget.splitTitle')}>
      <table className="table">
        <caption>{t('process.budget.splitTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('process.budget.zone')}</th>
            <th scope="col" className="num">
              {t('process.budget.amount')}
            </th>
            <th scope="col" className="num">
              {t('process.budget.ofEnvelope')}
            </th>
          </tr>
        </thead>
        <tbody>
          {process.zoneEnvelopes.map((z) => (
            <tr key={z.zoneId}>
              <th scope="row">{z.zoneName}</th>
              <td className="num">{formatSoles(z.amountCents, language)}</td>
              <td className="num">{formatPercent(z.amountCents / process.envelopeCents, language)}</td>
            </tr>
          ))}
          {rest > 0 && (
            <tr>
              <th scope="row">{t('process.budget.unallocated')}</th>
              <td className="num">{formatSoles(rest, language)}</td>
              <td className="num">{formatPercent(rest / process.envelopeCents, language)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function RulesInPlainWords({ process }: { process: ProcessDetail }) {
  const { t, language } = useT();
  const r = process.rules;
  const q = r.quotas;
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">{t('process.rules.title')}</h2>
      <ul className="plain-rules">
        <li>{t('process.rules.deadline', { date: formatDate(r.registrationDeadline, language) })}</li>
        <li>{t('process.rules.decisions')}</li>
        <li>
          {r.trainingRequiredToVote
            ? t('process.rules.trainingRequired', { count: r.minTrainingSessions })
            : t('process.rules.trainingNotRequired')}
        </li>
        <li>
          {t('process.rules.delegates', {
            seats: q.delegateSeats,
            share: formatPercent(q.delegatesMinWomenShare, language, 0),
            women: womenNeeded(q.delegateSeats, q.delegatesMinWomenShare),
          })}
        </li>
        <li>{t('process.rules.directive', { seats: q.directiveSeats, women: Math.min(q.directiveMinWomen, q.directiveSeats) })}</li>
        <li>
          {t('process.rules.oversight', {
            seats: q.oversightSeats,
            share: formatPercent(q.oversightMinWomenShare, language, 0),
            women: womenNeeded(q.oversightSeats, q.oversightMinWomenShare),
          })}
        </li>
        <li>{t(`process.rules.ballot.${r.ballotKind}`, { max: r.maxChoices ?? '—' })}</li>
        <li>{t(`process.rules.outcome.${r.outcomeRule}`)}</li>
      </ul>
    </section>
  );
}

function Announcements({ slug, processId }: { slug: string; processId: string }) {
  const { t, language } = useT();
  const list = useResource(`announcements:${slug}:${processId}`, (signal) => communicationApi.announcements(slug, processId, signal));
  return (
    <section aria-labelledby="announcements-title">
      <h2 id="announcements-title">{t('process.announcements.title')}</h2>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && (
        <ErrorNotice title={t('process.announcements.loadError')} onRetry={list.reload}>
          <p>{list.error.message}</p>
        </ErrorNotice>
      )}
      {list.status === 'ok' && list.data.announcements.filter((a) => a.publishedAt).length === 0 && (
        <p className="empty">{t('process.announcements.none')}</p>
      )}
      {list.status === 'ok' && (
        <ul className="announcement-list">
          {list.data.announcements
            .filter((a) => a.publishedAt)
            .map((a) => (
              <li key={a.id} className="card">
                <h3>{a.title}</h3>
                <p className="muted">
                  {t('process.announcements.valid', {
                    from: formatDate(a.startsOn, language, 'medium'),
                    to: formatDate(a.endsOn, language, 'medium'),
                  })}
                </p>
                <p className="prewrap">{a.body}</p>
                {a.attachments.length > 0 && (
                  <>
                    <p className="attachments-title">{t('process.announcements.attachments')}</p>
                    <ul className="file-list">
                      {a.attachments.map((f) => (
                        <li key={f.id}>
                          <a href={`/api/municipalities/${encodeURIComponent(slug)}/files/${encodeURIComponent(f.id)}`} download={f.filename}>
                            {f.filename}
                          </a>{' '}
                          <span className="muted">({formatBytes(f.sizeBytes, language)})</span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
