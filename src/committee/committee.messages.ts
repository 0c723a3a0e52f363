import { defineCatalogue } from '../shared/errors.ts';

/** The committee area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    COMMITTEE_NOT_OPEN: { status: 409, es: 'El comité de vigilancia se elige durante la Formalización (fase actual: {phase}).', en: 'The oversight committee is elected during Formalization (current phase: {phase}).' },
    COMMITTEE_ALREADY_CANDIDATE: { status: 409, es: '{name} ya es candidato o candidata al comité de vigilancia.', en: '{name} already stands for the oversight committee.' },
    COMMITTEE_ALREADY_ELECTED: { status: 409, es: 'El comité de vigilancia de este proceso ya fue elegido el {date}.', en: 'The oversight committee of this process was already elected on {date}.' },
    COMMITTEE_COUNTS_MISMATCH: { status: 400, es: 'Los votos deben darse una vez por cada candidato: faltan {missing} y sobran {extra}.', en: 'Votes must be given once for each candidate: {missing} missing and {extra} not standing or repeated.' },
    COMMITTEE_TOO_FEW_CANDIDATES: { status: 409, es: 'Hay {candidates} candidatos para {seats} puestos: deben postular al menos tantos como puestos.', en: 'There are {candidates} candidates for {seats} seats: at least as many must stand as there are seats.' },
    COMMITTEE_TOO_FEW_WOMEN: { status: 409, es: 'Postulan {women} mujeres y la cuota exige {required}: deben postular más mujeres antes de la elección.', en: '{women} women stand and the quota requires {required}: more women must stand before the election.' },
    COMMITTEE_BODY_NOT_EMPTY: { status: 409, es: 'El comité de vigilancia ya tiene {filled} integrantes registrados: retíralos en la página de cuotas antes de registrar la elección.', en: 'The oversight committee already has {filled} members on record: remove them on the quota page before recording the election.' },
    COMMITTEE_HELD_LATER: { status: 400, es: 'La fecha de la sesión ({date}) no puede ser posterior a hoy.', en: 'The session date ({date}) cannot be later than today.' },
  },
  preconditions: {
    COMMITTEE_NOT_ELECTED: { es: 'el comité de vigilancia no está completo ({filled} de {seats} integrantes elegidos)', en: 'the oversight committee is not complete ({filled} of {seats} members elected)' },
    COMMITTEE_QUOTA_NOT_MET: { es: 'el comité de vigilancia no cumple la cuota de mujeres ({women} de {required})', en: 'the oversight committee does not meet the women quota ({women} of {required})' },
  },
  names: {
    committee_election: { es: 'la elección del comité de vigilancia', en: 'the oversight committee election' },
  },
  rules: {
    not_negative: { es: 'no puede ser negativo', en: 'cannot be negative' },
  },
  fields: {
    heldOn: { es: 'fecha de la sesión', en: 'session date' },
    place: { es: 'lugar', en: 'place' },
    counts: { es: 'votos', en: 'votes' },
    consent: { es: 'consentimiento', en: 'consent' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'committee.stand': { es: 'Candidatura al comité de vigilancia', en: 'Candidacy for the oversight committee' },
    'committee.elect': { es: 'Elección del comité de vigilancia', en: 'Oversight committee elected' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
