import { format, type Lang } from './i18n.ts';

/**
 * The catalogue of every error a client can receive: a stable code, an HTTP status, and a message in each language.
 * Messages take `{placeholders}` from the error's params. Codes never change meaning once published.
 *
 * The codes every part of Concerta may raise are here; each area adds its own in `<area>.messages.ts` with
 * `defineCatalogue`, which registers the texts and adds the codes to `ErrorCatalogue` (declaration merging), so
 * `new AppError('CODE')` is checked by the compiler and this file does not grow when an area is added.
 */
export interface Message { es: string; en: string }
export interface ErrorEntry extends Message { status: number }

/** What an area contributes: error codes, phase-gate texts, names of things, field labels, validation rules. */
export interface Catalogue {
  errors?: Record<string, ErrorEntry>;
  preconditions?: Record<string, Message>;
  names?: Record<string, Message>;
  fields?: Record<string, Message>;
  rules?: Record<string, Message>;
  /** What the audit log calls each action the area records (`vote.close` ...). */
  audit?: Record<string, Message>;
  /** What the audit log calls each kind of thing the area records actions on (`polling_table` ...). */
  entities?: Record<string, Message>;
}

const CORE_ERRORS = {
  VALIDATION: { status: 400, es: 'El campo «{field}» no es válido: {rule}.', en: 'Field "{field}" is not valid: {rule}.' },
  MALFORMED_JSON: { status: 400, es: 'El cuerpo de la solicitud no es JSON válido.', en: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, es: 'Tipo de contenido no admitido: {type}.', en: 'Unsupported content type: {type}.' },
  URL_TOO_LONG: { status: 414, es: 'La dirección (URL) supera los {max} caracteres permitidos.', en: 'The address (URL) is longer than the {max} characters allowed.' },
  HEADERS_TOO_LARGE: { status: 431, es: 'La solicitud trae cabeceras o una dirección demasiado largas.', en: 'The request headers or address are too large.' },
  PAYLOAD_TOO_LARGE: { status: 413, es: 'La solicitud supera el tamaño máximo permitido.', en: 'The request is larger than allowed.' },
  BAD_REQUEST: { status: 400, es: 'Solicitud incorrecta: {reason}.', en: 'Bad request: {reason}.' },
  NOT_FOUND: { status: 404, es: 'No encontrado: {what}.', en: 'Not found: {what}.' },
  TOO_MANY_REQUESTS: { status: 429, es: 'Demasiados intentos. Espera {seconds} segundos.', en: 'Too many attempts. Wait {seconds} seconds.' },
  UNAUTHENTICATED: { status: 401, es: 'Debes iniciar sesión.', en: 'You must sign in.' },
  CSRF_TOKEN_INVALID: { status: 403, es: 'Falta el token de seguridad o no es válido; recarga la página.', en: 'The security token is missing or invalid; reload the page.' },
  FORBIDDEN: { status: 403, es: 'No tienes permiso para esta acción ({action}).', en: 'You are not allowed to do this ({action}).' },
  PHASE_CLOSED: { status: 409, es: 'Esta acción corresponde a la fase de {expected}; el proceso está en {phase}.', en: 'This belongs to the {expected} phase; the process is in {phase}.' },
  UNKNOWN_REFERENCE: { status: 400, es: 'El campo «{field}» nombra {what} que no existe en este municipio: {value}.', en: 'Field "{field}" names {what} that does not exist in this municipality: {value}.' },
  INTERNAL: { status: 500, es: 'Error interno. El equipo técnico ha sido notificado.', en: 'Internal error. The technical team has been notified.' },
  UNAVAILABLE: { status: 503, es: 'Servicio no disponible: {reason}.', en: 'Service unavailable: {reason}.' },
} as const satisfies Record<string, ErrorEntry>;

