import { defineCatalogue } from '../shared/errors.ts';

/** The error codes of attendance, shared by every kind of session that takes it (training sessions, workshops). */
export const ATTENDANCE_MESSAGES = defineCatalogue({
  errors: {
    DELEGATE_COUNTERPART_ATTENDED: { status: 409, es: '{name} y {counterpart} son delegados titular y suplente de la misma organización: solo uno de ellos asiste a cada sesión.', en: '{name} and {counterpart} are the titular and substitute delegates of one organization: only one of them attends each session.' },
    NOT_REGISTERED_FOR_CHECK_IN: { status: 404, es: 'El DNI {dni} no está inscrito en este proceso.', en: 'DNI {dni} is not registered in this process.' },
    CHECK_IN_REGISTRATION_PENDING: { status: 409, es: 'La inscripción de {name} (DNI {dni}) aún espera la decisión de la municipalidad: su asistencia se registra una vez aprobada.', en: "{name}'s registration (DNI {dni}) still awaits the municipality's decision: their attendance is recorded once it is approved." },
    CHECK_IN_REGISTRATION_REJECTED: { status: 409, es: 'La inscripción de {name} (DNI {dni}) no fue aprobada: no se registra su asistencia.', en: "{name}'s registration (DNI {dni}) was not approved: their attendance is not recorded." },
    CHECK_IN_CLOSED: { status: 409, es: 'El registro de asistencia por DNI solo está abierto el día de la sesión ({date}).', en: 'Check-in by DNI is only open on the day of the session ({date}).' },
    ATTENDANCE_TOO_EARLY: { status: 409, es: 'La sesión aún no se realiza ({date}): la asistencia se registra desde el día de la sesión.', en: 'The session has not taken place yet ({date}): attendance is recorded from the day of the session.' },
    CHECK_IN_OWN_DNI_ONLY: { status: 403, es: 'Solo puedes registrar tu propia asistencia, con el DNI de tu cuenta.', en: 'You may only check yourself in, with the DNI of your account.' },
  },
});

type Messages = typeof ATTENDANCE_MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
}
