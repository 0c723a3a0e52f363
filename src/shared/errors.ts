import { format, type Lang } from './i18n.ts';

/**
 * The catalogue of every error a client can receive: a stable code, an HTTP status, and a message in each language.
 * Messages take `{placeholders}` from the error's params. Codes never change meaning once published.
 */
export const ERRORS = {
  // Request shape
  VALIDATION: { status: 400, es: 'El campo «{field}» no es válido: {rule}.', en: 'Field "{field}" is not valid: {rule}.' },
  MALFORMED_JSON: { status: 400, es: 'El cuerpo de la solicitud no es JSON válido.', en: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, es: 'Tipo de contenido no admitido: {type}.', en: 'Unsupported content type: {type}.' },
  PAYLOAD_TOO_LARGE: { status: 413, es: 'La solicitud supera el tamaño máximo permitido.', en: 'The request is larger than allowed.' },
  BAD_REQUEST: { status: 400, es: 'Solicitud incorrecta: {reason}.', en: 'Bad request: {reason}.' },
  NOT_FOUND: { status: 404, es: 'No encontrado: {what}.', en: 'Not found: {what}.' },
  TOO_MANY_REQUESTS: { status: 429, es: 'Demasiados intentos. Espere {seconds} segundos.', en: 'Too many attempts. Wait {seconds} seconds.' },
  // Identity and access
  UNAUTHENTICATED: { status: 401, es: 'Debe iniciar sesión.', en: 'You must sign in.' },
  INVALID_CREDENTIALS: { status: 401, es: 'Usuario o contraseña incorrectos.', en: 'Wrong user or password.' },
  CSRF_TOKEN_INVALID: { status: 403, es: 'Falta el token de seguridad o no es válido; recargue la página.', en: 'The security token is missing or invalid; reload the page.' },
  FORBIDDEN: { status: 403, es: 'No tiene permiso para esta acción ({action}).', en: 'You are not allowed to do this ({action}).' },
  EMAIL_TAKEN: { status: 409, es: 'Ya existe una cuenta con el correo {email}.', en: 'An account with email {email} already exists.' },
  DNI_TAKEN: { status: 409, es: 'Ya existe una cuenta con el DNI {dni}.', en: 'An account with DNI {dni} already exists.' },
  // The process and its phases
  PROCESS_YEAR_TAKEN: { status: 409, es: 'Ya existe un proceso para el año fiscal {year}.', en: 'A process for fiscal year {year} already exists.' },
  ENVELOPE_OVER_INVESTMENT: { status: 400, es: 'La asignación ({envelope}) supera el presupuesto de inversión ({investment}).', en: 'The envelope ({envelope}) exceeds the investment budget ({investment}).' },
  ZONE_SPLIT_OVER_ENVELOPE: { status: 400, es: 'El reparto por zonas suma {total}, más que la asignación de {envelope}.', en: 'The split by zone adds up to {total}, more than the envelope of {envelope}.' },
  CALENDAR_ORDER: { status: 400, es: 'El calendario no está en orden: {phase} empieza antes de que termine {previous}.', en: 'The calendar is out of order: {phase} starts before {previous} ends.' },
  PHASE_NOT_NEXT: { status: 409, es: 'El proceso está en {from}; solo puede pasar a {next}.', en: 'The process is in {from}; it can only move to {next}.' },
  PHASE_PRECONDITIONS_FAILED: { status: 409, es: 'No se puede pasar a {to}: {failures}', en: 'Cannot move to {to}: {failures}' },
  PROCESS_SETTINGS_FROZEN: { status: 409, es: 'Las reglas del proceso quedan fijas fuera de la fase de preparación (fase actual: {phase}).', en: 'The process rules are frozen outside the Preparation phase (current phase: {phase}).' },
  PHASE_CLOSED: { status: 409, es: 'Esta acción corresponde a la fase de {expected}; el proceso está en {phase}.', en: 'This belongs to the {expected} phase; the process is in {phase}.' },
  UNKNOWN_REFERENCE: { status: 400, es: 'El campo «{field}» nombra {what} que no existe en este municipio: {value}.', en: 'Field "{field}" names {what} that does not exist in this municipality: {value}.' },
  CODE_TAKEN: { status: 409, es: 'El código {code} ya está en uso.', en: 'Code {code} is already in use.' },
  // Registration
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
  CSV_DUPLICATE_DNI: { status: 409, es: 'El DNI {dni} se repite en el archivo (ya está en la línea {firstLine}).', en: 'DNI {dni} appears twice in the file (already on line {firstLine}).' },
  // Bodies and quotas
  QUOTA_BROKEN: { status: 409, es: 'Cuota de género en {body}: con este cambio, a lo sumo {women} de {seats} puestos podrían ser de mujeres; se necesitan al menos {required}.', en: 'Gender quota in {body}: after this change at most {women} of {seats} seats could be held by women; at least {required} needed.' },
  BODY_FULL: { status: 409, es: 'No hay puestos libres suficientes en {body}: {filled} de {seats} ocupados, {requested} por ocupar.', en: 'Not enough free seats in {body}: {filled} of {seats} filled, {requested} to add.' },
  NOT_AN_APPROVED_AGENT: { status: 409, es: '{name} no es un agente participante aprobado de este proceso.', en: '{name} is not an approved participating agent of this process.' },
  ALREADY_A_MEMBER: { status: 409, es: '{name} ya integra {body}.', en: '{name} is already a member of {body}.' },
  NOT_A_MEMBER: { status: 404, es: '{name} no integra {body}.', en: '{name} is not a member of {body}.' },
  // Training and files
  TRAINING_FROZEN: { status: 409, es: 'Las capacitaciones y su asistencia quedan fijas desde la Formalización, para que el padrón de votantes no cambie (fase actual: {phase}).', en: 'Training sessions and attendance are frozen from Formalization on, so the voter roll does not change (current phase: {phase}).' },
  NOT_REGISTERED_FOR_CHECK_IN: { status: 404, es: 'El DNI {dni} no corresponde a un agente aprobado de este proceso.', en: 'DNI {dni} is not an approved agent of this process.' },
  CHECK_IN_CLOSED: { status: 409, es: 'El registro de asistencia por DNI solo está abierto el día de la sesión ({date}).', en: 'Check-in by DNI is only open on the day of the session ({date}).' },
  FILE_TOO_LARGE: { status: 413, es: 'El archivo supera {maxMb} MB.', en: 'The file is larger than {maxMb} MB.' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, es: 'Tipo de archivo no admitido ({type}). Se admiten: {allowed}.', en: 'File type not allowed ({type}). Allowed: {allowed}.' },
  FILE_COUNT: { status: 400, es: 'Envíe exactamente un archivo, en el campo «file», y nada más.', en: 'Send exactly one file, in field "file", and nothing else.' },
  FILE_EMPTY: { status: 400, es: 'El archivo «{filename}» está vacío.', en: 'File "{filename}" is empty.' },
  TRAINING_ENDS_BEFORE_START: { status: 400, es: 'La sesión debe terminar después de empezar (empieza {startsAt}, termina {endsAt}).', en: 'The session must end after it starts (starts {startsAt}, ends {endsAt}).' },
  FACILITATOR_CHOICE: { status: 400, es: 'Indique un facilitador: un usuario del municipio (facilitatorUserId) o el nombre de un voluntario (facilitatorName), no ambos.', en: 'Give one facilitator: a user of the municipality (facilitatorUserId) or a volunteer\'s name (facilitatorName), not both.' },
  ATTENDANCE_TOO_EARLY: { status: 409, es: 'La sesión aún no se realiza ({date}): la asistencia se registra desde el día de la sesión.', en: 'The session has not taken place yet ({date}): attendance is recorded from the day of the session.' },
  CHECK_IN_OWN_DNI_ONLY: { status: 403, es: 'Solo puede registrar su propia asistencia, con el DNI de su cuenta.', en: 'You may only check yourself in, with the DNI of your account.' },
  // Server
  INTERNAL: { status: 500, es: 'Error interno. El equipo técnico ha sido notificado.', en: 'Internal error. The technical team has been notified.' },
  UNAVAILABLE: { status: 503, es: 'Servicio no disponible: {reason}.', en: 'Service unavailable: {reason}.' },
} as const satisfies Record<string, { status: number; es: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Names of validation rules, as shown inside a VALIDATION message. */
export const RULES = {
  required: { es: 'es obligatorio', en: 'is required' },
  dni: { es: 'el DNI tiene exactamente 8 dígitos', en: 'a DNI has exactly 8 digits' },
  email: { es: 'debe ser un correo electrónico válido (con @)', en: 'must be a valid email address (with @)' },
  unknown_field: { es: 'campo desconocido', en: 'unknown field' },
  type: { es: 'debe ser de tipo {expected}', en: 'must be of type {expected}' },
  min_length: { es: 'debe tener al menos {min} caracteres', en: 'must have at least {min} characters' },
  max_length: { es: 'debe tener como máximo {max} caracteres', en: 'must have at most {max} characters' },
  min: { es: 'debe ser al menos {min}', en: 'must be at least {min}' },
  max: { es: 'debe ser como máximo {max}', en: 'must be at most {max}' },
  min_items: { es: 'debe tener al menos {min} elementos', en: 'must have at least {min} items' },
  max_items: { es: 'debe tener como máximo {max} elementos', en: 'must have at most {max} items' },
  one_of: { es: 'debe ser uno de: {values}', en: 'must be one of: {values}' },
  format: { es: 'no tiene el formato esperado', en: 'does not have the expected format' },
  date: { es: 'debe ser una fecha AAAA-MM-DD', en: 'must be a date YYYY-MM-DD' },
  email_or_dni: { es: 'indique un correo electrónico o un DNI', en: 'give an email or a DNI' },
  password: { es: 'la contraseña tiene al menos 10 caracteres', en: 'a password has at least 10 characters' },
  password_personal: { es: 'la contraseña no puede ser su nombre, su DNI ni su correo', en: 'a password cannot be your name, DNI or email' },
  invalid: { es: 'no es válido', en: 'is not valid' },
  deadline_in_preparation: { es: 'debe caer dentro de la fase de preparación ({from} a {to})', en: 'must fall within the Preparation phase ({from} to {to})' },
  reason_required: { es: 'indique el motivo', en: 'give the reason' },
  positive_amount: { es: 'debe ser un monto mayor que cero', en: 'must be an amount greater than zero' },
  phone: { es: 'un teléfono tiene 9 dígitos (celular) o 6 a 7 (fijo)', en: 'a phone has 9 digits (mobile) or 6 to 7 (landline)' },
} as const satisfies Record<string, { es: string; en: string }>;

export type RuleName = keyof typeof RULES;

/** Why a phase cannot move yet: each failed precondition, listed inside PHASE_PRECONDITIONS_FAILED. */
export const PRECONDITIONS = {
  REGISTRATION_STILL_OPEN: { es: 'la inscripción sigue abierta hasta el {deadline}', en: 'registration is open until {deadline}' },
  REGISTRATIONS_PENDING: { es: 'hay {agents} inscripciones de agentes y {organizations} de organizaciones sin resolver', en: '{agents} agent and {organizations} organization registrations are still pending' },
  NO_TRAINING_HELD: { es: 'no se ha realizado ninguna capacitación con asistencia, y el proceso la exige para votar', en: 'no training session has been held with attendance, and the process requires training to vote' },
  QUOTA_NOT_MET: { es: 'la cuota de mujeres en {body} no se cumple ({women} de {filled}; se necesitan {required})', en: 'the women quota in {body} is not met ({women} of {filled}; {required} needed)' },
  NO_APPROVED_AGENTS: { es: 'no hay ningún agente participante aprobado', en: 'there is no approved participating agent' },
} as const satisfies Record<string, { es: string; en: string }>;

export type PreconditionCode = keyof typeof PRECONDITIONS;

/** The names of things, for messages: phases and bodies. */
export const NAMES = {
  preparation: { es: 'Preparación', en: 'Preparation' },
  concertation: { es: 'Concertación', en: 'Concertation' },
  coordination: { es: 'Coordinación', en: 'Coordination' },
  formalization: { es: 'Formalización', en: 'Formalization' },
  execution: { es: 'Ejecución y vigilancia', en: 'Execution and oversight' },
  closed: { es: 'Cerrado', en: 'Closed' },
  delegates: { es: 'los delegados acreditados', en: 'the accredited delegates' },
  directive_committee: { es: 'el comité directivo', en: 'the directive committee' },
  oversight_committee: { es: 'el comité de vigilancia', en: 'the oversight committee' },
  pending: { es: 'pendiente', en: 'pending' },
  approved: { es: 'aprobada', en: 'approved' },
  rejected: { es: 'rechazada', en: 'rejected' },
  decided: { es: 'resuelta', en: 'decided' },
  zone: { es: 'una zona', en: 'a zone' },
  axis: { es: 'un eje temático', en: 'a thematic axis' },
  objective: { es: 'un objetivo estratégico', en: 'a strategic objective' },
  file: { es: 'un archivo', en: 'a file' },
  account: { es: 'una cuenta', en: 'an account' },
  organization: { es: 'una organización', en: 'an organization' },
  agent: { es: 'un agente participante', en: 'a participating agent' },
  facilitator: { es: 'un facilitador', en: 'a facilitator' },
} as const satisfies Record<string, { es: string; en: string }>;

export function nameOf(key: string, lang: Lang): string {
  return (NAMES as Record<string, { es: string; en: string }>)[key]?.[lang] ?? key;
}

export function preconditionText(code: string, params: Record<string, unknown>, lang: Lang): string {
  const entry = (PRECONDITIONS as Record<string, { es: string; en: string }>)[code];
  const named = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k === 'body' && typeof v === 'string' ? nameOf(v, lang) : v]));
  return entry ? format(entry[lang], named, lang) : code;
}

