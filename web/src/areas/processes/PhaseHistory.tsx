import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { ProcessDetail } from '../../lib/api-types';

/** Every phase move of the process: from, to, who, when and why. */
export function PhaseHistory({ process }: { process: ProcessDetail }) {
  const { t, language } = useT();
  return (
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
  );
}
