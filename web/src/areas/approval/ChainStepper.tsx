import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { ApprovalChain } from '../../lib/api-types';

type Step = 'vote' | 'ccl' | 'council' | 'formalized';
const STEPS: Step[] = ['vote', 'ccl', 'council', 'formalized'];

/**
 * The approval chain as an ordered list of steps: the vote closed, the CCL's approval, the council's approval, the list
 * formalized. Each says in words whether it is done, current (and why: awaiting a session, or an answer to
 * observations) or still ahead; the current one is marked aria-current="step".
 */
export function ChainStepper({ chain: c }: { chain: ApprovalChain }) {
  const { t, language } = useT();
  const approved = (body: 'ccl' | 'council') => c.sessions.find((s) => s.body === body && s.decision === 'approved') ?? null;
  const current: Step = !c.voteClosed ? 'vote' : c.step.startsWith('ccl') ? 'ccl' : c.step.startsWith('council') ? 'council' : 'formalized';
  const at = STEPS.indexOf(current);
  const detail = (step: Step, state: 'done' | 'current' | 'next'): string | null => {
    if (step === 'ccl' || step === 'council') {
      const s = approved(step);
      if (s) return t('approval.stepper.approvedOn', { date: formatDate(s.heldOn, language, 'medium'), reference: s.reference });
      if (state !== 'current') return null;
      return c.step.endsWith('returned') ? t('approval.stepper.returned') : t('approval.stepper.awaitingSession');
    }
    if (step === 'formalized' && c.formalized) return t('approval.stepper.formalizedOn', { date: formatDate(c.formalized.formalizedOn, language, 'medium') });
    if (step === 'vote' && state === 'current') return t('approval.stepper.voteOpen');
    return null;
  };
  return (
    <ol className="stepper" aria-label={t('approval.stepper.label')}>
      {STEPS.map((step, i) => {
        const state = c.step === 'formalized' || i < at ? 'done' : i === at ? 'current' : 'next';
        const text = detail(step, state);
        return (
          <li key={step} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-marker" aria-hidden="true">{state === 'done' ? '✓' : i + 1}</span>
            <span className="step-body">
              <span className="step-name">
                {t(`approval.stepper.${step}`)}
                <span className="step-state"> — {t(`approval.stepper.state.${state}`)}</span>
              </span>
              {text && <span className="step-dates">{text}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
