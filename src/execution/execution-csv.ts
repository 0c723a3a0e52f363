import { AppError } from '../shared/errors.ts';
import {
  normaliseHeader, parseCsv, SLICE_ROWS, yieldToEventLoop, type Checkpoint,
} from '../registration/csv-import.ts';
import { foldText } from '../registration/registration-fields.ts';
import { EXECUTION_STATUSES, percentToTenths, type ExecutionStatus } from './execution.ts';
import { planReport, type PlannedReport, type ProjectState, type ReportInput } from './execution-report.ts';

/**
 * The progress CSV exported by the municipality's budget system, one row per project. Pure: bytes in, a plan out (each
 * row's report as it would be written, and every bad row with its line, column and rule). Parsing and validation go in
 * slices with a checkpoint between them (registration's `csv-import.ts` gives the slicing, the separator and encoding
 * rules, so both imports read files the same way).
 *
 * Columns (Spanish headers, any order; case, accents and spaces ignored; English names accepted too):
 *   proyecto | codigo_inversion   the project's number (N.°) or its investment code (Invierte.pe); at least one column
 *   fecha                         the date the figures are as of: AAAA-MM-DD or DD/MM/AAAA, not later than today
 *   avance_fisico                 physical progress, 0 to 100, one decimal at most ("45,5" or "45.5", a "%" allowed)
 *   ejecutado_<fuente>            amount executed so far of one source, in soles ("12500,50"): `ejecutado_pp` the
 *                                 participatory budget, `ejecutado_aporte1` a pledge, `ejecutado_convenio1` an agreement
 *   estado                        en diseño, en licitación, en ejecución, concluido, suspendido, cancelado
 *   motivo                        why (required when the status moves to suspendido or cancelado)
 * An empty cell leaves that figure as it is. Separator `,` or `;`, UTF-8 with or without BOM.
 */

export const EXECUTION_COLUMNS = ['proyecto', 'codigo_inversion', 'fecha', 'avance_fisico', 'estado', 'motivo'] as const;
export type FixedColumn = (typeof EXECUTION_COLUMNS)[number];

/** Other names a column goes by (English, and what budget systems print), once folded. */
const ALIASES: Readonly<Record<string, FixedColumn>> = {
  project: 'proyecto', numero: 'proyecto', nro: 'proyecto', n: 'proyecto', numero_proyecto: 'proyecto',
  investment_code: 'codigo_inversion', cui: 'codigo_inversion', codigo_unico: 'codigo_inversion', codigo_de_inversion: 'codigo_inversion',
  date: 'fecha', fecha_de_corte: 'fecha', fecha_corte: 'fecha',
  physical_progress: 'avance_fisico', avance_fisico_pct: 'avance_fisico', 'avance_fisico_%': 'avance_fisico',
  status: 'estado', reason: 'motivo',
};
const EXECUTED_PREFIXES = ['ejecutado_', 'executed_'];

/** The statuses as people write them, folded (accents and case off, spaces as `_`). */
const STATUS_WORDS: Readonly<Record<string, ExecutionStatus>> = {
  en_diseno: 'in_design', diseno: 'in_design', in_design: 'in_design',
  en_licitacion: 'tendering', licitacion: 'tendering', tendering: 'tendering',
  en_ejecucion: 'in_execution', ejecucion: 'in_execution', in_execution: 'in_execution',
  concluido: 'completed', culminado: 'completed', terminado: 'completed', completed: 'completed',
  suspendido: 'suspended', paralizado: 'suspended', suspended: 'suspended',
  cancelado: 'cancelled', anulado: 'cancelled', cancelled: 'cancelled',
};
export const STATUS_NAMES_ES: Readonly<Record<ExecutionStatus, string>> = {
  in_design: 'en diseño', tendering: 'en licitación', in_execution: 'en ejecución', completed: 'concluido', suspended: 'suspendido', cancelled: 'cancelado',
};

/** A column of the file: a fixed one, or the executed amount of one source (its code). */
export type Column = { kind: 'fixed'; name: FixedColumn } | { kind: 'executed'; code: string; name: string };

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface ParsedExecutionCsv {
  columns: Column[];
  records: CsvRecord[];
}

