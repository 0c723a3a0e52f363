import { defineCatalogue } from '../shared/errors.ts';

/** The coordination area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    COORDINATION_NOT_OPEN: { status: 409, es: 'Los convenios y el alcance de los proyectos se registran durante la Coordinación (fase actual: {phase}).', en: 'Agreements and the reach of projects are recorded during Coordination (current phase: {phase}).' },
    COORDINATION_NOT_A_PROJECT: { status: 409, es: 'La propuesta {value} no está financiada ni es alterna en la lista priorizada provisional.', en: 'Proposal {value} is neither funded nor an alternate in the provisional ranked list.' },
    AGREEMENT_OVER_COST: { status: 400, es: 'El convenio ({amount}) supera el costo ajustado del proyecto N.° {number} ({cost}).', en: 'The agreement ({amount}) exceeds the adjusted cost of project no. {number} ({cost}).' },
    AGREEMENT_SIGNED_LATER: { status: 400, es: 'La fecha de firma ({date}) no puede ser posterior a hoy.', en: 'The signing date ({date}) cannot be later than today.' },
    AGREEMENT_ALREADY_WITHDRAWN: { status: 409, es: 'El convenio con {party} ya fue retirado.', en: 'The agreement with {party} was already withdrawn.' },
  },
  preconditions: {
    FINANCING_NOT_BALANCED: { es: 'el financiamiento de los proyectos financiados N.° {numbers} no coincide con su costo', en: 'the financing of funded projects no. {numbers} does not match their cost' },
    REACH_WITHOUT_AGREEMENT: { es: 'los proyectos de alcance provincial o regional N.° {numbers} no tienen convenio con ese nivel de gobierno', en: 'projects of provincial or regional reach no. {numbers} have no agreement with that level of government' },
  },
  names: {
    coordination_agreement: { es: 'un convenio', en: 'an agreement' },
  },
  fields: {
    partyKind: { es: 'tipo de contraparte', en: 'kind of party' },
    partyName: { es: 'contraparte', en: 'party' },
    amountCents: { es: 'monto', en: 'amount' },
    contribution: { es: 'aporte', en: 'contribution' },
    conditions: { es: 'condiciones', en: 'conditions' },
    documentFileId: { es: 'convenio firmado', en: 'signed agreement' },
    signedOn: { es: 'fecha de firma', en: 'signing date' },
    reach: { es: 'alcance', en: 'reach' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'coordination.add_agreement': { es: 'Convenio de cofinanciamiento registrado', en: 'Co-financing agreement recorded' },
    'coordination.withdraw_agreement': { es: 'Convenio retirado', en: 'Agreement withdrawn' },
    'coordination.set_reach': { es: 'Alcance del proyecto fijado', en: 'Project reach set' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    coordination_agreement: { es: 'Convenio de cofinanciamiento', en: 'Co-financing agreement' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
