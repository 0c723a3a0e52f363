import { defineCatalogue } from '../shared/errors.ts';

/** The execution area's error codes, names, field labels and warning texts, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    EXECUTION_NOT_OPEN: { status: 409, es: 'El avance de los proyectos se registra desde la Ejecución (fase actual: {phase}).', en: 'Progress of the projects is recorded from Execution on (current phase: {phase}).' },
    EXECUTION_STATUS_FINAL: { status: 409, es: 'El proyecto N.° {number} está en estado «{from}», que es final: su estado ya no cambia.', en: 'Project no. {number} is "{from}", a final status: its status no longer changes.' },
    EXECUTION_TRANSITION: { status: 409, es: 'El proyecto N.° {number} no puede pasar de «{from}» a «{to}».', en: 'Project no. {number} cannot go from "{from}" to "{to}".' },
    EXECUTION_REASON_REQUIRED: { status: 400, es: 'Para pasar el proyecto N.° {number} a «{to}» indique el motivo en el campo «motivo» (al menos 5 caracteres).', en: 'To move project no. {number} to "{to}", give the reason in the "reason" field (at least 5 characters).' },
    EXECUTION_PHYSICAL_RANGE: { status: 400, es: 'El avance físico ({value}) debe estar entre 0 y 100, con un decimal como máximo.', en: 'Physical progress ({value}) must be between 0 and 100, with one decimal at most.' },
    EXECUTION_AMOUNT_NEGATIVE: { status: 400, es: 'El monto ejecutado de la fuente {code} debe ser un número entero de céntimos, cero o más.', en: 'The amount executed of source {code} must be a whole number of céntimos, zero or more.' },
    EXECUTION_UNKNOWN_SOURCE: { status: 400, es: 'El proyecto N.° {number} no tiene la fuente «{code}»; sus fuentes son: {codes}.', en: 'Project no. {number} has no source "{code}"; its sources are: {codes}.' },
    EXECUTION_SOURCE_TWICE: { status: 400, es: 'El monto ejecutado de la fuente {code} se indica dos veces: indíquelo una sola vez.', en: 'The amount executed of source {code} is given twice: give it once.' },
    EXECUTION_REPORTED_LATER: { status: 400, es: 'La fecha del informe ({date}) no puede ser posterior a hoy.', en: 'The report date ({date}) cannot be later than today.' },
    EXECUTION_ACTUAL_LATER: { status: 400, es: 'La fecha real del hito ({date}) no puede ser posterior a hoy.', en: 'The actual date of the milestone ({date}) cannot be later than today.' },
    EXECUTION_NOTHING_CHANGES: { status: 400, es: 'El informe no cambia nada del proyecto N.° {number}: indique un estado, un avance físico, un monto ejecutado o un código de inversión distintos de los actuales.', en: 'The report changes nothing of project no. {number}: give a status, physical progress, amount executed or investment code different from the current ones.' },
    EXECUTION_INVESTMENT_CODE_TAKEN: { status: 409, es: 'El código de inversión {code} ya es del proyecto N.° {number} de este proceso.', en: 'Investment code {code} already belongs to project no. {number} of this process.' },
    EXECUTION_DOCUMENT_TWICE: { status: 409, es: 'Ese archivo ya está entre las fotos y documentos del proyecto N.° {number}.', en: 'That file is already among the photos and documents of project no. {number}.' },
    EXECUTION_CSV_NO_PROJECT_COLUMN: { status: 400, es: 'El archivo debe tener la columna «proyecto» (N.° del proyecto) o «codigo_inversion». Columnas admitidas: {expected}.', en: 'The file must have the column "proyecto" (project number) or "codigo_inversion". Accepted columns: {expected}.' },
    EXECUTION_CSV_NO_PROJECT: { status: 400, es: 'La fila no indica el proyecto: escriba su N.° o su código de inversión.', en: 'The row does not name the project: write its number or its investment code.' },
    EXECUTION_CSV_UNKNOWN_PROJECT: { status: 400, es: 'No hay proyecto en seguimiento con {what} «{value}» en este proceso.', en: 'No tracked project of this process has {what} "{value}".' },
    EXECUTION_CSV_DUPLICATE_PROJECT: { status: 409, es: 'El proyecto N.° {number} se repite en el archivo (ya está en la línea {firstLine}).', en: 'Project no. {number} appears twice in the file (already on line {firstLine}).' },
    EXECUTION_CSV_DATE: { status: 400, es: 'La fecha «{value}» no es válida: escríbala como AAAA-MM-DD o DD/MM/AAAA.', en: 'The date "{value}" is not valid: write it as YYYY-MM-DD or DD/MM/YYYY.' },
    EXECUTION_CSV_PERCENT: { status: 400, es: '«{value}» no es un porcentaje entre 0 y 100 con un decimal como máximo.', en: '"{value}" is not a percentage between 0 and 100 with one decimal at most.' },
    EXECUTION_CSV_AMOUNT: { status: 400, es: '«{value}» no es un monto en soles: un número no negativo, sin separador de miles, con dos decimales como máximo.', en: '"{value}" is not an amount in soles: a number, not negative, without thousands separators, with two decimals at most.' },
    EXECUTION_CSV_STATUS: { status: 400, es: '«{value}» no es un estado; se admiten: {allowed}.', en: '"{value}" is not a status; accepted: {allowed}.' },
    EXECUTION_CSV_INVALID_ROWS: { status: 422, es: 'Filas con errores: {count}. No se importó nada.', en: 'Rows with errors: {count}. Nothing was imported.' },
  },
  names: {
    in_design: { es: 'en diseño', en: 'in design' },
    tendering: { es: 'en licitación', en: 'tendering' },
    in_execution: { es: 'en ejecución', en: 'in execution' },
    completed: { es: 'concluido', en: 'completed' },
    suspended: { es: 'suspendido', en: 'suspended' },
    cancelled: { es: 'cancelado', en: 'cancelled' },
    execution_project: { es: 'un proyecto en seguimiento', en: 'a tracked project' },
    execution_milestone: { es: 'un hito', en: 'a milestone' },
    execution_import: { es: 'una importación de avance', en: 'a progress import' },
  },
  fields: {
    reportedOn: { es: 'fecha del informe', en: 'report date' },
    physicalPercent: { es: 'avance físico', en: 'physical progress' },
    executed: { es: 'monto ejecutado', en: 'amount executed' },
    investmentCode: { es: 'código de inversión', en: 'investment code' },
    plannedOn: { es: 'fecha prevista', en: 'planned date' },
    actualOn: { es: 'fecha real', en: 'actual date' },
    caption: { es: 'descripción', en: 'caption' },
    fileId: { es: 'archivo', en: 'file' },
    proyecto: { es: 'proyecto', en: 'project' },
    codigo_inversion: { es: 'código de inversión', en: 'investment code' },
    fecha: { es: 'fecha', en: 'date' },
    avance_fisico: { es: 'avance físico', en: 'physical progress' },
    estado: { es: 'estado', en: 'status' },
    motivo: { es: 'motivo', en: 'reason' },
  },
  rules: {
    execution_overspent: { es: 'Lo ejecutado de la fuente {code} ({executed}) supera lo presupuestado ({budgeted}).', en: 'What was executed of source {code} ({executed}) exceeds its budget ({budgeted}).' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
}
