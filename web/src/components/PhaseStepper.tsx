import { useT } from '../i18n';
import { formatDate } from '../lib/format';
import type { CalendarEntry } from '../lib/api-types';
import { PHASES, type Phase } from '../lib/api-types';

const STEPS = PHASES.filter((p) => p !== 'closed');

/**
 * The five phases of the cycle as an ordered list, each with its dates from the calendar; the current one is marked
 * with aria-current="step" and in words ("fase actual"), done ones say so too (not only by colour).
 */
export function PhaseStepper({ phase, calendar }: { phase: Phase; calendar: CalendarEntry[] }) {
  const { t, language } = useT();
  const current = phase === 'closed' ? STEPS.length : STEPS.indexOf(phase);
  return (
    <ol className="stepper">
      {STEPS.map((step, i) => {
        const dates = calendar.find((c) => c.phase === step);
        const state = i < current ? 'done' : i === current ? 'current' : 'next';
        return (
          <li key={step} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="step-body">
              <span className="step-name">
                {t(`phase.${step}`)}
                {state !== 'next' && <span className="step-state"> — {t(`process.stepState.${state}`)}</span>}
              </span>
              {dates && (
                <span className="step-dates">
                  {t('process.dateRange', {
                    from: formatDate(dates.startsOn, language, 'medium'),
                    to: formatDate(dates.endsOn, language, 'medium'),
                  })}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