export function ruleText(rule: string, params: Record<string, unknown>, lang: Lang): string {
  const entry = (RULES as Record<string, { es: string; en: string }>)[rule];
  return entry ? format(entry[lang], params, lang) : rule;
}

/** How fields are named in messages; a field not listed is shown by its API name. */
export const FIELD_LABELS: Record<string, { es: string; en: string }> = {
  name: { es: 'nombre', en: 'name' },
  fullName: { es: 'nombres y apellidos', en: 'full name' },
  email: { es: 'correo electrónico', en: 'email' },
  dni: { es: 'DNI', en: 'DNI' },
  password: { es: 'contraseña', en: 'password' },
  login: { es: 'usuario', en: 'user' },
  phone: { es: 'teléfono', en: 'phone' },
  sex: { es: 'sexo', en: 'sex' },
  ageBand: { es: 'rango de edad', en: 'age band' },
  zoneId: { es: 'zona', en: 'zone' },
  organizationId: { es: 'organización', en: 'organization' },
  registryNumber: { es: 'partida registral', en: 'registry number' },
  type: { es: 'tipo', en: 'type' },
  reason: { es: 'motivo', en: 'reason' },
  fiscalYear: { es: 'año fiscal', en: 'fiscal year' },
  envelopeCents: { es: 'asignación', en: 'envelope' },
  investmentBudgetCents: { es: 'presupuesto de inversión', en: 'investment budget' },
  calendar: { es: 'calendario', en: 'calendar' },
  zoneEnvelopes: { es: 'reparto por zonas', en: 'split by zone' },
  'rules.registrationDeadline': { es: 'fecha límite de inscripción', en: 'registration deadline' },
  'rules.ballotKind': { es: 'tipo de cédula', en: 'ballot kind' },
  'rules.outcomeRule': { es: 'regla de resultados', en: 'outcome rule' },
  'rules.maxChoices': { es: 'máximo de proyectos por cédula', en: 'most projects per ballot' },
  'rules.minTrainingSessions': { es: 'capacitaciones requeridas', en: 'training sessions required' },
  'rules.quotas.delegateSeats': { es: 'puestos de delegados', en: 'delegate seats' },
  'rules.quotas.delegatesMinWomenShare': { es: 'cuota de mujeres entre delegados', en: "women's share of delegates" },
  'rules.quotas.directiveSeats': { es: 'puestos del comité directivo', en: 'directive committee seats' },
  'rules.quotas.directiveMinWomen': { es: 'mujeres mínimas en el comité directivo', en: 'minimum women on the directive committee' },
  'rules.quotas.oversightSeats': { es: 'puestos del comité de vigilancia', en: 'oversight committee seats' },
  'rules.quotas.oversightMinWomenShare': { es: 'cuota de mujeres en el comité de vigilancia', en: "women's share of the oversight committee" },
  'calendar.preparation': { es: 'fechas de Preparación', en: 'Preparation dates' },
  'calendar.concertation': { es: 'fechas de Concertación', en: 'Concertation dates' },
  'calendar.coordination': { es: 'fechas de Coordinación', en: 'Coordination dates' },
  'calendar.formalization': { es: 'fechas de Formalización', en: 'Formalization dates' },
  'calendar.execution': { es: 'fechas de Ejecución', en: 'Execution dates' },
  organizationIds: { es: 'organizaciones', en: 'organizations' },
  agentIds: { es: 'agentes', en: 'agents' },
  agentId: { es: 'agente', en: 'agent' },
  materialFileIds: { es: 'materiales', en: 'materials' },
  facilitatorUserId: { es: 'facilitador', en: 'facilitator' },
  facilitatorName: { es: 'nombre del facilitador', en: 'facilitator name' },
  contactPhone: { es: 'teléfono de contacto', en: 'contact phone' },
  contactEmail: { es: 'correo de contacto', en: 'contact email' },
  decision: { es: 'decisión', en: 'decision' },
  population: { es: 'población', en: 'population' },
  description: { es: 'descripción', en: 'description' },
  axisId: { es: 'eje temático', en: 'thematic axis' },
  title: { es: 'título', en: 'title' },
  body: { es: 'texto', en: 'text' },
  startsOn: { es: 'fecha de inicio', en: 'start date' },
  endsOn: { es: 'fecha de fin', en: 'end date' },
  startsAt: { es: 'inicio', en: 'start' },
  endsAt: { es: 'fin', en: 'end' },
  topic: { es: 'tema', en: 'topic' },
  place: { es: 'lugar', en: 'place' },
  code: { es: 'código', en: 'code' },
  attachmentIds: { es: 'adjuntos', en: 'attachments' },
};

