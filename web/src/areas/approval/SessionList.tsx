import { useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import type { ApprovalChain } from '../../lib/api-types';

/** The decisions of the chain, in the order they were recorded: each session, its observations and the answer to them. */
export function SessionList({ chain: c }: { chain: ApprovalChain }) {
  const { t, language } = useT();
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('approval.decisions')}</h2>
      {c.sessions.length === 0 ? <p className="empty">{t('approval.noDecisions')}</p> : (
        <ol className="process-list">
          {c.sessions.map((s) => (
            <li key={`${s.body}-${s.seq}`} className="panel">
              <h3>{t(`approval.body.${s.body}`)}: {s.reference}</h3>
              <p>
                <strong>{t(`approval.decision.${s.decision}`)}</strong>{' '}
                {t('approval.heldOn', { date: formatDate(s.heldOn, language) })}
              </p>
              {s.observations && (
                <>
                  <h4>{t('approval.observations')}</h4>
                  <p className="preserve-lines">{s.observations}</p>
                </>
              )}
              {s.answer && (
                <>
                  <h4>{t('approval.answerHeading')}</h4>
                  <p className="preserve-lines">{s.answer.text}</p>
                  <p className="muted">{t('approval.answeredBy', { name: s.answer.answeredByName, at: formatDateTime(s.answer.answeredAt, language) })}</p>
                </>
              )}
              <p className="muted">{t('approval.recordedBy', { name: s.recordedByName, at: formatDateTime(s.recordedAt, language), reason: s.reason })}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
