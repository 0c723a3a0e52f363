/**
 * The VOTES section kept compact: project indices and points in typed arrays, voter ids and the other
 * columns as UTF-8 bytes in one store. A city-wide file has about 100,000 votes; keeping them as arrays
 * instead of one object per vote is what lets a 4 MB file be read in a few tens of milliseconds. The
 * `votes` of a parsed instance are built from this only when someone reads them (writing a file,
 * tests); the rules go from here straight to the indexed ballots (see election/profile.ts).
 */
import { Int32Buf } from '../util/growable.ts';
import type { PbInstance, PbProject, PbVote } from './types.ts';

export interface CompactVotes {
  readonly count: number;
  /** Vote r lists items[start[r] .. start[r+1]-1] (project indices, in the order written). */
  readonly start: Int32Array;
  readonly items: Int32Array;
  /** Points aligned with items, when the file has a points column. */
  readonly points: Float64Array | null;
  /** Text of vote r's stored field f (f = 0: voter_id, then the other columns in `otherColumns` order). */
  text(r: number, f: number): string;
  readonly otherColumns: readonly string[];
}

/**
 * Where the voter id and other columns of each vote are: the line's bytes, in one of the chunks the
 * parser kept (read again on demand, split at `;`), or, for lines read as text (quoted fields), the
 * fields themselves.
 */
export class VoteTexts {
  private readonly chunks: Uint8Array[] = [];
  private lastChunk: Uint8Array | null = null;
  /** Per vote: chunk index (-1: see `textRows`), line start, line end. */
  private readonly refs = new Int32Buf();
  private readonly textRows = new Map<number, readonly string[]>();

  /** Column positions of the stored fields in a VOTES line: voter_id first, then the others. */
  private readonly columns: readonly number[];

  constructor(columns: readonly number[]) {
    this.columns = columns;
  }

  addLine(chunk: Uint8Array, from: number, to: number): void {
    if (chunk !== this.lastChunk) {
      this.chunks.push(chunk);
      this.lastChunk = chunk;
    }
    this.refs.push(this.chunks.length - 1);
    this.refs.push(from);
    this.refs.push(to);
  }

  addFields(row: number, fields: readonly string[]): void {
    this.textRows.set(row, fields);
    this.refs.push(-1);
    this.refs.push(0);
    this.refs.push(0);
  }

  /** Text of vote r's stored field f (0: voter_id). */
  text(r: number, f: number): string {
    const refs = this.refs.data;
    const c = refs[3 * r]!;
    if (c < 0) return this.textRows.get(r)![f]!;
    const chunk = this.chunks[c]!;
    const to = refs[3 * r + 2]!;
    // Find the wanted column's bounds (the line has no quotes: it was read from bytes).
    const column = this.columns[f]!;
    let start = refs[3 * r + 1]!;
    for (let k = 0; k < column; k++) start = chunk.indexOf(0x3b, start) + 1;
    let end = chunk.indexOf(0x3b, start);
    if (end < 0 || end > to) end = to;
    return decodeBytes(chunk, start, end).trim();
  }
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function decodeBytes(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) return decoder.decode(bytes.subarray(from, to));
    out += String.fromCharCode(b);
  }
  return out;
}

const COMPACT = new WeakMap<PbInstance, CompactVotes>();

/** The compact votes behind an instance read by the parser (undefined for instances built by hand). */
export function compactVotesOf(pb: PbInstance): CompactVotes | undefined {
  return COMPACT.get(pb);
}

/** Defines an enumerable property computed on first read, then kept as a plain value. */
export function lazyProperty<T extends object, K extends PropertyKey, V>(target: T, key: K, compute: () => V): T & { readonly [P in K]: V } {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: false });
      return value;
    },
  });
  return target as T & { readonly [P in K]: V };
}

/** An instance whose `votes` are materialized from the compact form on first read. */
export function compactInstance(base: Omit<PbInstance, 'votes'>, compact: CompactVotes, projects: readonly PbProject[]): PbInstance {
  const pb = lazyProperty({ ...base }, 'votes', (): readonly PbVote[] => {
    const votes: PbVote[] = new Array(compact.count);
    const ids = projects.map((p) => p.id);
    const other = compact.otherColumns;
    for (let r = 0; r < compact.count; r++) {
      const from = compact.start[r]!;
      const to = compact.start[r + 1]!;
      const vote: string[] = new Array(to - from);
      for (let k = from; k < to; k++) vote[k - from] = ids[compact.items[k]!]!;
      const fields: Record<string, string> = {};
      for (let f = 0; f < other.length; f++) fields[other[f]!] = compact.text(r, f + 1);
      votes[r] = {
        voterId: compact.text(r, 0),
        vote,
        ...(compact.points ? { points: Array.from(compact.points.subarray(from, to)) } : {}),
        fields,
      };
    }
    return votes;
  });
  COMPACT.set(pb, compact);
  return pb;
}