/** Names of validation rules, as shown inside a VALIDATION message. */
const RULES = {
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
  email_or_dni: { es: 'indica un correo electrónico o un DNI', en: 'give an email or a DNI' },
  password: { es: 'la contraseña tiene al menos 10 caracteres', en: 'a password has at least 10 characters' },
  password_personal: { es: 'la contraseña no puede ser tu nombre, tu DNI ni tu correo', en: 'a password cannot be your name, DNI or email' },
  invalid: { es: 'no es válido', en: 'is not valid' },
  deadline_in_preparation: { es: 'debe caer dentro de la fase de preparación ({from} a {to})', en: 'must fall within the Preparation phase ({from} to {to})' },
  list_stage_order: { es: 'las etapas van en orden: fin de la inscripción, lista preliminar, tachas (desde la lista), lista definitiva', en: 'the stages go in order: registration deadline, preliminary list, challenges (from the list on), definitive list' },
  deadline_in_concertation: { es: 'debe caer dentro de la fase de concertación ({from} a {to})', en: 'must fall within the Concertation phase ({from} to {to})' },
  reason_required: { es: 'indica el motivo', en: 'give the reason' },
  positive_amount: { es: 'debe ser un monto mayor que cero', en: 'must be an amount greater than zero' },
  threshold_with_rule: { es: 'se indica con la regla «greedy-threshold», y solo con ella', en: 'is given with the greedy-threshold rule, and only with it' },
  phone: { es: 'un teléfono tiene 9 dígitos (celular) o 6 a 7 (fijo)', en: 'a phone has 9 digits (mobile) or 6 to 7 (landline)' },
  too_deep: { es: 'anida listas u objetos a más de {max} niveles', en: 'nests lists or objects more than {max} levels deep' },
  control_chars: { es: 'contiene caracteres de control, marcas invisibles de dirección o bytes que no son texto UTF-8', en: 'holds control characters, invisible direction marks or bytes that are not UTF-8 text' },
  date_range: { es: 'debe caer entre {from} y {to}', en: 'must fall between {from} and {to}' },
  max_hours: { es: 'la sesión dura como máximo {max} horas', en: 'a session lasts at most {max} hours' },
  single_line: { es: 'debe ser una sola línea', en: 'must be a single line' },
} as const satisfies Record<string, { es: string; en: string }>;

/** The names of things, for messages: phases and statuses (areas add theirs). */
const CORE_NAMES: Record<string, Message> = {
  preparation: { es: 'Preparación', en: 'Preparation' },
  concertation: { es: 'Concertación', en: 'Concertation' },
  coordination: { es: 'Coordinación', en: 'Coordination' },
  formalization: { es: 'Formalización', en: 'Formalization' },
  execution: { es: 'Ejecución y vigilancia', en: 'Execution and oversight' },
  closed: { es: 'Cerrado', en: 'Closed' },
  pending: { es: 'pendiente', en: 'pending' },
  approved: { es: 'aprobada', en: 'approved' },
  rejected: { es: 'rechazada', en: 'rejected' },
  decided: { es: 'resuelta', en: 'decided' },
};

/** How fields are named in messages; a field not listed is shown by its API name (areas add theirs). */
const CORE_FIELDS: Record<string, Message> = {
  name: { es: 'nombre', en: 'name' },
  fullName: { es: 'nombres y apellidos', en: 'full name' },
  email: { es: 'correo electrónico', en: 'email' },
  dni: { es: 'DNI', en: 'DNI' },
  password: { es: 'contraseña', en: 'password' },
  login: { es: 'usuario', en: 'user' },
  phone: { es: 'teléfono', en: 'phone' },
  sex: { es: 'sexo', en: 'sex' },
  zoneId: { es: 'zona', en: 'zone' },
  type: { es: 'tipo', en: 'type' },
  reason: { es: 'motivo', en: 'reason' },
  description: { es: 'descripción', en: 'description' },
};

type CoreErrors = Record<keyof typeof CORE_ERRORS, true>;
export interface ErrorCatalogue extends CoreErrors {}
export interface PreconditionCatalogue {}

