import { codedError, type CodedError } from '../errors/catalogue.ts';
import type { CumulativeSettings } from '../model/types.ts';
import { checkChoiceCount, checkOrder, checkWhole, type BallotKind } from './kind.ts';

/** Cumulative: spread up to `totalPoints` whole points, with optional per-project bounds. */
export const cumulativeKind: BallotKind<CumulativeSettings> = {
  name: 'cumulative',
  takesPoints: true,
  checkSettings: (s) => [
    ...checkWhole('totalPoints', s.totalPoints, 1),
    ...checkWhole('minTotalPoints', s.minTotalPoints, 0),
    ...checkWhole('maxPerProject', s.maxPerProject, 1),
    ...checkWhole('minPerProject', s.minPerProject, 0),
    ...checkWhole('minChoices', s.minChoices, 0),
    ...checkWhole('maxChoices', s.maxChoices, 1),
    ...checkOrder('minTotalPoints', s.minTotalPoints, 'totalPoints', s.totalPoints),
    ...checkOrder('minPerProject', s.minPerProject, 'maxPerProject', s.maxPerProject),
    ...checkOrder('minChoices', s.minChoices, 'maxChoices', s.maxChoices),
  ],
  validate: (ballot, s) => {
    const errors: CodedError[] = checkChoiceCount(ballot.projects.length, s.minChoices, s.maxChoices);
    const points = ballot.points ?? [];
    let total = 0;
    ballot.projects.forEach((project, i) => {
      const value = points[i] ?? 0;
      if (!Number.isInteger(value) || value < 0) {
        errors.push(codedError('INVALID_POINTS', { project, value: String(value) }));
        return;
      }
      total += value;
      if (s.maxPerProject !== undefined && value > s.maxPerProject) {
        errors.push(codedError('PROJECT_POINTS_ABOVE_MAX', { project, points: value, max: s.maxPerProject }));
      }
      if (s.minPerProject !== undefined && value < s.minPerProject) {
        errors.push(codedError('PROJECT_POINTS_BELOW_MIN', { project, points: value, min: s.minPerProject }));
      }
    });
    if (total > s.totalPoints) errors.push(codedError('TOO_MANY_POINTS', { total, max: s.totalPoints }));
    if (s.minTotalPoints !== undefined && total < s.minTotalPoints) {
      errors.push(codedError('TOO_FEW_POINTS', { total, min: s.minTotalPoints }));
    }
    return errors;
  },
  pointsScheme: () => ({ kind: 'given' }),
};
