import { defineCatalogue } from '../shared/errors.ts';

/** The workshops area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    WORKSHOPS_NOT_OPEN: { status: 409, es: 'Los talleres, su asistencia, sus actas y sus votos se registran durante la Concertación (fase actual: {phase}).', en: 'Workshops, their attendance, minutes and votes are recorded during Concertation (current phase: {phase}).' },
    WORKSHOP_ENDS_BEFORE_START: { status: 400, es: 'El taller debe terminar después de empezar (empieza {startsAt}, termina {endsAt}).', en: 'The workshop must end after it starts (starts {startsAt}, ends {endsAt}).' },
    WORKSHOP_NEEDS_ZONE_OR_AXIS: { status: 400, es: 'Un taller es de una zona, de un eje temático o de ambos: indica al menos uno.', en: 'A workshop is for a zone, a thematic axis or both: give at least one.' },
    WORKSHOP_NOT_HELD_YET: { status: 409, es: 'El taller aún no se realiza ({date}): el acta y los votos se registran desde el día del taller.', en: 'The workshop has not taken place yet ({date}): minutes and votes are recorded from the day of the workshop.' },
    WORKSHOP_SIGNER_ABSENT: { status: 409, es: '{name} no figura en la asistencia del taller: solo firman el acta quienes asistieron.', en: '{name} is not recorded as present at the workshop: only attendees sign the minutes.' },
    WORKSHOP_SIGNER_ATTENDANCE: { status: 409, es: '{name} firmó el acta del taller: su asistencia no se quita.', en: '{name} signed the minutes of the workshop: their attendance cannot be removed.' },
    WORKSHOP_VOTE_PROPOSAL: { status: 409, es: 'La propuesta {proposal} no es una propuesta vigente de este proceso: solo se registran votos de propuestas presentadas y no retiradas.', en: 'Proposal {proposal} is not a standing proposal of this process: votes are recorded only for submitted proposals that were not withdrawn.' },
  },
  preconditions: {
    WORKSHOP_MINUTES_MISSING: { es: '{count} taller(es) ya realizado(s) sin acta firmada: {titles}', en: '{count} workshop(s) already held without signed minutes: {titles}' },
  },
  names: {
    workshop: { es: 'un taller', en: 'a workshop' },
  },
  fields: {
    title: { es: 'título', en: 'title' },
    agenda: { es: 'agenda', en: 'agenda' },
    place: { es: 'lugar', en: 'place' },
    startsAt: { es: 'inicio', en: 'start' },
    endsAt: { es: 'fin', en: 'end' },
    axisId: { es: 'eje temático', en: 'thematic axis' },
    summary: { es: 'resumen', en: 'summary' },
    agreements: { es: 'acuerdos', en: 'agreements' },
    signerAgentIds: { es: 'firmantes', en: 'signers' },
    votes: { es: 'votos', en: 'votes' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'workshop.create': { es: 'Taller programado', en: 'Workshop scheduled' },
    'workshop.update': { es: 'Taller modificado', en: 'Workshop changed' },
    'workshop.attendance.record': { es: 'Asistencia al taller registrada', en: 'Workshop attendance recorded' },
    'workshop.attendance.remove': { es: 'Asistencia al taller retirada', en: 'Workshop attendance removed' },
    'workshop.attendance.check_in': { es: 'Registro de asistencia por DNI (taller)', en: 'Check-in by DNI (workshop)' },
    'workshop.minutes.sign': { es: 'Acta del taller firmada', en: 'Workshop minutes signed' },
    'workshop.minutes.correct': { es: 'Acta del taller corregida', en: 'Workshop minutes corrected' },
    'workshop.votes.record': { es: 'Votos del taller registrados', en: 'Workshop votes recorded' },
    'workshop.votes.correct': { es: 'Votos del taller corregidos', en: 'Workshop votes corrected' },
    'workshop.export': { es: 'Descarga de la asistencia a un taller', en: 'Workshop attendance downloaded' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    workshop: { es: 'Taller', en: 'Workshop' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
