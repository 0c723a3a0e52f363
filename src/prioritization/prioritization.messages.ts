import { defineCatalogue } from '../shared/errors.ts';

/** The prioritization area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    PRIORITIZATION_NOT_OPEN: { status: 409, es: 'La lista priorizada provisional se calcula durante la Concertación (fase actual: {phase}).', en: 'The provisional ranked list is computed during Concertation (current phase: {phase}).' },
    PRIORITIZATION_NO_PROPOSALS: { status: 409, es: 'El proceso no tiene propuestas en curso: no hay nada que priorizar.', en: 'The process has no proposals in the running: there is nothing to prioritize.' },
  },
  preconditions: {
    PROVISIONAL_LIST_MISSING: { es: 'aún no se calculó la lista priorizada provisional', en: 'the provisional ranked list has not been computed yet' },
    PROVISIONAL_LIST_OUTDATED: { es: 'la lista priorizada provisional N.° {seq} ya no corresponde a las evaluaciones, votos, costos o reglas de hoy: vuelve a calcularla', en: "provisional ranked list no. {seq} no longer matches today's evaluations, votes, costs or rules: compute it again" },
  },
  names: {
    provisional_list: { es: 'una lista priorizada', en: 'a ranked list' },
  },
  fields: {},
  /** What the audit log calls each action this area records. */
  audit: {
    'prioritization.compute': { es: 'Lista priorizada calculada', en: 'Ranked list computed' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    provisional_list: { es: 'Lista priorizada provisional', en: 'Provisional ranked list' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
