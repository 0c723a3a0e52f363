import { defineCatalogue } from '../shared/errors.ts';

/** The proposals area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    PROPOSALS_NOT_OPEN: { status: 409, es: 'Las propuestas de proyecto se presentan y editan durante la Concertación (fase actual: {phase}).', en: 'Project proposals are submitted and edited during Concertation (current phase: {phase}).' },
    PROPOSAL_DEADLINE_PASSED: { status: 409, es: 'El plazo para presentar y editar propuestas venció el {deadline}.', en: 'The deadline to submit and edit proposals passed on {deadline}.' },
    PROPOSER_NOT_APPROVED: { status: 403, es: 'Solo un agente participante aprobado de este proceso puede presentar propuestas; tu cuenta no tiene una inscripción aprobada.', en: 'Only an approved participating agent of this process may submit proposals; your account has no approved registration.' },
    PROPOSER_NOT_DELEGATE: { status: 403, es: 'Para proponer en nombre de una organización, debes ser delegado o delegada de una organización aprobada de este proceso.', en: 'To propose on behalf of an organization you must be a delegate of an approved organization of this process.' },
    PROPOSAL_NOT_AUTHOR: { status: 403, es: 'Solo los autores de la propuesta N.° {number} pueden editarla.', en: 'Only the authors of proposal no. {number} may edit it.' },
    PROPOSAL_WITHDRAWN: { status: 409, es: 'La propuesta N.° {number} fue retirada; ya no puede cambiar.', en: 'Proposal no. {number} was withdrawn; it can no longer change.' },
    PROPOSAL_COST_NOT_POSITIVE: { status: 400, es: 'El costo estimado debe ser mayor que cero.', en: 'The estimated cost must be greater than zero.' },
    PROPOSAL_COST_OVER_ENVELOPE: { status: 400, es: 'El costo estimado ({cost}) supera el presupuesto total del proceso ({envelope}).', en: 'The estimated cost ({cost}) is above the whole envelope of the process ({envelope}).' },
    PLEDGES_OVER_COST: { status: 400, es: 'Los aportes de cofinanciamiento ({pledged}) superan el costo estimado del proyecto ({cost}).', en: 'The co-financing pledges ({pledged}) exceed the estimated cost of the project ({cost}).' },
    OBJECTIVE_NOT_IN_AXIS: { status: 400, es: 'El objetivo estratégico {objective} no pertenece al eje temático elegido.', en: 'Strategic objective {objective} does not belong to the chosen thematic axis.' },
    PAPER_AUTHOR_NOT_APPROVED: { status: 409, es: '{name} no es un agente participante aprobado de este proceso: no puede ser autor de una propuesta.', en: '{name} is not an approved participating agent of this process: they cannot author a proposal.' },
  },
  preconditions: {
    PROPOSAL_DEADLINE_NOT_PASSED: { es: 'el plazo de propuestas aún no vence (vence el {deadline})', en: 'the proposal deadline has not passed yet (it is {deadline})' },
  },
  names: {
    proposal: { es: 'una propuesta', en: 'a proposal' },
  },
  fields: {
    title: { es: 'título', en: 'title' },
    description: { es: 'descripción', en: 'description' },
    objectiveId: { es: 'objetivo estratégico', en: 'strategic objective' },
    problem: { es: 'problema que resuelve', en: 'problem it solves' },
    beneficiariesCount: { es: 'número de beneficiarios', en: 'number of beneficiaries' },
    beneficiaryGroups: { es: 'grupos beneficiarios', en: 'beneficiary groups' },
    costCents: { es: 'costo estimado', en: 'estimated cost' },
    location: { es: 'ubicación', en: 'location' },
    pledges: { es: 'aportes de cofinanciamiento', en: 'co-financing pledges' },
    attachmentFileIds: { es: 'adjuntos', en: 'attachments' },
    onBehalfOfOrganization: { es: 'en nombre de la organización', en: 'on behalf of the organization' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'proposal.submit': { es: 'Propuesta presentada', en: 'Proposal submitted' },
    'proposal.edit': { es: 'Propuesta modificada', en: 'Proposal changed' },
    'proposal.withdraw': { es: 'Propuesta retirada', en: 'Proposal withdrawn' },
    'proposal.register_paper': { es: 'Propuesta en papel registrada', en: 'Paper proposal registered' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    proposal: { es: 'Propuesta', en: 'Proposal' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