function column(raw: string): Column | null {
  const folded = normaliseHeader(raw);
  if ((EXECUTION_COLUMNS as readonly string[]).includes(folded)) return { kind: 'fixed', name: folded as FixedColumn };
  if (ALIASES[folded]) return { kind: 'fixed', name: ALIASES[folded] };
  const prefix = EXECUTED_PREFIXES.find((p) => folded.startsWith(p));
  if (prefix && /^[a-z0-9]+$/.test(folded.slice(prefix.length))) return { kind: 'executed', code: folded.slice(prefix.length), name: `ejecutado_${folded.slice(prefix.length)}` };
  return null;
}

function checkHeader(header: string[]): Column[] {
  const columns: Column[] = [];
  const seen = new Set<string>();
  const unexpected: string[] = [];
  for (const [i, raw] of header.entries()) {
    const c = column(raw);
    const key = c?.name;
    if (!c || !key || seen.has(key)) unexpected.push(raw.trim() || `(${i + 1})`);
    if (c && key) seen.add(key);
    columns.push(c ?? { kind: 'fixed', name: 'motivo' });
  }
  const expected = [...EXECUTION_COLUMNS, 'ejecutado_<fuente>'].join(', ');
  const missing = seen.has('fecha') ? [] : ['fecha'];
  if (missing.length > 0 || unexpected.length > 0) {
    throw new AppError('CSV_COLUMNS', {
      expected, missing: missing.join(', ') || '—', unexpected: unexpected.join(', ') || '—',
      expectedColumns: [...EXECUTION_COLUMNS, 'ejecutado_<fuente>'], requiredColumns: ['fecha'], missingColumns: missing, unexpectedColumns: unexpected,
    });
  }
  if (!seen.has('proyecto') && !seen.has('codigo_inversion')) throw new AppError('EXECUTION_CSV_NO_PROJECT_COLUMN', { expected });
  return columns;
}

/**
 * Decodes and parses the file (registration's `parseCsv`) and checks its header: CSV_COLUMNS and
 * EXECUTION_CSV_NO_PROJECT_COLUMN besides the reader's CSV_ENCODING, CSV_MALFORMED and CSV_EMPTY.
 */
export function parseExecutionCsv(bytes: Uint8Array, checkpoint: Checkpoint = yieldToEventLoop): Promise<ParsedExecutionCsv> {
  return parseCsv(bytes, checkHeader, checkpoint);
}

/** A date as YYYY-MM-DD, from YYYY-MM-DD or DD/MM/YYYY; null when it is neither or no such day. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const local = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2]!.padStart(2, '0'), local[1]!.padStart(2, '0')] : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m}-${d}`;
  const check = new Date(`${date}T12:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === date ? date : null;
}

/** Soles as céntimos, from "12500", "12500,5" or "12500.50" (an "S/" before is allowed); null when not an amount. */
export function parseSoles(raw: string): number | null {
  const m = /^(?:S\/\.?\s*)?(\d{1,12})(?:[.,](\d{1,2}))?$/i.exec(raw.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
}

/** Tenths of a percent, from "45", "45,5", "45.5 %"; null when not a percentage of 0 to 100 with one decimal at most. */
export function parsePercent(raw: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d))?\s*%?$/.exec(raw.trim());
  if (!m) return null;
  return percentToTenths(Number(`${m[1]}.${m[2] ?? '0'}`));
}

export function parseStatus(raw: string): ExecutionStatus | null {
  return STATUS_WORDS[foldText(raw).replace(/[\s-]+/g, '_')] ?? null;
}

/** A tracked project as the import sees it. */
export interface ImportTarget extends ProjectState {
  id: string;
  title: string;
}

/** A bad row: its line, the column (null for the whole row), the rule broken and its numbers. */
export interface RowIssue {
  line: number;
  column: string | null;
  code: string;
  params: Record<string, unknown>;
}

export interface PlannedRow {
  line: number;
  project: ImportTarget;
  input: ReportInput;
  plan: PlannedReport;
}

export interface ExecutionImportPlan {
  total: number;
  rows: PlannedRow[];
  issues: RowIssue[];
  invalidLines: number;
}

const FIELD_COLUMN: Record<string, string> = { reportedOn: 'fecha', status: 'estado', reason: 'motivo', physicalPercent: 'avance_fisico', investmentCode: 'codigo_inversion' };

/**
 * Checks every row against the tracked projects (`targets`) with the rules of a report typed by hand, plus: the
 * project named once in the file, every value well formed. A row's executed amounts name their column.
 */
