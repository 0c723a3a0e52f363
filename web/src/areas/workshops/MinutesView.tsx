import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { WorkshopMinutes } from '../../lib/api-types';

/** One version of signed minutes: summary, agreements, who signed (names only), and why it corrects an earlier one. */
export function MinutesVersionView({ minutes: m, headingId }: { minutes: WorkshopMinutes; headingId: string }) {
  const { t, language } = useT();
  return (
    <>
      <p className="muted">
        {t('workshops.signedBy', { version: m.version, who: m.signedByName, when: formatDateTime(m.signedAt, language) })}
        {m.reason ? `. ${t('workshops.correctionReason', { reason: m.reason })}` : ''}
      </p>
      <p className="preserve-lines">{m.summary}</p>
      <h3 id={`${headingId}-agreements`}>{t('workshops.agreements')}</h3>
      {m.agreements.length === 0 ? (
        <p>{t('workshops.noAgreements')}</p>
      ) : (
        <ol aria-labelledby={`${headingId}-agreements`}>
          {m.agreements.map((a, i) => (
            <li key={i}>{a}</li>
          ))}
        </ol>
      )}
      <h3 id={`${headingId}-signers`}>{t('workshops.signers')}</h3>
      <ul aria-labelledby={`${headingId}-signers`} className="member-list">
        {m.signers.map((s) => (
          <li key={s.agentId}>{s.fullName}</li>
        ))}
      </ul>
    </>
  );
}

/** The current minutes, and every earlier version kept below. */
export function MinutesView({ minutes }: { minutes: WorkshopMinutes[] }) {
  const { t } = useT();
  const [current, ...earlier] = minutes;
  if (!current) return <p>{t('workshops.noMinutes')}</p>;
  return (
    <>
      <MinutesVersionView minutes={current} headingId={`minutes-${current.version}`} />
      {earlier.map((m) => (
        <details key={m.version} className="earlier-version">
          <summary>{t('workshops.earlierVersion', { version: m.version })}</summary>
          <MinutesVersionView minutes={m} headingId={`minutes-${m.version}`} />
        </details>
      ))}
    </>
  );
}
