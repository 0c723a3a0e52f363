import type { PhaseGate } from '../kernel/area.ts';
import { coordination, fundedUnbalanced, reachWithoutAgreement } from './coordination.service.ts';

/** Every funded project's financing equals its cost (no project over-financed or short). */
const financingBalanced: PhaseGate = {
  leaving: 'coordination',
  check: async (db, p) => {
    const numbers = fundedUnbalanced(await coordination(db, p.municipalityId, p.id));
    return numbers.length === 0 ? null : { code: 'FINANCING_NOT_BALANCED', params: { numbers: numbers.join(', ') } };
  },
};

/** A project of provincial or regional reach has an agreement in force with the provincial municipality or the regional government. */
const reachAgreed: PhaseGate = {
  leaving: 'coordination',
  check: async (db, p) => {
    const numbers = reachWithoutAgreement(await coordination(db, p.municipalityId, p.id));
    return numbers.length === 0 ? null : { code: 'REACH_WITHOUT_AGREEMENT', params: { numbers: numbers.join(', ') } };
  },
};

export const COORDINATION_GATES: readonly PhaseGate[] = [financingBalanced, reachAgreed];
