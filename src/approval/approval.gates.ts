import type { PhaseGate } from '../kernel/area.ts';
import { chainState } from './approval.ts';
import { answersOf, sessionsOf } from './approval.repository.ts';

/** Formalization ends with the list formalized: approved by the CCL, then by the municipal council. */
const listFormalized: PhaseGate = {
  leaving: 'formalization',
  check: async (db, p) => {
    const [sessions, answers] = await Promise.all([sessionsOf(db, p.municipalityId, p.id), answersOf(db, p.municipalityId, p.id)]);
    const { step } = chainState(sessions, answers);
    return step === 'formalized' ? null : { code: 'LIST_NOT_FORMALIZED', params: { body: `approval.${step}` } };
  },
};

export const APPROVAL_GATES: readonly PhaseGate[] = [listFormalized];
