import { defineCatalogue } from '../shared/errors.ts';

/** The training area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    TRAINING_FROZEN: { status: 409, es: 'Las capacitaciones y su asistencia quedan fijas desde la Formalización, para que el padrón de votantes no cambie (fase actual: {phase}).', en: 'Training sessions and attendance are frozen from Formalization on, so the voter roll does not change (current phase: {phase}).' },
    TRAINING_DUPLICATE: { status: 409, es: 'Ya hay una sesión parecida ese día: «{topic}» en {place}, {startsAt}. Si de verdad es otra sesión, confírmalo.', en: 'There is already a similar session that day: “{topic}” at {place}, {startsAt}. If it really is another session, confirm it.' },
    TRAINING_ENDS_BEFORE_START: { status: 400, es: 'La sesión debe terminar después de empezar (empieza {startsAt}, termina {endsAt}).', en: 'The session must end after it starts (starts {startsAt}, ends {endsAt}).' },
    FACILITATOR_CHOICE: { status: 400, es: 'Indica un facilitador: un usuario del municipio (facilitatorUserId) o el nombre de un voluntario (facilitatorName), no ambos.', en: 'Give one facilitator: a user of the municipality (facilitatorUserId) or a volunteer\'s name (facilitatorName), not both.' },
  },
  preconditions: {
    NO_TRAINING_HELD: { es: 'no se ha realizado ninguna capacitación con asistencia, y el proceso la exige para votar', en: 'no training session has been held with attendance, and the process requires training to vote' },
  },
  names: {
    facilitator: { es: 'un facilitador', en: 'a facilitator' },
  },
  fields: {
    materialFileIds: { es: 'materiales', en: 'materials' },
    facilitatorUserId: { es: 'facilitador', en: 'facilitator' },
    facilitatorName: { es: 'nombre del facilitador', en: 'facilitator name' },
    startsAt: { es: 'inicio', en: 'start' },
    endsAt: { es: 'fin', en: 'end' },
    topic: { es: 'tema', en: 'topic' },
    place: { es: 'lugar', en: 'place' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'training.create': { es: 'Capacitación programada', en: 'Training scheduled' },
    'training.update': { es: 'Capacitación modificada', en: 'Training changed' },
    'training.material.attach': { es: 'Material de capacitación añadido', en: 'Training material attached' },
    'training.material.detach': { es: 'Material de capacitación retirado', en: 'Training material removed' },
    'training.attendance.record': { es: 'Asistencia a capacitación registrada', en: 'Training attendance recorded' },
    'training.attendance.remove': { es: 'Asistencia a capacitación retirada', en: 'Training attendance removed' },
    'training.attendance.check_in': { es: 'Registro de asistencia por DNI (capacitación)', en: 'Check-in by DNI (training)' },
    'attendance.record': { es: 'Asistencia registrada', en: 'Attendance recorded' },
    'training.export': { es: 'Descarga de la asistencia a una capacitación', en: 'Training attendance downloaded' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    training_session: { es: 'Sesión de capacitación', en: 'Training session' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
