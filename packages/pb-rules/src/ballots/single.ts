import type { SingleSettings } from '../model/types.ts';
import { checkChoiceCount, type BallotKind } from './kind.ts';

/** Plurality: each ballot names exactly one project. */
export const singleKind: BallotKind<SingleSettings> = {
  name: 'single',
  takesPoints: false,
  checkSettings: () => [],
  validate: (ballot) => checkChoiceCount(ballot.projects.length, 1, 1),
  pointsScheme: () => ({ kind: 'one' }),
};
