/**
 * What other areas may read of Coordination (the Acta, the approval chain's export): the projects of the provisional
 * list with their agreements (withdrawn ones marked), reach and financing table.
 */
export { coordination, type Coordination, type CoordinationProject, type AgreementView } from './coordination.service.ts';
export type { Financing, FinancingSource, PartyKind, Reach } from './coordination.ts';
export { financingAs } from './coordination.ts';
export { isAgreementDocument } from './coordination.repository.ts';
