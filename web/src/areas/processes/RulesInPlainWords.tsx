import { useT } from '../../i18n';
import { formatDate, formatPercent } from '../../lib/format';
import { womenNeeded } from '../../lib/process-rules';
import type { ProcessDetail } from '../../lib/api-types';

/** The process's rules as a citizen reads them: deadline, training, quotas, ballot and outcome rule. */
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
