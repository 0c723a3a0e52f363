import type { ListStages, ProcessRules } from '@concerta/contracts';
import { AppError } from '../shared/errors.ts';

/**
 * The list stages of Preparation, as pure rules over the process's rules and today's local date (Peru): the
 * preliminary list is published from its date on, challenges are taken within their window (both days included) and
 * only once the preliminary list is out, an answer until the window closes, the definitive list once it has closed
 * and every challenge is decided.
 */
export function listStagesOf(rules: Pick<ProcessRules, 'listStages'>): ListStages {
  if (!rules.listStages) throw new AppError('LIST_STAGES_NOT_SET');
  return rules.listStages;
}

export function preliminaryListError(rules: Pick<ProcessRules, 'listStages'>, today: string): AppError | null {
  const s = listStagesOf(rules);
  return today < s.preliminaryListOn ? new AppError('LIST_NOT_YET', { stage: 'preliminary', date: s.preliminaryListOn }) : null;
}

export function challengeWindowError(rules: Pick<ProcessRules, 'listStages'>, today: string): AppError | null {
  const s = listStagesOf(rules);
  return today < s.challengesFrom || today > s.challengesUntil
    ? new AppError('CHALLENGE_WINDOW_CLOSED', { from: s.challengesFrom, until: s.challengesUntil }) : null;
}

export function answerWindowError(rules: Pick<ProcessRules, 'listStages'>, today: string): AppError | null {
  const s = listStagesOf(rules);
  return today > s.challengesUntil ? new AppError('ANSWER_WINDOW_CLOSED', { until: s.challengesUntil }) : null;
}

/** Whether the window is over, so that a challenge nobody answered can be decided. */
export function challengeWindowOver(rules: Pick<ProcessRules, 'listStages'>, today: string): boolean {
  return today > listStagesOf(rules).challengesUntil;
}

export function definitiveListError(rules: Pick<ProcessRules, 'listStages'>, today: string, openChallenges: number): AppError | null {
  const s = listStagesOf(rules);
  if (today <= s.challengesUntil) return new AppError('CHALLENGE_WINDOW_NOT_OVER', { until: s.challengesUntil });
  if (openChallenges > 0) return new AppError('CHALLENGES_OPEN', { count: openChallenges });
  return null;
}
