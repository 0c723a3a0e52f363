import { defineCatalogue } from '../shared/errors.ts';

/** The acta area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    ACTA_NOT_OPEN: { status: 409, es: 'El Acta de Acuerdos y Compromisos se prepara y emite en la Formalización, y se corrige durante la Ejecución (fase actual: {phase}).', en: 'The Acta de Acuerdos y Compromisos is prepared and issued in Formalization, and corrected during Execution (current phase: {phase}).' },
    ACTA_NOT_READY: { status: 409, es: 'El Acta aún no puede emitirse: {failures}', en: 'The Acta cannot be issued yet: {failures}' },
    ACTA_CORRECTION_NEEDS_REASON: { status: 400, es: 'El Acta ya fue emitida (versión {version}): para corregirla escriba el motivo de la corrección.', en: 'The Acta was already issued (version {version}): write the reason for the correction.' },
    ACTA_TIMES_ORDER: { status: 400, es: 'La hora de fin ({endTime}) debe ser posterior a la hora de inicio ({startTime}).', en: 'The end time ({endTime}) must be after the start time ({startTime}).' },
    ACTA_OTHER_NEEDS_DETAIL: { status: 400, es: 'El firmante N.° {position} firma en calidad de «otro»: indique en qué calidad.', en: 'Signatory no. {position} signs as "other": say in what capacity.' },
    ACTA_NOT_ISSUED_YET: { status: 404, es: 'El Acta de Acuerdos y Compromisos de este proceso aún no ha sido emitida.', en: 'The Acta de Acuerdos y Compromisos of this process has not been issued yet.' },
    ACTA_VERSION_UNKNOWN: { status: 404, es: 'El Acta de este proceso no tiene una versión {version}.', en: 'The Acta of this process has no version {version}.' },
    ACTA_DRAFT_CONFLICT: { status: 409, es: 'Otra persona guardó la sesión y los firmantes al mismo tiempo; vuelva a cargar la página y revise sus datos.', en: 'Someone else saved the session and signatories at the same time; reload the page and check them.' },
    ACTA_SCAN_REPLACE_NEEDS_REASON: { status: 400, es: 'La versión {version} ya tiene el acta firmada escaneada: para reemplazarla escriba el motivo.', en: 'Version {version} already has its signed scan: write the reason to replace it.' },
    ACTA_VERSION_TAKEN: { status: 409, es: 'Otra persona emitió la versión {version} del Acta al mismo tiempo; revise la versión vigente antes de emitir otra.', en: 'Someone else issued version {version} of the Acta at the same time; check the current version before issuing another.' },
  },
  preconditions: {
    ACTA_NOT_ISSUED: { es: 'el Acta de Acuerdos y Compromisos no ha sido emitida', en: 'the Acta de Acuerdos y Compromisos has not been issued' },
    ACTA_VOTE_NOT_CLOSED: { es: 'la votación no se ha cerrado y contado', en: 'the vote has not been closed and counted' },
    ACTA_COMMITTEE_NOT_ELECTED: { es: 'el comité de vigilancia no ha sido elegido ({filled} de {seats} integrantes)', en: 'the oversight committee has not been elected ({filled} of {seats} members)' },
    ACTA_SESSION_NOT_RECORDED: { es: 'no se ha registrado la sesión (fecha, lugar, hora de inicio y de fin)', en: 'the session (date, place, start and end time) has not been recorded' },
    ACTA_NO_SIGNATORIES: { es: 'no hay firmantes registrados', en: 'no signatories have been recorded' },
  },
  names: {
    acta: { es: 'el Acta de Acuerdos y Compromisos', en: 'the Acta de Acuerdos y Compromisos' },
  },
  fields: {
    heldOn: { es: 'fecha de la sesión', en: 'session date' },
    place: { es: 'lugar', en: 'place' },
    startTime: { es: 'hora de inicio (HH:MM)', en: 'start time (HH:MM)' },
    endTime: { es: 'hora de fin (HH:MM)', en: 'end time (HH:MM)' },
    signatories: { es: 'firmantes', en: 'signatories' },
    fileId: { es: 'archivo', en: 'file' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
