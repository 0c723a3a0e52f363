import type { PhaseGate } from '../kernel/area.ts';
import { localDate } from '../shared/clock.ts';
import { countPendingRegistrations, hasApprovedAgent } from './registration.queries.ts';
import { hasDefinitiveList } from './registration-lists.service.ts';

/** Registration must be over: the deadline (a local date, inclusive) has passed. */
const registrationClosed: PhaseGate = {
  leaving: 'preparation',
  check: async (_db, p, at) =>
    localDate(at) > p.rules.registrationDeadline ? null : { code: 'REGISTRATION_STILL_OPEN', params: { deadline: p.rules.registrationDeadline } },
};

/** Every registration has its decision: nobody is left waiting when Concertation starts. */
const noPendingRegistrations: PhaseGate = {
  leaving: 'preparation',
  check: async (db, p) => {
    const pending = await countPendingRegistrations(db, p.municipalityId, p.id);
    return pending.agents + pending.organizations === 0 ? null : { code: 'REGISTRATIONS_PENDING', params: pending };
  },
};

/** Someone must be there to deliberate. */
const someoneApproved: PhaseGate = {
  leaving: 'preparation',
  check: async (db, p) => (await hasApprovedAgent(db, p.municipalityId, p.id) ? null : { code: 'NO_APPROVED_AGENTS', params: {} }),
};

/** The definitive list is published: the accredited agents are settled before Concertation. */
const definitiveList: PhaseGate = {
  leaving: 'preparation',
  check: async (db, p) => (await hasDefinitiveList(db, p.municipalityId, p.id) ? null : { code: 'DEFINITIVE_LIST_MISSING', params: {} }),
};

export const REGISTRATION_GATES: readonly PhaseGate[] = [registrationClosed, noPendingRegistrations, someoneApproved, definitiveList];
