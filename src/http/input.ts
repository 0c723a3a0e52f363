import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';

/**
 * Text input, one rule for every route. A string a client sends (in the path, the query or a JSON body) may not hold
 * control characters (C0 other than tab and newline, DEL, C1), invisible direction overrides (U+202A-U+202E,
 * U+2066-U+2069: they make a name read differently from what it is), unpaired surrogates, or U+FFFD (the mark left by
 * bytes that were not UTF-8). Such a request is refused with a coded 400 naming the field, before any schema, policy
 * or database sees it: PostgreSQL cannot store a NUL byte, and nobody types these characters on purpose. Accepted
 * text is stored NFC-normalized, so "José" typed two ways is one name. Tab and newline are refused by the single-line
 * `text()` type that request schemas use, and allowed by `multilineText()` where a text may hold paragraphs.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** How deep a request's JSON may nest: no request schema comes near it, and the walk below stays shallow. */
export const MAX_DEPTH = 32;

type Found = { field: string | null; rule: 'control_chars' | 'too_deep' };

/** The first forbidden place in a value (its path), or null; strings are NFC-normalized in place. */
function clean(value: unknown, path: string[], out: Found): unknown {
  if (out.field) return value;
  if (typeof value === 'string') {
    if (FORBIDDEN.test(value)) { out.field = path.join('.') || '(body)'; return value; }
    return value.normalize('NFC');
  }
  if (value && typeof value === 'object' && path.length >= MAX_DEPTH) {
    out.field = path.join('.');
    out.rule = 'too_deep';
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => clean(v, [...path, String(i)], out));
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (FORBIDDEN.test(k)) { out.field = [...path, '(name)'].join('.'); return value; }
      (value as Record<string, unknown>)[k] = clean(v, [...path, k], out);
    }
  }
  return value;
}

function guard(request: FastifyRequest, part: 'params' | 'query' | 'body'): void {
  const out: Found = { field: null, rule: 'control_chars' };
  const cleaned = clean(request[part], [], out);
  if (out.field) throw new AppError('VALIDATION', out.rule === 'too_deep' ? { rule: 'too_deep', max: MAX_DEPTH } : { rule: 'control_chars' }, out.field);
  (request as unknown as Record<string, unknown>)[part] = cleaned;
}

/** Installs the guard before schema validation, for every route present and future. */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    guard(request, 'params');
    guard(request, 'query');
    guard(request, 'body');
  });
}

/** Whether a single-line text holds a tab or a line break. */
const BREAK = /[\t\n\r]/;

/** The shared single-line text type of request schemas: trimmed, NFC, bounded, no line breaks. */
export function text(max: number, min = 0) {
  return z.string().trim().min(min).max(max).refine((s) => !BREAK.test(s), { message: 'single_line' });
}

/** Text that may hold paragraphs (an announcement's body, a reason): line breaks and tabs allowed, CRLF made LF. */
export function multilineText(max: number, min = 0) {
  return z.string().transform((s) => s.replace(/\r\n?/g, '\n').trim()).pipe(z.string().min(min).max(max));
}

/** The reason a decision or change must give (kept in the audit log): at least a few words. */
export const requiredReason = z.string().transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(z.string().min(5, { message: 'reason_required' }).max(2000));
