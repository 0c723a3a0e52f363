import type { PhaseGate } from '../kernel/area.ts';
import { requireProcess } from '../processes/process.queries.ts';
import { provisionalListProblem } from './prioritization.service.ts';

/** Concertation ends with a provisional ranked list computed from the data as it stands. */
const provisionalListCurrent: PhaseGate = {
  leaving: 'concertation',
  check: async (db, subject) => provisionalListProblem(db, await requireProcess(db, subject.municipalityId, subject.id)),
};

export const PRIORITIZATION_GATES: readonly PhaseGate[] = [provisionalListCurrent];
