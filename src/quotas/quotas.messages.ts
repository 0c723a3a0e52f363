import { defineCatalogue } from '../shared/errors.ts';

/** The quotas area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    ALREADY_A_MEMBER: { status: 409, es: '{name} ya integra {body}.', en: '{name} is already a member of {body}.' },
    NOT_A_MEMBER: { status: 404, es: '{name} no integra {body}.', en: '{name} is not a member of {body}.' },
  },
  preconditions: {
    QUOTA_NOT_MET: { es: 'la cuota de mujeres en {body} no se cumple ({women} de {filled}; se necesitan {required})', en: 'the women quota in {body} is not met ({women} of {filled}; {required} needed)' },
  },
  names: {
    delegates: { es: 'los delegados acreditados', en: 'the accredited delegates' },
    directive_committee: { es: 'el comité directivo', en: 'the directive committee' },
    oversight_committee: { es: 'el comité de vigilancia', en: 'the oversight committee' },
  },
  fields: {
    agentId: { es: 'agente', en: 'agent' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'body.elect': { es: 'Integrantes elegidos para un órgano', en: 'Members elected to a body' },
    'body.remove': { es: 'Integrante retirado de un órgano', en: 'Member removed from a body' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    body: { es: 'Órgano representativo', en: 'Representative body' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
