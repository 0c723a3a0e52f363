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
  invalid: { es: 'no es válido', en: 'is not valid' },
} as const satisfies Record<string, { es: string; en: string }>;

export type RuleName = keyof typeof RULES;

export function ruleText(rule: string, params: Record<string, unknown>, lang: Lang): string {
  const entry = (RULES as Record<string, { es: string; en: string }>)[rule];
  return entry ? format(entry[lang], params, lang) : rule;
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
  const params: Record<string, unknown> = { ...err.params, field: err.field ?? err.params.field };
  if (err.code === 'VALIDATION') params.rule = ruleText(String(err.params.rule ?? 'invalid'), err.params, lang);
  const message = format(ERRORS[err.code][lang], params, lang);
  const details = Object.keys(err.params).length > 0 ? err.params : undefined;
  return { error: { code: err.code, message, ...(err.field ? { field: err.field } : {}), ...(details ? { details } : {}) } };
}
