import { stringify } from 'csv-stringify/sync';
import type { Lang } from './i18n.ts';
import { pdfWriter } from './pdf.ts';

/**
 * The lists staff take away on paper or in a spreadsheet (the registry, a session's attendance, the quota page): one
 * description of the columns gives the CSV and the PDF, with headers in the request language.
 *
 * CSV: UTF-8 with a byte order mark (so Excel reads accents), comma separated, CRLF line ends, one header row; a cell
 * that starts like a spreadsheet formula (=, +, -, @) gets a leading apostrophe, so opening the file runs nothing.
 * PDF: A4, a title and its lines, then one table per section whose head repeats on every page, the title at the top
 * and "page n of m" at the foot of each page.
 */
export interface Column<T> {
  es: string;
  en: string;
  /** Relative width in the PDF. */
  width: number;
  value(row: T, lang: Lang): string | number | null;
}

export interface Section<T> {
  heading: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return typeof v === 'string' && FORMULA_START.test(s) ? `'${s}` : s;
}

/** The columns of a CSV, for its route's description in the API documentation: "Nombre / Name, DNI / DNI, ...". */
export function describeColumns(columns: readonly Column<never>[]): string {
  return `UTF-8 with BOM, comma separated, CRLF, one header row (Spanish or English by the request language). Columns: ${columns.map((c) => (c.es === c.en ? c.es : `${c.es} / ${c.en}`)).join(', ')}.`;
}

/** The CSV of one list: header row in `lang`, then one line per row. */
export function csvDocument<T>(columns: readonly Column<T>[], rows: readonly T[], lang: Lang): Buffer {
  const text = stringify([columns.map((c) => c[lang]), ...rows.map((r) => columns.map((c) => cell(c.value(r, lang))))], { record_delimiter: 'windows' });
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

export interface ListDocument {
  title: string;
  /** Lines under the title: who, which process, when it was made. */
  lines: string[];
  author: string;
  at: Date;
  lang: Lang;
  sections: Section<never>[];
  /** Least row height (points): room to sign by hand. */
  minRowHeight?: number;
  /** Cell borders on every side: a form to fill in. */
  grid?: boolean;
}

const PAGE_FOOT: Record<Lang, (n: number, m: number) => string> = {
  es: (n, m) => `Página ${n} de ${m}`,
  en: (n, m) => `Page ${n} of ${m}`,
};

/** A section of any row type, for `ListDocument.sections`. */
export function section<T>(s: Section<T>): Section<never> {
  return s as unknown as Section<never>;
}

export async function listPdf(d: ListDocument): Promise<Uint8Array> {
  const pdf = await pdfWriter({
    title: d.title, author: d.author, date: d.at, language: d.lang === 'es' ? 'es-PE' : 'en-US', pageFoot: PAGE_FOOT[d.lang], pageHead: d.title,
  });
  pdf.paragraph(d.title, 'bold', 15);
  for (const l of d.lines) pdf.paragraph(l, 'regular', 10);
  for (const s of d.sections as Section<unknown>[]) {
    pdf.space(6);
    pdf.paragraph(s.heading, 'bold', 11);
    pdf.table({
      head: s.columns.map((c) => c[d.lang]),
      widths: s.columns.map((c) => c.width),
      rows: s.rows.map((r) => s.columns.map((c) => { const v = c.value(r, d.lang); return v === null ? '' : String(v); })),
      repeatHead: true,
      ...(d.minRowHeight ? { minRowHeight: d.minRowHeight } : {}),
      ...(d.grid ? { grid: true } : {}),
    }, 9);
  }
  return pdf.save();
}

/** The response headers of a download: its type and a file name (ASCII, with the UTF-8 name beside it). */
export function downloadHeaders(filename: string, kind: 'csv' | 'pdf'): Record<string, string> {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w.-]+/g, '-');
  return {
    'content-type': kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf',
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'cache-control': 'no-store',
  };
}

/** Every row of a paged query, page by page. */
export async function allPages<T>(page: (limit: number, offset: number) => Promise<T[]>, size = 500): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += size) {
    const rows = await page(size, offset);
    out.push(...rows);
    if (rows.length < size) return out;
  }
}
