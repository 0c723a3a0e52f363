import type { ApprovalSettings } from '../model/types.ts';
import { checkChoiceCount, checkOrder, checkWhole, type BallotKind } from './kind.ts';

/** Approval: any set of projects, at most `maxChoices`, at least `minChoices` when set. */
export const approvalKind: BallotKind<ApprovalSettings> = {
  name: 'approval',
  takesPoints: false,
  checkSettings: (s) => [
    ...checkWhole('minChoices', s.minChoices, 0),
    ...checkWhole('maxChoices', s.maxChoices, 1),
    ...checkOrder('minChoices', s.minChoices, 'maxChoices', s.maxChoices),
  ],
  validate: (ballot, s) => checkChoiceCount(ballot.projects.length, s.minChoices, s.maxChoices),
  pointsScheme: () => ({ kind: 'one' }),
};
