import { parse } from 'csv-parse/sync';
import { AppError } from '../shared/errors.ts';
import { validateAgent, type AgentDraft, type AgentField, type AgentRefs } from './agent-registration.ts';
import { foldText } from './registration-fields.ts';
import type { Issue } from './registration.ts';

/**
 * Bulk import of agents from a facilitator's spreadsheet (typed after a face-to-face registration day), saved as CSV.
 * Pure: bytes in, a plan out (the rows to write and every bad row with its line number); the service writes.
 * A file may hold tens of thousands of rows, so parsing and validation go in slices of about `SLICE_ROWS` rows and
 * await a checkpoint between slices: the server's event loop answers other requests meanwhile, and the checkpoint
 * learns how far the import got (its progress). A worker thread would need its own entry in the bundled server and a
 * TypeScript loader under tsx and vitest; slices keep one code path everywhere.
 *
 * Columns (Spanish headers, any order; case, accents and surrounding spaces ignored; "rango edad" = "rango_edad"):
 *   dni, nombres, sexo, rango_edad, zona                 required columns
 *   telefono, correo, partida_organizacion               optional columns (values optional too)
 * Separator `,` or `;` (Excel in a Spanish locale writes `;`), taken from the header line. UTF-8, with or without BOM.
 */
export const CSV_COLUMNS = {
  dni: 'dni',
  nombres: 'fullName',
  sexo: 'sex',
  rango_edad: 'ageBand',
  zona: 'zoneId',
  telefono: 'phone',
  correo: 'email',
  partida_organizacion: 'organizationId',
} as const satisfies Record<string, AgentField>;

export type CsvColumn = keyof typeof CSV_COLUMNS;
export const ALL_COLUMNS = Object.keys(CSV_COLUMNS) as CsvColumn[];
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['dni', 'nombres', 'sexo', 'rango_edad', 'zona'];

const COLUMN_OF_FIELD = Object.fromEntries(Object.entries(CSV_COLUMNS).map(([col, field]) => [field, col])) as Record<AgentField, CsvColumn>;

export interface CsvRecord {
  /** Line in the file where the record starts; the header is line 1. */
  line: number;
  fields: string[];
}

export interface ParsedCsv {
  columns: CsvColumn[];
  records: CsvRecord[];
}

/** A bad row: its line, the column (null when the whole row is malformed), and the broken rule. */
export interface RowIssue extends Omit<Issue, 'field'> {
  line: number;
  field: string | null;
}

/** Rows handled per slice of work; one slice takes a few milliseconds. */
export const SLICE_ROWS = 500;
/** Characters of CSV text parsed per slice at most, unless one record is longer (rows of very long values). */
export const SLICE_CHARS = 64 * 1024;

/** How far parsing and validation got, reported at each checkpoint. */
export interface CsvProgress {
  /** Characters of the (decoded) file parsed so far, of `chars`. */
  charsParsed?: number;
  chars?: number;
  parsed?: number;
  validated?: number;
}

/** Awaited between slices of work: it hands the event loop back (and may record the progress). */
export type Checkpoint = (progress: CsvProgress) => Promise<void>;

/** The default checkpoint: lets every pending I/O callback (other requests) run before the next slice. */
export const yieldToEventLoop: Checkpoint = () => new Promise((resolve) => setImmediate(resolve));

export interface ImportPlan {
  total: number;
  rows: { line: number; draft: AgentDraft }[];
  issues: RowIssue[];
  invalidLines: number;
}

/** Finds the first line that is not valid UTF-8 (1-based), or null when the whole file is. */
export function firstNonUtf8Line(bytes: Uint8Array): number | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes);
    return null;
  } catch {
    // Not UTF-8: look for the line, one at a time.
  }
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
    line += 1;
  }
  return null;
}

/** `;` when the header line has more semicolons than commas, else `,`. */
export function detectSeparator(headerLine: string): ',' | ';' {
  const count = (c: string) => headerLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function normaliseHeader(raw: string): string {
  return foldText(raw).replace(/[\s-]+/g, '_');
}

/**
 * Cuts CSV text into pieces that each end at a record boundary: a newline outside quotes, that is with an even number
 * of `"` before it in the piece (an escaped quote is two). A piece ends at the first boundary where it reaches `lines`
 * lines or `chars` characters, so it holds at most `lines` records. Each piece parses on its own; `firstLine` is the
 * line it starts on, `end` where it ends in the text.
 */
export function* recordPieces(text: string, lines: number, chars = Infinity): Generator<{ text: string; firstLine: number; end: number }> {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = text.length;
    let inQuotes = false;
    let newlines = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10) {
        newlines += 1;
        if (!inQuotes && (newlines >= lines || i + 1 - start >= chars)) {
          end = i + 1;
          break;
        }
      }
    }
    yield { text: text.slice(start, end), firstLine: line, end };
    line += newlines;
    start = end;
  }
}

type ParsedRecord = { record: string[]; info: { lines: number } };

/**
 * Decodes and parses a CSV file in slices, and checks its header with `checkHeader` (which throws the file's coded
 * error, or answers its columns). Throws CSV_ENCODING (with the first bad line), CSV_MALFORMED (an unclosed quote) or
 * CSV_EMPTY (no data rows). The header is checked before any row is read; `checkpoint` is awaited after each slice of
 * about `SLICE_ROWS` rows. Every import of the application reads its file through it (agents, execution progress).
 */
