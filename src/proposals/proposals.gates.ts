import type { PhaseGate } from '../kernel/area.ts';
import { proposalDeadlineOf } from '../processes/process.ts';
import { localDate } from '../shared/clock.ts';

/** Concertation does not end while agents may still submit or edit proposals. */
const deadlinePassed: PhaseGate = {
  leaving: 'concertation',
  check: async (_db, p, at) => {
    const deadline = proposalDeadlineOf(p);
    return localDate(at) > deadline ? null : { code: 'PROPOSAL_DEADLINE_NOT_PASSED', params: { deadline } };
  },
};

export const PROPOSALS_GATES: readonly PhaseGate[] = [deadlinePassed];
