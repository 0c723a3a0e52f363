import { defineCatalogue } from '../shared/errors.ts';

/** The training area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    DELEGATE_COUNTERPART_ATTENDED: { status: 409, es: '{name} y {counterpart} son delegados titular y suplente de la misma organización: solo uno de ellos asiste a cada sesión.', en: '{name} and {counterpart} are the titular and substitute delegates of one organization: only one of them attends each session.' },
    TRAINING_FROZEN: { status: 409, es: 'Las capacitaciones y su asistencia quedan fijas desde la Formalización, para que el padrón de votantes no cambie (fase actual: {phase}).', en: 'Training sessions and attendance are frozen from Formalization on, so the voter roll does not change (current phase: {phase}).' },
    NOT_REGISTERED_FOR_CHECK_IN: { status: 404, es: 'El DNI {dni} no corresponde a un agente aprobado de este proceso.', en: 'DNI {dni} is not an approved agent of this process.' },
    CHECK_IN_CLOSED: { status: 409, es: 'El registro de asistencia por DNI solo está abierto el día de la sesión ({date}).', en: 'Check-in by DNI is only open on the day of the session ({date}).' },
    TRAINING_ENDS_BEFORE_START: { status: 400, es: 'La sesión debe terminar después de empezar (empieza {startsAt}, termina {endsAt}).', en: 'The session must end after it starts (starts {startsAt}, ends {endsAt}).' },
    FACILITATOR_CHOICE: { status: 400, es: 'Indique un facilitador: un usuario del municipio (facilitatorUserId) o el nombre de un voluntario (facilitatorName), no ambos.', en: 'Give one facilitator: a user of the municipality (facilitatorUserId) or a volunteer\'s name (facilitatorName), not both.' },
    ATTENDANCE_TOO_EARLY: { status: 409, es: 'La sesión aún no se realiza ({date}): la asistencia se registra desde el día de la sesión.', en: 'The session has not taken place yet ({date}): attendance is recorded from the day of the session.' },
    CHECK_IN_OWN_DNI_ONLY: { status: 403, es: 'Solo puede registrar su propia asistencia, con el DNI de su cuenta.', en: 'You may only check yourself in, with the DNI of your account.' },
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
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
