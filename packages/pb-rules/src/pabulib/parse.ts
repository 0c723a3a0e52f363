/**
 * Reading .pb input from a string, from lines, or from a stream of text chunks. All three feed the same
 * push parser; the streaming forms never hold more than one line (plus the current chunk) in memory.
 */
import type { Result } from '../errors/catalogue.ts';
import { PabulibReader } from './reader.ts';
import type { PbInstance } from './types.ts';

const BOM = '\uFEFF';

/** Parses a whole .pb text (LF or CRLF line endings, optional BOM). */
export function parsePabulib(text: string): Result<PbInstance> {
  const reader = new PabulibReader();
  if (text.startsWith(BOM)) text = text.slice(1);
  let lineNo = 0;
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    let line = text.slice(from, to);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    lineNo++;
    if (!reader.line(line, lineNo)) break;
    from = to + 1;
  }
  return reader.end();
}

/**
 * Splits text chunks into lines without their line breaks. Handles a CRLF split across two chunks, a
 * missing final newline, and a BOM at the very start.
 */
export async function* linesOf(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let carry = '';
  let first = true;
  for await (let chunk of chunks) {
    if (first && chunk.length > 0) {
      if (chunk.startsWith(BOM)) chunk = chunk.slice(1);
      first = false;
    }
    let from = 0;
    for (;;) {
      const to = chunk.indexOf('\n', from);
      if (to < 0) break;
      let line = carry + chunk.slice(from, to);
      carry = '';
      if (line.endsWith('\r')) line = line.slice(0, -1);
      yield line;
      from = to + 1;
    }
    carry += chunk.slice(from);
  }
  if (carry !== '') yield carry.endsWith('\r') ? carry.slice(0, -1) : carry;
}

/** Parses .pb input given line by line (without line breaks). */
export async function parsePabulibLines(lines: AsyncIterable<string> | Iterable<string>): Promise<Result<PbInstance>> {
  const reader = new PabulibReader();
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!reader.line(lineNo === 1 && line.startsWith(BOM) ? line.slice(1) : line, lineNo)) break;
  }
  return reader.end();
}

/** Parses .pb input arriving as text chunks of any size (a fetch body, a file stream...). */
export function parsePabulibChunks(chunks: AsyncIterable<string> | Iterable<string>): Promise<Result<PbInstance>> {
  return parsePabulibLines(linesOf(chunks));
}
