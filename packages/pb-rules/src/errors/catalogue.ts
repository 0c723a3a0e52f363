/**
 * One catalogue of every expected failure this package reports: a stable machine code, the parameters a
 * caller may use, and the message in English and Spanish. Codes never change meaning; new failures get
 * new codes. Messages are functions so plurals and number formatting come out right in both languages.
 */
import { formatNumber, type Locale } from '../arith/format.ts';

export type Params = Readonly<Record<string, string | number>>;
type Fmt = (v: string | number | undefined) => string;
type Template = (p: Params, n: Fmt) => string;

const s = (count: string | number | undefined, one: string, many: string): string => (Number(count) === 1 ? one : many);

export const ERROR_MESSAGES = {
  // ---- ballots -------------------------------------------------------------------------------------
  UNKNOWN_PROJECT: {
    en: (p) => `project ${p.project} does not exist in this vote`,
    es: (p) => `el proyecto ${p.project} no existe en esta votación`,
  },
  PROJECT_CHOSEN_TWICE: {
    en: (p) => `project ${p.project} chosen twice`,
    es: (p) => `proyecto ${p.project} elegido dos veces`,
  },
  TOO_MANY_CHOICES: {
    en: (p, n) => `${n(p.count)} ${s(p.count, 'project', 'projects')} chosen, at most ${n(p.max)} allowed`,
    es: (p, n) =>
      `${n(p.count)} ${s(p.count, 'proyecto elegido', 'proyectos elegidos')}, se ${s(p.max, 'permite', 'permiten')} como máximo ${n(p.max)}`,
  },
  TOO_FEW_CHOICES: {
    en: (p, n) => `${n(p.count)} ${s(p.count, 'project', 'projects')} chosen, at least ${n(p.min)} required`,
    es: (p, n) =>
      `${n(p.count)} ${s(p.count, 'proyecto elegido', 'proyectos elegidos')}, se ${s(p.min, 'requiere', 'requieren')} al menos ${n(p.min)}`,
  },
  BALLOT_OVER_BUDGET: {
    en: (p, n) => `total cost ${n(p.total)} exceeds the budget ${n(p.budget)}`,
    es: (p, n) => `el costo total ${n(p.total)} supera el presupuesto ${n(p.budget)}`,
  },
  BALLOT_UNDER_MIN_SPEND: {
    en: (p, n) => `total cost ${n(p.total)} is below the required minimum ${n(p.minimum)} (${n(p.percent)}% of the budget)`,
    es: (p, n) => `el costo total ${n(p.total)} no alcanza el mínimo exigido de ${n(p.minimum)} (${n(p.percent)}% del presupuesto)`,
  },
  POINTS_MISALIGNED: {
    en: (p, n) => `${n(p.points)} point values given for ${n(p.projects)} ${s(p.projects, 'project', 'projects')}`,
    es: (p, n) => `${n(p.points)} ${s(p.points, 'valor', 'valores')} de puntos para ${n(p.projects)} ${s(p.projects, 'proyecto', 'proyectos')}`,
  },
  POINTS_NOT_ALLOWED: {
    en: (p) => `a ${p.kind} ballot does not take points`,
    es: (p) => `una cédula de tipo ${p.kind} no lleva puntos`,
  },
  INVALID_POINTS: {
    en: (p) => `points for project ${p.project} must be a whole number of at least 0, got ${p.value}`,
    es: (p) => `los puntos del proyecto ${p.project} deben ser un número entero no negativo, se recibió ${p.value}`,
  },
  TOO_MANY_POINTS: {
    en: (p, n) => `${n(p.total)} points given, at most ${n(p.max)} allowed`,
    es: (p, n) => `${n(p.total)} puntos asignados, se permiten como máximo ${n(p.max)}`,
  },
  TOO_FEW_POINTS: {
    en: (p, n) => `${n(p.total)} points given, at least ${n(p.min)} required`,
    es: (p, n) => `${n(p.total)} puntos asignados, se requieren al menos ${n(p.min)}`,
  },
  PROJECT_POINTS_ABOVE_MAX: {
    en: (p, n) => `${n(p.points)} points for project ${p.project}, at most ${n(p.max)} per project`,
    es: (p, n) => `${n(p.points)} puntos para el proyecto ${p.project}, como máximo ${n(p.max)} por proyecto`,
  },
  PROJECT_POINTS_BELOW_MIN: {
    en: (p, n) => `${n(p.points)} points for project ${p.project}, at least ${n(p.min)} per chosen project`,
    es: (p, n) => `${n(p.points)} puntos para el proyecto ${p.project}, al menos ${n(p.min)} por proyecto elegido`,
  },
  SCORE_OUT_OF_RANGE: {
    en: (p, n) => `score ${n(p.score)} for project ${p.project} is outside the range ${n(p.min)} to ${n(p.max)}`,
    es: (p, n) => `el puntaje ${n(p.score)} del proyecto ${p.project} está fuera del rango de ${n(p.min)} a ${n(p.max)}`,
  },

  // ---- election and settings -----------------------------------------------------------------------
  BUDGET_NOT_POSITIVE: {
    en: (p) => `the budget must be greater than zero, got ${p.budget}`,
    es: (p) => `el presupuesto debe ser mayor que cero, se recibió ${p.budget}`,
  },
  NEGATIVE_COST: {
    en: (p) => `project ${p.project} has a negative cost (${p.cost})`,
    es: (p) => `el proyecto ${p.project} tiene un costo negativo (${p.cost})`,
  },
  DUPLICATE_PROJECT: {
    en: (p) => `project id ${p.project} is used twice`,
    es: (p) => `el identificador de proyecto ${p.project} está repetido`,
  },
  INVALID_AMOUNT: {
    en: (p) => `${p.field} must be a decimal number, got '${p.value}'`,
    es: (p) => `${p.field} debe ser un número decimal, se recibió '${p.value}'`,
  },
  INVALID_SETTING: {
    en: (p) => `setting ${p.setting} is invalid: ${p.reason_en}`,
    es: (p) => `la configuración ${p.setting} no es válida: ${p.reason_es}`,
  },

  // ---- rules ---------------------------------------------------------------------------------------
  UNKNOWN_RULE: {
    en: (p) => `unknown rule '${p.rule}' (known: ${p.known})`,
    es: (p) => `regla desconocida '${p.rule}' (conocidas: ${p.known})`,
  },
  UNKNOWN_UTILITY: {
    en: (p) => `unknown utility '${p.utility}' (known: ${p.known})`,
    es: (p) => `utilidad desconocida '${p.utility}' (conocidas: ${p.known})`,
  },
  UNKNOWN_TIE_RULE: {
    en: (p) => `unknown tie-breaking rule '${p.ties}' (known: ${p.known})`,
    es: (p) => `regla de desempate desconocida '${p.ties}' (conocidas: ${p.known})`,
  },
  THRESHOLD_REQUIRED: {
    en: () => `rule greedy-threshold needs a threshold (option --threshold or META min_project_score_threshold)`,
    es: () => `la regla greedy-threshold necesita un umbral (opción --threshold o META min_project_score_threshold)`,
  },
  INVALID_RESERVE_SHARE: {
    en: (p) => `the reserve share must be a number from 0 to 1, got '${p.share}'`,
    es: (p) => `la parte de reserva debe ser un número de 0 a 1, se recibió '${p.share}'`,
  },
  EXCLUSIVE_GROUPS_OVERLAP: {
    en: (p) => `project ${p.project} is in two exclusion groups`,
    es: (p) => `el proyecto ${p.project} está en dos grupos excluyentes`,
  },
  INVALID_THRESHOLD: {
    en: (p) => `the threshold must be a number of at least 0, got '${p.value}'`,
    es: (p) => `el umbral debe ser un número mayor o igual a 0, se recibió '${p.value}'`,
  },

  // ---- Pabulib .pb files ---------------------------------------------------------------------------
  PB_EMPTY_FILE: {
    en: () => `the file is empty: expected a META section`,
    es: () => `el archivo está vacío: se esperaba una sección META`,
  },
  PB_SECTION_MISSING: {
    en: (p) => `section ${p.section} is missing`,
    es: (p) => `falta la sección ${p.section}`,
  },
  PB_VOTES_BEFORE_PROJECTS: {
    en: () => `VOTES section found before PROJECTS: votes can only name projects already listed`,
    es: () => `la sección VOTES aparece antes que PROJECTS: los votos solo pueden nombrar proyectos ya listados`,
  },
  PB_SECTION_ORDER: {
    en: (p) => `section ${p.section} found where ${p.expected} was expected (order must be META, PROJECTS, VOTES)`,
    es: (p) => `se encontró la sección ${p.section} donde se esperaba ${p.expected} (el orden debe ser META, PROJECTS, VOTES)`,
  },
  PB_SECTION_REPEATED: {
    en: (p) => `section ${p.section} appears twice`,
    es: (p) => `la sección ${p.section} aparece dos veces`,
  },
  PB_ROW_OUTSIDE_SECTION: {
    en: () => `data found before the META title line`,
    es: () => `hay datos antes de la línea de título META`,
  },
  PB_HEADER_MISSING: {
    en: (p) => `section ${p.section} has no header line`,
    es: (p) => `la sección ${p.section} no tiene línea de encabezado`,
  },
  PB_COLUMN_MISSING: {
    en: (p) => `section ${p.section} needs a column '${p.column}'`,
    es: (p) => `la sección ${p.section} necesita una columna '${p.column}'`,
  },
  PB_DUPLICATE_COLUMN: {
    en: (p) => `column '${p.column}' appears twice in the ${p.section} header`,
    es: (p) => `la columna '${p.column}' aparece dos veces en el encabezado de ${p.section}`,
  },
  PB_FIELD_COUNT: {
    en: (p, n) => `expected ${n(p.expected)} fields as in the header, got ${n(p.got)}`,
    es: (p, n) => `se esperaban ${n(p.expected)} campos como en el encabezado, se encontraron ${n(p.got)}`,
  },
  PB_BAD_NUMBER: {
    en: (p) => `${p.field} must be a number, got '${p.value}'`,
    es: (p) => `${p.field} debe ser un número, se recibió '${p.value}'`,
  },
  PB_NEGATIVE_COST: {
    en: (p) => `project ${p.project} has a negative cost (${p.cost})`,
    es: (p) => `el proyecto ${p.project} tiene un costo negativo (${p.cost})`,
  },
  PB_BUDGET_NOT_POSITIVE: {
    en: (p) => `budget must be greater than zero, got ${p.budget}`,
    es: (p) => `el presupuesto debe ser mayor que cero, se recibió ${p.budget}`,
  },
  PB_META_MISSING: {
    en: (p) => `META has no '${p.key}' entry`,
    es: (p) => `META no tiene la entrada '${p.key}'`,
  },
  PB_UNKNOWN_VOTE_TYPE: {
    en: (p) => `vote_type '${p.value}' is not one of approval, choose-1, ordinal, cumulative, scoring`,
    es: (p) => `vote_type '${p.value}' no es uno de approval, choose-1, ordinal, cumulative, scoring`,
  },
  PB_UNKNOWN_PROJECT: {
    en: (p) => `vote names project '${p.project}', which is not in PROJECTS`,
    es: (p) => `el voto nombra el proyecto '${p.project}', que no está en PROJECTS`,
  },
  PB_DUPLICATE_PROJECT: {
    en: (p) => `project id '${p.project}' appears twice in PROJECTS`,
    es: (p) => `el identificador de proyecto '${p.project}' aparece dos veces en PROJECTS`,
  },
  PB_DUPLICATE_IN_VOTE: {
    en: (p) => `vote names project '${p.project}' twice`,
    es: (p) => `el voto nombra dos veces el proyecto '${p.project}'`,
  },
  PB_POINTS_MISMATCH: {
    en: (p, n) => `${n(p.points)} points for ${n(p.projects)} projects in the vote: the lists must align`,
    es: (p, n) => `${n(p.points)} puntos para ${n(p.projects)} proyectos en el voto: las listas deben coincidir`,
  },
  PB_COUNT_MISMATCH: {
    en: (p, n) => `META ${p.key} is ${n(p.declared)} but the file has ${n(p.actual)} rows`,
    es: (p, n) => `META ${p.key} indica ${n(p.declared)} pero el archivo tiene ${n(p.actual)} filas`,
  },
  PB_UNTERMINATED_QUOTE: {
    en: () => `a quoted field is never closed`,
    es: () => `un campo entre comillas nunca se cierra`,
  },
  PB_READ_FAILED: {
    en: (p) => `cannot read ${p.path}: ${p.reason}`,
    es: (p) => `no se puede leer ${p.path}: ${p.reason}`,
  },
} satisfies Record<string, { en: Template; es: Template }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** An expected failure, returned as a value: stable code, parameters, message in both languages, place. */
export interface CodedError {
  readonly code: ErrorCode;
  readonly params: Params;
  readonly message: { readonly en: string; readonly es: string };
  /** 1-based line of the input where the problem is (Pabulib files). */
  readonly line?: number;
  /** 0-based index of the ballot concerned (ballot validation). */
  readonly ballot?: number;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly CodedError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...errors: CodedError[]): Result<T> => ({ ok: false, errors });

export function renderError(code: ErrorCode, params: Params, locale: Locale): string {
  return ERROR_MESSAGES[code][locale](params, (v) => (v === undefined ? '' : formatNumber(v, locale, 2)));
}

export function codedError(code: ErrorCode, params: Params = {}, where: { line?: number; ballot?: number } = {}): CodedError {
  return {
    code,
    params,
    message: { en: renderError(code, params, 'en'), es: renderError(code, params, 'es') },
    ...(where.line !== undefined ? { line: where.line } : {}),
    ...(where.ballot !== undefined ? { ballot: where.ballot } : {}),
  };
}

/** One line for logs and the CLI: "PB_BAD_NUMBER at line 123: cost must be a number, got 'abc'". */
export function describeError(e: CodedError, locale: Locale = 'en'): string {
  const at = locale === 'es' ? { line: 'en la línea', ballot: 'en la cédula' } : { line: 'at line', ballot: 'in ballot' };
  const place = e.line !== undefined ? ` ${at.line} ${e.line}` : e.ballot !== undefined ? ` ${at.ballot} #${e.ballot + 1}` : '';
  return `${e.code}${place}: ${e.message[locale]}`;
}
