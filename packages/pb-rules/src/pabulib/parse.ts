/**
 * Reading .pb input from bytes, a string, lines, or a stream of chunks (bytes or text). All feed the
 * same push parser line by line; the streaming forms never hold more than one line (plus the current
 * chunk) in memory, apart from the compact votes themselves.
 */
import type { Result } from '../errors/catalogue.ts';
import { PabulibReader } from './reader.ts';
import type { PbInstance } from './types.ts';

const BOM = '\uFEFF';
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits UTF-8 byte chunks into lines for a reader: LF or CRLF (a CRLF may be split across chunks), a
 * missing final newline, a BOM at the very start.
 */
export class PabulibByteParser {
  private readonly reader = new PabulibReader();
  private carry: Uint8Array | null = null;
  private lineNo = 0;
  private stopped = false;

  private readonly owned: boolean;

  /** `owned`: the caller hands the chunks over and will not change them (no copy). */
  constructor(owned = false) {
    this.owned = owned;
  }

  /** Feeds the next chunk; returns false once an error has stopped the reader. */
  push(chunk: Uint8Array): boolean {
    if (this.stopped) return false;
    // The reader keeps the chunk (votes' texts are read from it later): a private copy, as a plain
    // Uint8Array (the indexOf of Node's byte buffers is much slower per call).
    chunk = this.owned ? asUint8(chunk) : new Uint8Array(chunk);
    let from = 0;
    if (this.carry !== null) {
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        this.carry = concat(this.carry, chunk, 0, chunk.length);
        return true;
      }
      const line = concat(this.carry, chunk, 0, nl);
      this.carry = null;
      if (!this.feed(line, 0, line.length)) return false;
      from = nl + 1;
    }
    const reader = this.reader;
    for (;;) {
      if (reader.inVotes()) {
        from = reader.scanVotes(chunk, from, chunk.length, this.lineNo + 1);
        this.lineNo += reader.scanned;
        if (reader.hasError()) {
          this.stopped = true;
          return false;
        }
      }
      const nl = chunk.indexOf(LF, from);
      if (nl < 0) break;
      if (!this.feed(chunk, from, nl)) return false;
      from = nl + 1;
    }
    if (from < chunk.length) this.carry = chunk.slice(from);
    return true;
  }

  end(): Result<PbInstance> {
    if (this.carry !== null && !this.stopped) this.feed(this.carry, 0, this.carry.length);
    this.carry = null;
    return this.reader.end();
  }

  private feed(buf: Uint8Array, from: number, to: number): boolean {
    this.lineNo++;
    if (to > from && buf[to - 1] === CR) to--;
    if (this.lineNo === 1 && to - from >= 3 && buf[from] === 0xef && buf[from + 1] === 0xbb && buf[from + 2] === 0xbf) from += 3;
    if (!this.reader.lineBytes(buf, from, to, this.lineNo)) this.stopped = true;
    return !this.stopped;
  }
}

function asUint8(chunk: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(chunk) === Uint8Array.prototype ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function concat(a: Uint8Array, b: Uint8Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(a.length + to - from);
  out.set(a);
  out.set(b.subarray(from, to), a.length);
  return out;
}

/**
 * Parses a whole .pb file given as UTF-8 bytes (the fastest way in: the votes are not decoded). The
 * instance keeps a reference to `bytes` (voter ids and other columns are decoded from it when read):
 * do not change them afterwards.
 */
export function parsePabulibBytes(bytes: Uint8Array): Result<PbInstance> {
  const parser = new PabulibByteParser(true);
  parser.push(bytes);
  return parser.end();
}

/** The same result as {@link parsePabulib}, every line read as text: the reference for the byte path (tests). */
export function parsePabulibAsText(text: string): Result<PbInstance> {
  const reader = new PabulibReader({ bytePath: false });
  if (text.startsWith(BOM)) text = text.slice(1);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!reader.line(line.endsWith('\r') ? line.slice(0, -1) : line, i + 1)) break;
  }
  return reader.end();
}

/** Parses a whole .pb text (LF or CRLF line endings, optional BOM). */
export function parsePabulib(text: string): Result<PbInstance> {
  return parsePabulibBytes(new TextEncoder().encode(text));
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
  const encoder = new TextEncoder();
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    const bytes = encoder.encode(lineNo === 1 && line.startsWith(BOM) ? line.slice(1) : line);
    if (!reader.lineBytes(bytes, 0, bytes.length, lineNo)) break;
  }
  return reader.end();
}

/** Parses .pb input arriving as chunks of any size: UTF-8 bytes (a file stream) or text (a fetch body decoded). */
export async function parsePabulibChunks(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): Promise<Result<PbInstance>> {
  const parser = new PabulibByteParser();
  const encoder = new TextEncoder();
  let held = ''; // a high surrogate ending a text chunk waits for its pair
  for await (const chunk of chunks) {
    let bytes: Uint8Array;
    if (typeof chunk === 'string') {
      let text = held + chunk;
      held = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        held = text.slice(-1);
        text = text.slice(0, -1);
      }
      bytes = encoder.encode(text);
    } else bytes = chunk;
    if (!parser.push(bytes)) break;
  }
  if (held !== '') parser.push(encoder.encode(held));
  return parser.end();
}
