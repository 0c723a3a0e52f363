import type { PhaseGate } from '../kernel/area.ts';
import { countSessionsHeld } from './training.queries.ts';

/** Where training is required to vote, at least one session must have been held with attendance. */
const trainingHeld: PhaseGate = {
  leaving: 'preparation',
  check: async (db, p, at) => {
    if (!p.rules.trainingRequiredToVote) return null;
    return (await countSessionsHeld(db, p.municipalityId, p.id, at.toISOString())) > 0 ? null : { code: 'NO_TRAINING_HELD', params: {} };
  },
};

export const TRAINING_GATES: readonly PhaseGate[] = [trainingHeld];