export async function parseCsv<C>(bytes: Uint8Array, checkHeader: (header: string[]) => C, checkpoint: Checkpoint = yieldToEventLoop): Promise<{ columns: C; records: CsvRecord[] }> {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('CSV_ENCODING', { line: firstNonUtf8Line(bytes) ?? 1 });
  }
  // TextDecoder drops a leading BOM; line endings become \n so line numbers count the same on every platform.
  const text = decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded;
  // Excel may write a first line "sep=;" naming the separator: honour it, and count lines from the file's start.
  const firstLine = text.split('\n', 1)[0] ?? '';
  const sepLine = /^sep=([,;])\s*$/i.exec(firstLine);
  const offset = sepLine ? 1 : 0;
  const body = sepLine ? text.slice(firstLine.length + 1) : text;
  const headerLine = body.split('\n', 1)[0] ?? '';
  if (headerLine.trim() === '') throw new AppError('CSV_EMPTY');
  const delimiter = sepLine ? (sepLine[1] as ',' | ';') : detectSeparator(headerLine);

  let columns: C | null = null;
  const records: CsvRecord[] = [];
  for (const piece of recordPieces(body, SLICE_ROWS, SLICE_CHARS)) {
    const lineOffset = piece.firstLine - 1 + offset;
    let parsed: ParsedRecord[];
    try {
      parsed = parse(piece.text, { delimiter, record_delimiter: '\n', info: true, relax_column_count: true, skip_empty_lines: true }) as never;
    } catch (err) {
      const e = err as { lines?: number; code?: string };
      throw new AppError('CSV_MALFORMED', { line: (e.lines ?? 1) + lineOffset, reason: e.code ?? 'CSV' });
    }
    let data = parsed;
    if (columns === null) {
      const [header, ...rest] = parsed;
      if (!header) throw new AppError('CSV_EMPTY');
      columns = checkHeader(header.record);
      data = rest;
    }
    for (const r of data) {
      // A row Excel wrote for a blank line (";;;;;") is no row.
      if (r.record.every((f) => f.trim() === '')) continue;
      const innerLines = r.record.reduce((n, f) => n + (f.split('\n').length - 1), 0);
      records.push({ line: r.info.lines - innerLines + lineOffset, fields: r.record });
    }
    await checkpoint({ charsParsed: piece.end, chars: body.length, parsed: records.length });
  }
  if (columns === null || records.length === 0) throw new AppError('CSV_EMPTY');
  return { columns, records };
}

/**
 * Decodes and parses the agents' file, and checks its header: CSV_COLUMNS (expected, missing, unexpected) besides
 * parseCsv's errors.
 */
export function parseAgentsCsv(bytes: Uint8Array, checkpoint: Checkpoint = yieldToEventLoop): Promise<ParsedCsv> {
  return parseCsv(bytes, checkHeader, checkpoint);
}

/** The columns the header names, or CSV_COLUMNS naming the missing and unexpected ones. */
function checkHeader(header: string[]): CsvColumn[] {
  const names = header.map(normaliseHeader);
  const seen = new Set<string>();
  const unexpected: string[] = [];
  for (const [i, n] of names.entries()) {
    if (!(n in CSV_COLUMNS) || seen.has(n)) unexpected.push(header[i]?.trim() || `(${i + 1})`);
    seen.add(n);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0 || unexpected.length > 0) {
    throw new AppError('CSV_COLUMNS', {
      expected: ALL_COLUMNS.join(', '), missing: missing.join(', ') || '—', unexpected: unexpected.join(', ') || '—',
      expectedColumns: ALL_COLUMNS, requiredColumns: REQUIRED_COLUMNS, missingColumns: missing, unexpectedColumns: unexpected,
    });
  }
  return names as CsvColumn[];
}

/**
 * Validates every row with the same rules as a single registration, plus duplicates inside the file, and returns
 * the rows to write and every bad row. `refs.takenDnis` holds the DNIs already registered in the process.
 */
export async function planAgentImport(csv: ParsedCsv, refs: AgentRefs, checkpoint: Checkpoint = yieldToEventLoop): Promise<ImportPlan> {
  const rows: ImportPlan['rows'] = [];
  const issues: RowIssue[] = [];
  const firstLineOfDni = new Map<string, number>();
  let invalidLines = 0;
  const columnIndex = new Map(csv.columns.map((c, i) => [c, i]));
  for (const [n, rec] of csv.records.entries()) {
    if (n > 0 && n % SLICE_ROWS === 0) await checkpoint({ validated: n });
    if (rec.fields.length !== csv.columns.length) {
      issues.push({ line: rec.line, field: null, code: 'CSV_ROW_COLUMNS', params: { found: rec.fields.length, expected: csv.columns.length } });
      invalidLines += 1;
      continue;
    }
    const value = (col: CsvColumn): string | null => {
      const i = columnIndex.get(col);
      return i === undefined ? null : (rec.fields[i] ?? null);
    };
    const { draft, issues: found } = validateAgent({
      dni: value('dni'), fullName: value('nombres'), sex: value('sexo'), ageBand: value('rango_edad'), zone: value('zona'),
      phone: value('telefono'), email: value('correo'), organization: value('partida_organizacion'),
    }, refs, { zoneBy: 'codeOrName', organizationBy: 'registryNumber' });
    const rowIssues: RowIssue[] = found.map((i) => ({ ...i, line: rec.line, field: COLUMN_OF_FIELD[i.field as AgentField] ?? i.field }));
    const dni = (value('dni') ?? '').trim();
    const first = firstLineOfDni.get(dni);
    if (dni && first !== undefined) rowIssues.push({ line: rec.line, field: 'dni', code: 'CSV_DUPLICATE_DNI', params: { dni, firstLine: first } });
    else if (dni) firstLineOfDni.set(dni, rec.line);
    if (rowIssues.length > 0 || !draft) {
      issues.push(...rowIssues);
      invalidLines += 1;
    } else {
      rows.push({ line: rec.line, draft });
    }
  }
  await checkpoint({ validated: csv.records.length });
  return { total: csv.records.length, rows, issues, invalidLines };
}
