/**
 * The CSV dialect of .pb files: `;` between fields, `"` around a field that contains `;`, `"` or a line
 * break, `""` for a quote inside. Reading follows Python's csv module (which pabutools uses): a quote
 * only opens a quoted field at the start of the field; text after a closing quote is kept.
 */

export const SEPARATOR = ';';

export interface ParsedRecord {
  readonly fields: string[];
  /** Whether each field was quoted (quoted text is kept as is; unquoted text is trimmed by callers). */
  readonly quoted: boolean[];
  /** True when the text ends inside a quoted field: the record continues on the next line. */
  readonly open: boolean;
}

export function parseRecord(text: string): ParsedRecord {
  if (!text.includes('"')) {
    const fields = text.split(SEPARATOR);
    return { fields, quoted: fields.map(() => false), open: false };
  }
  const fields: string[] = [];
  const quoted: boolean[] = [];
  let field = '';
  let inQuotes = false;
  let wasQuoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
      continue;
    }
    if (ch === SEPARATOR) {
      fields.push(field);
      quoted.push(wasQuoted);
      field = '';
      wasQuoted = false;
      atFieldStart = true;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      wasQuoted = true;
      atFieldStart = false;
      continue;
    }
    field += ch;
    atFieldStart = false;
  }
  fields.push(field);
  quoted.push(wasQuoted);
  return { fields, quoted, open: inQuotes };
}

/** Quotes a field when the reader would otherwise misread it (separator, quote, line break, edge spaces). */
export function quoteField(value: string): string {
  if (/[;"\r\n]/.test(value) || value !== value.trim()) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export function formatRecord(fields: readonly string[]): string {
  return fields.map(quoteField).join(SEPARATOR);
}
