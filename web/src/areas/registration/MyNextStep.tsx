import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { formatDate, peruToday } from '../../lib/format';
import { useProcessContext } from '../../lib/process-context';
import type { Agent } from '../../lib/api-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { trainingApi } from '../training/api';

/**
 * What the process asks of a registered person and what comes next: the training it requires, the sessions they
 * attended and whether that makes them trained, the next session (date and place), and in Concertation the proposal
 * deadline with the way to propose.
 */
export function MyNextStep({ slug, agent }: { slug: string; agent: Agent }) {
  const { process } = useProcessContext();
  const { t, language } = useT();
  const mine = useResource(`my-training:${slug}:${process.id}:${agent.status}`, (signal) => trainingApi.myTraining(slug, process.id, signal));
  const base = `/m/${slug}/p/${process.id}`;
  const proposalDeadline = process.rules.proposalDeadline ?? process.calendar.find((c) => c.phase === 'concertation')?.endsOn ?? null;

  if (agent.status === 'rejected') return null;
  if (mine.status === 'loading') return <Loading />;
  if (mine.status === 'error') {
    return (
      <ErrorNotice title={t('myRegistration.next.loadError')} onRetry={mine.reload}>
        <p>{mine.error.message}</p>
      </ErrorNotice>
    );
  }
  const { rules, attended, trained, nextSession } = mine.data;
  const missing = Math.max(0, rules.minTrainingSessions - attended.length);
  const proposing = process.phase === 'concertation' && proposalDeadline !== null && peruToday() <= proposalDeadline;

  return (
    <>
      <section className="card" aria-labelledby="my-training">
        <h2 id="my-training">{t('myRegistration.next.trainingTitle')}</h2>
        <p>
          {t(rules.trainingRequiredToVote ? 'myRegistration.next.requiredToVote' : 'myRegistration.next.recommended', { count: rules.minTrainingSessions })}
        </p>
        {agent.status === 'pending' ? (
          <p>{t('myRegistration.next.afterApproval')}</p>
        ) : (
          <>
            <p className="status-line">
              <strong>{trained ? t('myRegistration.next.trained') : t('myRegistration.next.missing', { count: missing })}</strong>
            </p>
            {attended.length > 0 ? (
              <>
                <h3>{t('myRegistration.next.attendedTitle', { count: attended.length })}</h3>
                <ul>
                  {attended.map((s) => (
                    <li key={s.id}>
                      {t('myRegistration.next.attendedItem', { topic: s.topic, date: formatDate(s.localDate, language), place: s.place })}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('myRegistration.next.noneAttended')}</p>
            )}
          </>
        )}
      </section>
      <section className="card" aria-labelledby="my-next">
        <h2 id="my-next">{t('myRegistration.next.title')}</h2>
        <ul className="next-steps">
          {nextSession ? (
            <li>
              {t('myRegistration.next.nextSession', {
                topic: nextSession.topic, date: formatDate(nextSession.localDate, language), time: nextSession.localStartTime, place: nextSession.place,
              })}{' '}
              <Link to={`${base}/trainings`}>{t('myRegistration.next.trainingsLink')}</Link>
            </li>
          ) : (
            !trained && <li>{t('myRegistration.next.noSession')}</li>
          )}
          {agent.status === 'pending' && <li>{t('myRegistration.next.waitDecision')}</li>}
          {proposing && agent.status === 'approved' && (
            <li>
              {t('myRegistration.next.propose', { date: formatDate(proposalDeadline, language) })}{' '}
              <Link to={`${base}/proposals/new`}>{t('myRegistration.next.proposeLink')}</Link>
            </li>
          )}
          {process.phase === 'formalization' && agent.status === 'approved' && (
            <li>
              {t('myRegistration.next.vote')}{' '}
              <Link to={`${base}/vote`}>{t('myRegistration.next.voteLink')}</Link>
            </li>
          )}
          {process.phase === 'preparation' && agent.status === 'approved' && proposalDeadline && (
            <li>{t('myRegistration.next.proposeLater', { date: formatDate(proposalDeadline, language) })}</li>
          )}
        </ul>
      </section>
    </>
  );
}
