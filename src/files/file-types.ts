/**
 * Which documents may be uploaded, and whether an upload is what its name says. Pure: no I/O.
 *
 * A file is accepted when its extension is on the list AND, for the types that have a signature ("magic bytes"),
 * its first bytes carry that signature: an .exe renamed .pdf is refused. Text types (TXT, CSV) have no signature;
 * they are refused when they contain a NUL byte, which no text file does and every executable does.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

type Signature = 'pdf' | 'png' | 'jpeg' | 'webp' | 'zip' | 'text';

interface AllowedType {
  label: string;
  contentType: string;
  signature: Signature;
}

/** By lower-case extension, without the dot. */
export const ALLOWED_TYPES: Record<string, AllowedType> = {
  pdf: { label: 'PDF', contentType: 'application/pdf', signature: 'pdf' },
  png: { label: 'PNG', contentType: 'image/png', signature: 'png' },
  jpg: { label: 'JPEG', contentType: 'image/jpeg', signature: 'jpeg' },
  jpeg: { label: 'JPEG', contentType: 'image/jpeg', signature: 'jpeg' },
  webp: { label: 'WebP', contentType: 'image/webp', signature: 'webp' },
  docx: { label: 'DOCX', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', signature: 'zip' },
  xlsx: { label: 'XLSX', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', signature: 'zip' },
  odt: { label: 'ODT', contentType: 'application/vnd.oasis.opendocument.text', signature: 'zip' },
  ods: { label: 'ODS', contentType: 'application/vnd.oasis.opendocument.spreadsheet', signature: 'zip' },
  txt: { label: 'TXT', contentType: 'text/plain', signature: 'text' },
  csv: { label: 'CSV', contentType: 'text/csv', signature: 'text' },
};

/** The list shown in FILE_TYPE_NOT_ALLOWED. */
export const ALLOWED_LABELS = 'PDF, PNG, JPEG, WebP, DOCX, XLSX, ODT, ODS, TXT, CSV';

function startsWith(content: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (content.length < offset + bytes.length) return false;
  return bytes.every((b, i) => content[offset + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: Record<Exclude<Signature, 'text'>, (c: Uint8Array) => boolean> = {
  pdf: (c) => startsWith(c, ascii('%PDF')),
  png: (c) => startsWith(c, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: (c) => startsWith(c, [0xff, 0xd8, 0xff]),
  webp: (c) => startsWith(c, ascii('RIFF')) && startsWith(c, ascii('WEBP'), 8),
  // DOCX, XLSX, ODT and ODS are ZIP archives: a local file header first.
  zip: (c) => startsWith(c, [0x50, 0x4b, 0x03, 0x04]),
};

/** The lower-case extension of a file name, without the dot, or '' when it has none. */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 && dot < filename.length - 1 ? filename.slice(dot + 1).toLowerCase() : '';
}

/** A short name for content that is not what its name claims, when it is recognizable. */
export function sniffKind(content: Uint8Array): string | null {
  if (startsWith(content, ascii('MZ'))) return 'exe';
  if (startsWith(content, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (startsWith(content, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(content, [0xfe, 0xed, 0xfa, 0xcf])) return 'mach-o';
  if (startsWith(content, ascii('#!'))) return 'script';
  for (const [kind, test] of Object.entries(SIGNATURES)) if (test(content)) return kind;
  if (startsWith(content, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  return null;
}

export type FileCheck =
  | { ok: true; extension: string; contentType: string }
  | { ok: false; type: string };

/** Whether a file may be stored: its extension is allowed and its content matches it. */
export function checkFileType(filename: string, content: Uint8Array): FileCheck {
  const extension = extensionOf(filename);
  const allowed = ALLOWED_TYPES[extension];
  if (!allowed) return { ok: false, type: extension ? `.${extension}` : filename || '?' };
  const matches = allowed.signature === 'text' ? !content.includes(0) : SIGNATURES[allowed.signature](content);
  if (!matches) return { ok: false, type: `.${extension} / ${sniffKind(content) ?? 'binary'}` };
  return { ok: true, extension, contentType: allowed.contentType };
}

/**
 * The name to store: the last path segment (some browsers send `C:\fakepath\...`), control characters and direction overrides removed,
 * Unicode in composed form (accents kept), at most 200 characters with the extension kept.
 */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // oxlint-disable-next-line no-control-regex -- control characters are what this strips
  let name = base.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/g, '').trim();
  if (name.length > 200) {
    const ext = extensionOf(name);
    const keep = ext ? 200 - ext.length - 1 : 200;
    name = ext ? `${name.slice(0, keep)}.${ext}` : name.slice(0, 200);
  }
  return name;
}

/**
 * A `Content-Disposition: attachment` header value: a plain ASCII `filename` for old clients and the exact name
 * in `filename*` (RFC 5987 / RFC 6266), so "Cronograma de capacitación.pdf" keeps its accent.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The public path a file is downloaded from. */
export function fileDownloadPath(municipalitySlug: string, fileId: string): string {
  return `/api/municipalities/${encodeURIComponent(municipalitySlug)}/files/${encodeURIComponent(fileId)}`;
}