export type ErrorCode = keyof ErrorCatalogue & string;
export type PreconditionCode = keyof PreconditionCatalogue & string;
export type RuleName = keyof typeof RULES;

const registry = {
  errors: new Map<string, ErrorEntry>(),
  preconditions: new Map<string, Message>(),
  names: new Map<string, Message>(),
  fields: new Map<string, Message>(),
  rules: new Map<string, Message>(),
  audit: new Map<string, Message>(),
  entities: new Map<string, Message>(),
};

/** Registers an area's messages (when its messages file is loaded) and returns them. A code defined twice is a bug. */
export function defineCatalogue<const C extends Catalogue>(catalogue: C): C {
  for (const kind of Object.keys(registry) as (keyof typeof registry)[]) {
    for (const [key, entry] of Object.entries(catalogue[kind] ?? {})) {
      const known = registry[kind].get(key);
      if (known && JSON.stringify(known) !== JSON.stringify(entry)) throw new Error(`message ${kind}.${key} is defined twice`);
      registry[kind].set(key, entry as ErrorEntry);
    }
  }
  return catalogue;
}

defineCatalogue({ errors: CORE_ERRORS, rules: RULES, names: CORE_NAMES, fields: CORE_FIELDS });

/** The audit log's words: each action's and each kind of thing's name, in both languages (as the areas registered them). */
export function auditVocabulary(): { actions: Record<string, Message>; entities: Record<string, Message> } {
  return { actions: Object.fromEntries(registry.audit), entities: Object.fromEntries(registry.entities) };
}

/** Every registered error code with its entry, for the catalogue test. */
export function errorEntries(): [string, ErrorEntry][] {
  return [...registry.errors.entries()];
}

function errorEntry(code: string): ErrorEntry {
  return registry.errors.get(code) ?? registry.errors.get('INTERNAL')!;
}

export function nameOf(key: string, lang: Lang): string {
  return registry.names.get(key)?.[lang] ?? key;
}

export function preconditionText(code: string, params: Record<string, unknown>, lang: Lang): string {
  const entry = registry.preconditions.get(code);
  const named = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k === 'body' && typeof v === 'string' ? nameOf(v, lang) : v]));
  return entry ? format(entry[lang], named, lang) : code;
}

/** A precondition's text in both languages (a page shows the one it is in, and follows a language switch). */
export function preconditionTexts(code: string, params: Record<string, unknown>): Message {
  return { es: preconditionText(code, params, 'es'), en: preconditionText(code, params, 'en') };
}

export function ruleText(rule: string, params: Record<string, unknown>, lang: Lang): string {
  const entry = registry.rules.get(rule);
  return entry ? format(entry[lang], params, lang) : rule;
}

export function isRuleName(name: string): name is RuleName {
  return name in RULES;
}

export function fieldLabel(field: string, lang: Lang): string {
  return registry.fields.get(field)?.[lang] ?? field;
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
    return errorEntry(this.code).status;
  }
}

/** A field rule broken, as a VALIDATION error naming the field. */
export function invalid(field: string, rule: RuleName, params: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', { rule, ...params }, field);
}

export interface ErrorBody {
  error: { code: string; message: string; messages: Message; field?: string; details?: Record<string, unknown> };
}

/** The error's message in one language: its catalogue text with the params named (fields, phases, rules) in that language. */
function errorMessage(err: AppError, lang: Lang): string {
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
  return format(errorEntry(err.code)[lang], params, lang);
}

/**
 * The answer for an error: its code, params and field for programs; its message in the request's language, and in
 * both languages, so a page that changes language shows an error already on screen in the new one.
 */
export function errorBody(err: AppError, lang: Lang): ErrorBody {
  const messages = { es: errorMessage(err, 'es'), en: errorMessage(err, 'en') };
  const details = Object.keys(err.params).length > 0 ? err.params : undefined;
  return { error: { code: err.code, message: messages[lang], messages, ...(err.field ? { field: err.field } : {}), ...(details ? { details } : {}) } };
}
