import { codedError, type CodedError } from '../errors/catalogue.ts';
import type { ScoringSettings } from '../model/types.ts';
import { checkChoiceCount, checkOrder, checkWhole, invalidSetting, type BallotKind } from './kind.ts';

/** Scoring: each listed project gets a score in [minScore, maxScore]. */
export const scoringKind: BallotKind<ScoringSettings> = {
  name: 'scoring',
  takesPoints: true,
  checkSettings: (s) => {
    const errors: CodedError[] = [
      ...checkWhole('minChoices', s.minChoices, 0),
      ...checkWhole('maxChoices', s.maxChoices, 1),
      ...checkOrder('minChoices', s.minChoices, 'maxChoices', s.maxChoices),
      ...checkOrder('minScore', s.minScore, 'maxScore', s.maxScore),
    ];
    if (!Number.isFinite(s.minScore) || !Number.isFinite(s.maxScore)) {
      errors.push(invalidSetting('minScore', 'score bounds must be finite numbers', 'los límites del puntaje deben ser números finitos'));
    }
    return errors;
  },
  validate: (ballot, s) => {
    const errors: CodedError[] = checkChoiceCount(ballot.projects.length, s.minChoices, s.maxChoices);
    const points = ballot.points ?? [];
    ballot.projects.forEach((project, i) => {
      const score = points[i] ?? Number.NaN;
      if (!(score >= s.minScore && score <= s.maxScore)) {
        errors.push(codedError('SCORE_OUT_OF_RANGE', { project, score: String(score), min: s.minScore, max: s.maxScore }));
      }
    });
    return errors;
  },
  pointsScheme: () => ({ kind: 'given' }),
};
