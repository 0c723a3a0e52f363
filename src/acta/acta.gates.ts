import type { PhaseGate } from '../kernel/area.ts';
import { hasIssuedActa } from './acta.repository.ts';

/** Formalization ends with the Acta de Acuerdos y Compromisos issued. */
const actaIssued: PhaseGate = {
  leaving: 'formalization',
  check: async (db, p) => ((await hasIssuedActa(db, p.municipalityId, p.id)) ? null : { code: 'ACTA_NOT_ISSUED', params: {} }),
};

export const ACTA_GATES: readonly PhaseGate[] = [actaIssued];