export async function planExecutionImport(csv: ParsedExecutionCsv, targets: readonly ImportTarget[], today: string, checkpoint: Checkpoint = yieldToEventLoop): Promise<ExecutionImportPlan> {
  const byNumber = new Map(targets.map((t) => [String(t.number), t]));
  const byCode = new Map(targets.flatMap((t) => (t.investmentCode ? [[foldText(t.investmentCode), t] as const] : [])));
  const index = new Map<string, number>(csv.columns.map((c, i) => [c.name, i]));
  const executedColumns = csv.columns.flatMap((c, i) => (c.kind === 'executed' ? [{ code: c.code, name: c.name, i }] : []));
  const firstLineOf = new Map<string, number>();
  const rows: PlannedRow[] = [];
  const issues: RowIssue[] = [];
  let invalidLines = 0;
  for (const [n, rec] of csv.records.entries()) {
    if (n > 0 && n % SLICE_ROWS === 0) await checkpoint({ validated: n });
    const found: RowIssue[] = [];
    const issue = (column: string | null, code: string, params: Record<string, unknown> = {}) => found.push({ line: rec.line, column, code, params });
    if (rec.fields.length !== csv.columns.length) {
      issue(null, 'CSV_ROW_COLUMNS', { found: rec.fields.length, expected: csv.columns.length });
    } else {
      const value = (c: FixedColumn) => {
        const i = index.get(c);
        return i === undefined ? '' : (rec.fields[i] ?? '').trim();
      };
      const number = value('proyecto').replace(/^N\.?°?\s*/i, '');
      const code = value('codigo_inversion');
      let project: ImportTarget | undefined;
      if (number) {
        project = byNumber.get(String(Number(number)));
        if (!project) issue('proyecto', 'EXECUTION_CSV_UNKNOWN_PROJECT', { what: 'N.°', value: number });
      } else if (code) {
        project = byCode.get(foldText(code));
        if (!project) issue('codigo_inversion', 'EXECUTION_CSV_UNKNOWN_PROJECT', { what: 'código de inversión', value: code });
      } else {
        issue(number === '' && index.has('proyecto') ? 'proyecto' : 'codigo_inversion', 'EXECUTION_CSV_NO_PROJECT');
      }
      if (project) {
        const first = firstLineOf.get(project.id);
        if (first !== undefined) issue(number ? 'proyecto' : 'codigo_inversion', 'EXECUTION_CSV_DUPLICATE_PROJECT', { number: project.number, firstLine: first });
        else firstLineOf.set(project.id, rec.line);
      }
      const reportedOn = parseDate(value('fecha'));
      if (!reportedOn) issue('fecha', 'EXECUTION_CSV_DATE', { value: value('fecha') });
      const input: ReportInput = { reportedOn: reportedOn ?? today };
      if (value('avance_fisico')) {
        const tenths = parsePercent(value('avance_fisico'));
        if (tenths === null) issue('avance_fisico', 'EXECUTION_CSV_PERCENT', { value: value('avance_fisico') });
        else input.physicalTenths = tenths;
      }
      if (value('estado')) {
        const status = parseStatus(value('estado'));
        if (!status) issue('estado', 'EXECUTION_CSV_STATUS', { value: value('estado'), allowed: EXECUTION_STATUSES.map((s) => STATUS_NAMES_ES[s]).join(', ') });
        else input.status = status;
      }
      if (value('motivo')) input.reason = value('motivo');
      if (number && code && project) input.investmentCode = code;
      const executed: { code: string; executedCents: number }[] = [];
      for (const c of executedColumns) {
        const raw = (rec.fields[c.i] ?? '').trim();
        if (!raw) continue;
        const cents = parseSoles(raw);
        if (cents === null) issue(c.name, 'EXECUTION_CSV_AMOUNT', { value: raw });
        else executed.push({ code: c.code, executedCents: cents });
      }
      if (executed.length > 0) input.executed = executed;
      if (project && found.length === 0) {
        const plan = planReport(project, input, today);
        for (const i of plan.issues) {
          const column = i.field === 'executed' ? `ejecutado_${String(i.params.code)}` : (FIELD_COLUMN[i.field] ?? null);
          issue(column, i.code, i.params);
        }
        if (plan.issues.length === 0) rows.push({ line: rec.line, project, input, plan });
      }
    }
    if (found.length > 0) {
      issues.push(...found);
      invalidLines += 1;
    }
  }
  await checkpoint({ validated: csv.records.length });
  return { total: csv.records.length, rows, issues, invalidLines };
}
