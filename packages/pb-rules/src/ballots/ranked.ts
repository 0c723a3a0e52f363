import type { RankedSettings } from '../model/types.ts';
import { checkChoiceCount, checkOrder, checkWhole, type BallotKind } from './kind.ts';

/**
 * Ranked (ordinal): projects in order of preference, at most `maxRanks`. Points are Borda-style:
 * with k = maxRanks (or the number of projects when unlimited), the first gets k, the second k - 1...
 * This is what Kraków's "score" column holds for its 3-rank ballots (3, 2, 1).
 */
export const rankedKind: BallotKind<RankedSettings> = {
  name: 'ranked',
  takesPoints: false,
  checkSettings: (s) => [
    ...checkWhole('minRanks', s.minRanks, 0),
    ...checkWhole('maxRanks', s.maxRanks, 1),
    ...checkOrder('minRanks', s.minRanks, 'maxRanks', s.maxRanks),
  ],
  validate: (ballot, s) => checkChoiceCount(ballot.projects.length, s.minRanks, s.maxRanks),
  pointsScheme: (s, nProjects) => ({ kind: 'borda', top: s.maxRanks ?? nProjects }),
};
