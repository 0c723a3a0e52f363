import { useT } from '../i18n';
import { PHASES, type Phase } from '../lib/api-types';

// The five working phases of the cycle; `closed` is shown as done.
const STEPS = PHASES.filter((p) => p !== 'closed');

/** Current phase as text ("Concertación, fase 2 de 5") with a small bar drawn for sighted users. */
export function PhaseProgress({ phase }: { phase: Phase }) {
  const { t } = useT();
  const index = phase === 'closed' ? STEPS.length : STEPS.indexOf(phase) + 1;
  return (
    <div className={`phase phase-${phase}`}>
      <p className="phase-text">
        <span className="phase-label">{t('municipality.currentPhase')}: </span>
        <strong>{t(`phase.${phase}`)}</strong>
        {phase !== 'closed' && <span>{` (${t('municipality.phaseStep', { step: index, total: STEPS.length })})`}</span>}
      </p>
      <ol className="phase-bar" aria-hidden="true">
        {STEPS.map((step, i) => (
          <li key={step} className={i + 1 < index || phase === 'closed' ? 'done' : i + 1 === index ? 'current' : ''} />
        ))}
      </ol>
    </div>
  );
}
