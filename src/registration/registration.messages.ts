import { defineCatalogue } from '../shared/errors.ts';

/** The registration area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    NOT_AN_APPROVED_AGENT: { status: 409, es: '{name} no es un agente participante aprobado de este proceso.', en: '{name} is not an approved participating agent of this process.' },
    REGISTRATION_CLOSED: { status: 409, es: 'La inscripción cerró el {deadline}.', en: 'Registration closed on {deadline}.' },
    DNI_ALREADY_REGISTERED: { status: 409, es: 'El DNI {dni} ya está inscrito en este proceso.', en: 'DNI {dni} is already registered in this process.' },
    REGISTRY_NUMBER_TAKEN: { status: 409, es: 'La partida registral {registryNumber} ya está inscrita en este proceso.', en: 'Registry number {registryNumber} is already registered in this process.' },
    ORGANIZATION_NOT_APPROVED: { status: 409, es: 'La organización «{name}» no está aprobada: aún no puede acreditar delegados.', en: 'Organization "{name}" is not approved: it cannot accredit delegates yet.' },
    REGISTRATION_NOT_PENDING: { status: 409, es: 'Esta inscripción ya fue resuelta ({status}); no puede cambiarse.', en: 'This registration was already decided ({status}); it cannot change.' },
    CSV_ENCODING: { status: 400, es: 'El archivo no está en UTF-8 (línea {line}). Guárdelo como «CSV UTF-8» y vuelva a intentarlo.', en: 'The file is not UTF-8 (line {line}). Save it as "CSV UTF-8" and try again.' },
    CSV_COLUMNS: { status: 400, es: 'Columnas incorrectas. Se esperan: {expected}. Faltan: {missing}. Sobran: {unexpected}.', en: 'Wrong columns. Expected: {expected}. Missing: {missing}. Unexpected: {unexpected}.' },
    CSV_EMPTY: { status: 400, es: 'El archivo no tiene filas de datos.', en: 'The file has no data rows.' },
    CSV_INVALID_ROWS: { status: 422, es: 'Filas con errores: {count}. No se importó nada.', en: 'Rows with errors: {count}. Nothing was imported.' },
    ALREADY_REGISTERED: { status: 409, es: 'Su cuenta ya tiene una inscripción en este proceso; puede verla y corregirla mientras esté pendiente.', en: 'Your account already has a registration in this process; you can see and correct it while it is pending.' },
    DNI_NOT_OWN: { status: 403, es: 'La inscripción en línea es personal: use el DNI de su cuenta ({accountDni}). Para inscribir a otra persona, acuda a una jornada de inscripción presencial.', en: 'Online registration is personal: use the DNI of your account ({accountDni}). To register someone else, go to a face-to-face registration day.' },
    CONTACT_REQUIRED: { status: 400, es: 'Indique un teléfono o un correo, para poder avisarle de la decisión sobre la inscripción.', en: 'Give a phone or an email, so the decision on the registration can reach you.' },
    CSV_MALFORMED: { status: 400, es: 'El archivo CSV está mal formado cerca de la línea {line} ({reason}): revise las comillas.', en: 'The CSV file is malformed near line {line} ({reason}): check the quotes.' },
    CSV_ROW_COLUMNS: { status: 400, es: 'La fila tiene {found} valores; se esperan {expected}, uno por columna.', en: 'The row has {found} values; {expected} expected, one per column.' },
    IMPORT_INTERRUPTED: { status: 409, es: 'La importación se interrumpió (el servidor se reinició) antes de guardar nada. Envíe el archivo de nuevo.', en: 'The import was interrupted (the server restarted) before anything was saved. Send the file again.' },
    CSV_DUPLICATE_DNI: { status: 409, es: 'El DNI {dni} se repite en el archivo (ya está en la línea {firstLine}).', en: 'DNI {dni} appears twice in the file (already on line {firstLine}).' },
  },
  preconditions: {
    REGISTRATION_STILL_OPEN: { es: 'la inscripción sigue abierta hasta el {deadline}', en: 'registration is open until {deadline}' },
    REGISTRATIONS_PENDING: { es: 'hay {agents} inscripciones de agentes y {organizations} de organizaciones sin resolver', en: '{agents} agent and {organizations} organization registrations are still pending' },
    NO_APPROVED_AGENTS: { es: 'no hay ningún agente participante aprobado', en: 'there is no approved participating agent' },
  },
  names: {
    organization: { es: 'una organización', en: 'an organization' },
    agent: { es: 'un agente participante', en: 'a participating agent' },
  },
  fields: {
    ageBand: { es: 'rango de edad', en: 'age band' },
    organizationId: { es: 'organización', en: 'organization' },
    registryNumber: { es: 'partida registral', en: 'registry number' },
    organizationIds: { es: 'organizaciones', en: 'organizations' },
    agentIds: { es: 'agentes', en: 'agents' },
    contactPhone: { es: 'teléfono de contacto', en: 'contact phone' },
    contactEmail: { es: 'correo de contacto', en: 'contact email' },
    decision: { es: 'decisión', en: 'decision' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
