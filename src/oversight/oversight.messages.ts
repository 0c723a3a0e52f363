import { defineCatalogue } from '../shared/errors.ts';

/** The oversight area's error codes, names, field labels and the vigilance report's texts, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    OVERSIGHT_NOT_OPEN: { status: 409, es: 'La vigilancia de los proyectos se registra desde la Ejecución (fase actual: {phase}).', en: 'Oversight of the projects is recorded from Execution on (current phase: {phase}).' },
    OVERSIGHT_UNKNOWN_PROJECT: { status: 400, es: 'El campo «{field}» no nombra un proyecto en seguimiento de este proceso: {value}.', en: 'Field "{field}" does not name a tracked project of this process: {value}.' },
    OVERSIGHT_PROJECT_TWICE: { status: 400, es: 'El proyecto N.° {number} aparece dos veces en el PIA enviado: indíquelo una sola vez.', en: 'Project no. {number} appears twice in the PIA sent: give it once.' },
    OVERSIGHT_FILE_NOT_YOURS: { status: 400, es: 'El archivo «{value}» del campo «{field}» no es uno que usted haya subido: adjunte solo sus propios archivos.', en: 'File "{value}" of field "{field}" is not one you uploaded: attach only your own files.' },
    OVERSIGHT_PHOTO_NOT_IMAGE: { status: 400, es: 'El archivo «{filename}» no es una foto: adjunte imágenes PNG, JPEG o WebP.', en: 'File "{filename}" is not a photo: attach PNG, JPEG or WebP images.' },
    OVERSIGHT_DEADLINE_TOO_SOON: { status: 400, es: 'El plazo ({deadline}) debe dar al menos {days} días hábiles a la municipalidad: el {earliest} o después.', en: 'The deadline ({deadline}) must give the municipality at least {days} working days: {earliest} or later.' },
    OVERSIGHT_ALREADY_ANSWERED: { status: 409, es: 'Este pedido de información ya fue respondido el {date}: la respuesta no se reemplaza.', en: 'This request for information was already answered on {date}: the answer is not replaced.' },
    OVERSIGHT_SEMESTER: { status: 400, es: 'El semestre {half} de {year} no es válido: el año debe estar entre {from} y {to}.', en: 'Semester {half} of {year} is not valid: the year must be between {from} and {to}.' },
  },
  names: {
    oversight_included: { es: 'incluido con el monto acordado', en: 'included with the agreed amount' },
    oversight_included_less: { es: 'incluido con un monto menor', en: 'included with less' },
    oversight_missing: { es: 'no incluido', en: 'missing' },
    oversight_observation: { es: 'una observación', en: 'an observation' },
    oversight_request: { es: 'un pedido de información', en: 'a request for information' },
    oversight_done: { es: 'concluido', en: 'done' },
    oversight_in_progress: { es: 'en curso', en: 'in progress' },
    oversight_not_started: { es: 'no iniciado', en: 'not started' },
    oversight_cancelled: { es: 'cancelado', en: 'cancelled' },
  },
  fields: {
    projectId: { es: 'proyecto', en: 'project' },
    piaCents: { es: 'monto en el PIA', en: 'PIA amount' },
    amounts: { es: 'montos del PIA', en: 'PIA amounts' },
    observation: { es: 'observación', en: 'observation' },
    photoFileIds: { es: 'fotos', en: 'photos' },
    question: { es: 'pedido', en: 'request' },
    deadline: { es: 'plazo', en: 'deadline' },
    response: { es: 'respuesta', en: 'answer' },
    documentFileIds: { es: 'documentos', en: 'documents' },
  },
  audit: {
    'oversight.record_pia': { es: 'Monto del PIA registrado', en: 'Opening budget (PIA) amount recorded' },
    'oversight.observe': { es: 'Observación del comité de vigilancia', en: 'Oversight committee observation' },
    'oversight.request': { es: 'Pedido de información del comité de vigilancia', en: 'Oversight committee request for information' },
    'oversight.answer': { es: 'Respuesta de la municipalidad a un pedido de información', en: 'Municipality answer to a request for information' },
  },
  entities: {
    'oversight_observation': { es: 'Observación de vigilancia', en: 'Oversight observation' },
    'oversight_request': { es: 'Pedido de información', en: 'Request for information' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
}