export function fieldLabel(field: string, lang: Lang): string {
  return FIELD_LABELS[field]?.[lang] ?? field;
}

/** An error meant for the client: a catalogue code, its params, and the field it concerns. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

/** A field rule broken, as a VALIDATION error naming the field. */
export function invalid(field: string, rule: RuleName, params: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', { rule, ...params }, field);
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> };
}

export function errorBody(err: AppError, lang: Lang): ErrorBody {
  const rawField = err.field ?? (typeof err.params.field === 'string' ? err.params.field : undefined);
  const params: Record<string, unknown> = { ...err.params, field: rawField === undefined ? undefined : fieldLabel(rawField, lang) };
  if (err.code === 'VALIDATION') params.rule = ruleText(String(err.params.rule ?? 'invalid'), err.params, lang);
  for (const key of ['from', 'to', 'next', 'phase', 'previous', 'expected', 'body', 'what', 'status'] as const) {
    if (typeof params[key] === 'string') params[key] = nameOf(params[key] as string, lang);
  }
  if (Array.isArray(err.params.failures)) {
    params.failures = (err.params.failures as { code: string; params: Record<string, unknown> }[])
      .map((f) => preconditionText(f.code, f.params, lang)).join('; ') + '.';
  }
  const message = format(ERRORS[err.code][lang], params, lang);
  const details = Object.keys(err.params).length > 0 ? err.params : undefined;
  return { error: { code: err.code, message, ...(err.field ? { field: err.field } : {}), ...(details ? { details } : {}) } };
}
