/**
 * A push parser for .pb text: feed it physical lines one at a time (so a 100 MB file never sits in
 * memory as one string), then ask for the result. The first malformed line stops it with a coded error
 * that names the line and what was expected; nothing is guessed.
 */
import { Rational } from '../arith/rational.ts';
import { codedError, fail, ok, type CodedError, type ErrorCode, type Params, type Result } from '../errors/catalogue.ts';
import { Float64Buf, Int32Buf } from '../util/growable.ts';
import { compactInstance, VoteTexts, type CompactVotes } from './compact.ts';
import { parseRecord } from './csv.ts';
import { PB_VOTE_TYPES, type PbInstance, type PbProject, type PbVoteType } from './types.ts';

type Section = 'META' | 'PROJECTS' | 'VOTES';
const TITLES: Record<string, Section> = { meta: 'META', projects: 'PROJECTS', votes: 'VOTES' };
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SEMICOLON = 0x3b;
const COMMA = 0x2c;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TITLE_START = new Set([0x6d, 0x70, 0x76]); // m, p, v (lowercased first byte of META, PROJECTS, VOTES)

/** The bytes JavaScript's trim() removes among ASCII: tab, line feed, vertical tab, form feed, return, space. */
const isSpace = (b: number): boolean => b === 0x20 || (b >= 0x09 && b <= 0x0d);
function trimStart(buf: Uint8Array, from: number, to: number): number {
  while (from < to && isSpace(buf[from]!)) from++;
  return from;
}
function trimEnd(buf: Uint8Array, from: number, to: number): number {
  while (to > from && isSpace(buf[to - 1]!)) to--;
  return to;
}

/** A whole number of at most 15 digits with an optional sign, as the text path would read it; else null. */
function parseNumberBytes(buf: Uint8Array, from: number, to: number): number | null {
  let i = from;
  let negative = false;
  if (i < to && (buf[i] === 0x2b || buf[i] === 0x2d)) negative = buf[i++] === 0x2d;
  if (i === to || to - i > 15) return null;
  let value = 0;
  for (; i < to; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return negative ? -value : value;
}

/** A decimal; like pabutools, a decimal comma is accepted when there is no point ("1,5" = 1.5). */
function parseAmount(text: string): Rational | null {
  return Rational.parse(text) ?? (text.includes('.') ? null : Rational.parse(text.replace(',', '.')));
}

export class PabulibReader {
  private section: Section | null = null;
  private awaitingHeader = false;
  private readonly seen = new Set<Section>();
  private pending: { text: string; line: number } | null = null;
  private error: CodedError | null = null;
  private sawContent = false;

  private readonly meta: Record<string, string> = {};
  private readonly metaLine = new Map<string, number>();
  private budget: Rational | null = null;
  private voteType: PbVoteType | null = null;

  private projectColumns: string[] = [];
  private readonly projects: PbProject[] = [];
  private readonly projectIndex = new Map<string, number>();
  private idCol = -1;
  private costCol = -1;

  private voteColumns: string[] = [];
  private voterCol = -1;
  private voteCol = -1;
  private pointsCol = -1;
  private otherCols: number[] = [];
  private stamp = new Int32Array(0);

  // VOTES, compact (see compact.ts)
  private voteCount = 0;
  private readonly starts = new Int32Buf();
  private readonly items = new Int32Buf();
  private readonly points = new Float64Buf();
  private texts = new VoteTexts([]);
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private bounds = new Int32Array(0);
  private idTable = new Int32Array(1).fill(-1);
  private idHashes = new Uint32Array(0);
  private idStart = new Int32Array(1);
  private idBytes = new Uint8Array(0);

  private readonly options: { readonly bytePath?: boolean };

  /** `bytePath: false` reads every line as text (the reference the tests compare the byte path with). */
  constructor(options: { readonly bytePath?: boolean } = {}) {
    this.options = options;
    this.starts.push(0);
  }

  /** Feeds one line (without its line break). Returns false once an error has stopped the reader. */
  line(text: string, lineNo: number): boolean {
    if (this.error) return false;
    let start = lineNo;
    if (this.pending) {
      text = `${this.pending.text}\n${text}`;
      start = this.pending.line;
      this.pending = null;
    } else if (text.trim() === '') return true;
    const record = parseRecord(text);
    if (record.open) {
      this.pending = { text, line: start };
      return true;
    }
    const fields = record.fields.map((f, i) => (record.quoted[i] ? f : f.trim()));
    this.sawContent = true;
    this.record(fields, start);
    return this.error === null;
  }

  hasError(): boolean {
    return this.error !== null;
  }

  private fail(code: ErrorCode, params: Params, line?: number): void {
    this.error = codedError(code, params, line === undefined ? {} : { line });
  }

  private record(fields: string[], line: number): void {
    const title = TITLES[(fields[0] ?? '').toLowerCase()];
    if (title !== undefined && fields.slice(1).every((f) => f === '')) return this.startSection(title, line);
    if (this.section === null) return this.fail('PB_ROW_OUTSIDE_SECTION', {}, line);
    if (this.awaitingHeader) return this.header(fields, line);
    if (this.section === 'META') return this.metaRow(fields, line);
    if (this.section === 'PROJECTS') return this.projectRow(fields, line);
    return this.voteRow(fields, line);
  }

  private startSection(section: Section, line: number): void {
    if (this.seen.has(section)) return this.fail('PB_SECTION_REPEATED', { section }, line);
    if (this.awaitingHeader && this.section) return this.fail('PB_HEADER_MISSING', { section: this.section }, line);
    if (section === 'VOTES' && !this.seen.has('PROJECTS')) return this.fail('PB_VOTES_BEFORE_PROJECTS', {}, line);
    if (section === 'PROJECTS' && !this.seen.has('META')) return this.fail('PB_SECTION_ORDER', { section, expected: 'META' }, line);
    if (section === 'META' && this.seen.size > 0) return this.fail('PB_SECTION_ORDER', { section, expected: 'VOTES' }, line);
    if (section === 'PROJECTS' && !this.checkMeta()) return;
    this.section = section;
    this.seen.add(section);
    this.awaitingHeader = true;
  }

  /** META must give a positive budget and a known vote type before projects can be read. */
  private checkMeta(): boolean {
    const budgetText = this.meta['budget'];
    if (budgetText === undefined) {
      this.fail('PB_META_MISSING', { key: 'budget' });
      return false;
    }
    const budget = parseAmount(budgetText);
    if (!budget) {
      this.fail('PB_BAD_NUMBER', { field: 'budget', value: budgetText }, this.metaLine.get('budget'));
      return false;
    }
    if (budget.sign() <= 0) {
      this.fail('PB_BUDGET_NOT_POSITIVE', { budget: budgetText }, this.metaLine.get('budget'));
      return false;
    }
    const voteType = this.meta['vote_type'];
    if (voteType === undefined) {
      this.fail('PB_META_MISSING', { key: 'vote_type' });
      return false;
    }
    if (!(PB_VOTE_TYPES as readonly string[]).includes(voteType)) {
      this.fail('PB_UNKNOWN_VOTE_TYPE', { value: voteType }, this.metaLine.get('vote_type'));
      return false;
    }
    this.budget = budget;
    this.voteType = voteType as PbVoteType;
    return true;
  }

  private header(fields: string[], line: number): void {
    const section = this.section!;
    const names = fields.map((f) => f.trim());
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) return this.fail('PB_DUPLICATE_COLUMN', { section, column: dup }, line);
    const need = (column: string): number => {
      const i = names.indexOf(column);
      if (i < 0) this.fail('PB_COLUMN_MISSING', { section, column }, line);
      return i;
    };
    this.awaitingHeader = false;
    if (section === 'META') {
      if (names.length !== 2) this.fail('PB_FIELD_COUNT', { expected: 2, got: names.length }, line);
      return;
    }
    if (section === 'PROJECTS') {
      this.projectColumns = names;
      this.idCol = need('project_id');
      if (this.idCol >= 0) this.costCol = need('cost');
      return;
    }
    this.voteColumns = names;
    this.voterCol = need('voter_id');
    if (this.voterCol >= 0) this.voteCol = need('vote');
    this.pointsCol = names.indexOf('points');
    if (this.voteCol >= 0 && this.pointsCol < 0 && (this.voteType === 'cumulative' || this.voteType === 'scoring')) need('points');
    this.stamp = new Int32Array(this.projects.length).fill(-1);
    this.otherCols = names.map((_, i) => i).filter((i) => i !== this.voterCol && i !== this.voteCol && i !== this.pointsCol);
    this.bounds = new Int32Array(names.length + 2);
    this.indexIdBytes();
    this.texts = new VoteTexts([this.voterCol, ...this.otherCols]);
  }

  private metaRow(fields: string[], line: number): void {
    if (fields.length > 2) return this.fail('PB_FIELD_COUNT', { expected: 2, got: fields.length }, line);
    const key = fields[0]!.trim();
    this.meta[key] = (fields[1] ?? '').trim();
    this.metaLine.set(key, line);
  }

  private otherFields(columns: readonly string[], fields: readonly string[], skip: readonly number[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) if (!skip.includes(i)) out[columns[i]!] = fields[i]!;
    return out;
  }

  private projectRow(fields: string[], line: number): void {
    const columns = this.projectColumns;
    if (fields.length !== columns.length) return this.fail('PB_FIELD_COUNT', { expected: columns.length, got: fields.length }, line);
    const id = fields[this.idCol]!.trim();
    const costText = fields[this.costCol]!.trim();
    const cost = parseAmount(costText);
    if (!cost) return this.fail('PB_BAD_NUMBER', { field: 'cost', value: costText }, line);
    if (cost.sign() < 0) return this.fail('PB_NEGATIVE_COST', { project: id, cost: costText }, line);
    if (this.projectIndex.has(id)) return this.fail('PB_DUPLICATE_PROJECT', { project: id }, line);
    this.projectIndex.set(id, this.projects.length);
    this.projects.push({ id, cost, fields: this.otherFields(columns, fields, [this.idCol, this.costCol]) });
  }

  private voteRow(fields: string[], line: number): void {
    const columns = this.voteColumns;
    if (fields.length !== columns.length) return this.fail('PB_FIELD_COUNT', { expected: columns.length, got: fields.length }, line);
    const row = this.voteCount;
    const first = this.items.length;
    const voteText = fields[this.voteCol]!.trim();
    if (voteText !== '') {
      for (const raw of voteText.split(',')) {
        const id = raw.trim();
        if (id === '') continue;
        const p = this.projectIndex.get(id);
        if (p === undefined) return this.fail('PB_UNKNOWN_PROJECT', { project: id }, line);
        if (this.stamp[p] === row) return this.fail('PB_DUPLICATE_IN_VOTE', { project: id }, line);
        this.stamp[p] = row;
        this.items.push(p);
      }
    }
    if (this.pointsCol >= 0) {
      const text = fields[this.pointsCol]!.trim();
      let count = 0;
      if (text !== '') {
        for (const raw of text.split(',')) {
          const t = raw.trim();
          if (!NUMBER.test(t)) return this.fail('PB_BAD_NUMBER', { field: 'points', value: t }, line);
          this.points.push(Number(t));
          count++;
        }
      }
      const projects = this.items.length - first;
      if (count !== projects) return this.fail('PB_POINTS_MISMATCH', { points: count, projects }, line);
    }
    this.texts.addFields(row, [fields[this.voterCol]!.trim(), ...this.otherCols.map((i) => fields[i]!)]);
    this.endVote();
  }

  private endVote(): void {
    this.starts.push(this.items.length);
    this.voteCount++;
  }

  /**
   * One line as UTF-8 bytes (without its line break). VOTES rows without quotes, the bulk of any file,
   * are read right from the bytes; every other line is decoded and read as text.
   */
  lineBytes(buf: Uint8Array, from: number, to: number, lineNo: number): boolean {
    if (this.error) return false;
    if (this.inVotes() && this.scanVotes(buf, from, to, lineNo, true) > from) return this.error === null;
    return this.line(this.decoder.decode(buf.subarray(from, to)), lineNo);
  }

  /** Whether VOTES rows may be read from bytes now. */
  inVotes(): boolean {
    return this.section === 'VOTES' && !this.awaitingHeader && this.pending === null && this.error === null && this.options.bytePath !== false;
  }

  /** Lines consumed by the last {@link scanVotes}. */
  scanned = 0;

  /**
   * Reads VOTES rows straight from bytes, as many whole lines (ended by LF, optional CR before it) of
   * buf[from, limit) as it can; with `single`, buf[from, limit) is one line without its line break.
   * Stops before the first line that needs the text path (quotes, blank, section title) and after one
   * with an error. Returns the position after the last line consumed ({@link scanned}: how many).
   *
   * One loop over many lines, rather than a call per line, so that a one-shot command gets optimized
   * code after a few hundred lines.
   */
  scanVotes(buf: Uint8Array, from: number, limit: number, lineNo: number, single = false): number {
    const columns = this.voteColumns.length;
    const bounds = this.bounds;
    const voteCol = this.voteCol;
    const stamp = this.stamp;
    const items = this.items;
    const texts = this.texts;
    let pos = from;
    let nextQuote = -1;
    this.scanned = 0;
    while (pos < limit || (single && pos === limit && this.scanned === 0)) {
      let to: number;
      let next: number;
      if (single) {
        to = limit;
        next = limit;
      } else {
        const nl = buf.indexOf(LF, pos);
        if (nl < 0 || nl >= limit) break;
        to = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
        next = nl + 1;
      }
      const line = lineNo + this.scanned;
      // fields: separators found by indexOf (native), quotes by one search ahead
      if (nextQuote < pos) {
        nextQuote = buf.indexOf(QUOTE, pos);
        if (nextQuote < 0) nextQuote = buf.length;
      }
      if (nextQuote < to) break; // quotes: the text path
      let n = 1;
      bounds[0] = pos;
      for (let i = pos; ; ) {
        const j = buf.indexOf(SEMICOLON, i);
        if (j < 0 || j >= to) break;
        if (n <= columns) bounds[n] = j + 1;
        n++;
        i = j + 1;
      }
      if (n === 1 || this.looksLikeTitle(buf, pos, bounds[1]! - 1)) break; // blank, malformed or a title: the text path
      this.sawContent = true;
      this.scanned++;
      if (n !== columns) return this.failAt('PB_FIELD_COUNT', { expected: columns, got: n }, line, next);
      bounds[n] = to + 1;

      // vote: ids separated by commas, hashed while scanning
      const row = this.voteCount;
      const first = items.length;
      const vs = bounds[voteCol]!;
      const ve = bounds[voteCol + 1]! - 1;
      if (items.length + ve - vs + 1 > items.data.length) items.reserve(ve - vs + 1);
      const data = items.data;
      let count = first;
      let i = vs;
      while (i <= ve) {
        let h = FNV_OFFSET;
        let j = i;
        for (; j < ve; j++) {
          const x = buf[j]!;
          if (x === COMMA) break;
          h = Math.imul(h ^ x, FNV_PRIME);
        }
        // [i, j): one id, usually without spaces around it
        const p = j > i && buf[i]! > 0x20 && buf[i]! < 0x80 && buf[j - 1]! > 0x20 && buf[j - 1]! < 0x80 ? this.projectByHash(h >>> 0, buf, i, j) : this.projectAround(buf, i, j);
        if (p >= 0) {
          if (stamp[p] === row) return this.failAt('PB_DUPLICATE_IN_VOTE', { project: this.projects[p]!.id }, line, next);
          stamp[p] = row;
          data[count++] = p;
        } else if (p === -1) return this.failAt('PB_UNKNOWN_PROJECT', { project: this.decoder.decode(buf.subarray(i, j)).trim() }, line, next);
        i = j + 1;
      }
      items.length = count;
      if (this.pointsCol >= 0 && !this.fastPoints(buf, bounds[this.pointsCol]!, bounds[this.pointsCol + 1]! - 1, count - first, line)) return next;
      // voter id and the other columns: read again from the line when someone asks for them
      texts.addLine(buf, pos, to);
      this.starts.push(count);
      this.voteCount++;
      pos = next;
      if (single) break;
    }
    return pos;
  }

  /** The points field of a VOTES row read from bytes; false after reporting an error. */
  private fastPoints(buf: Uint8Array, from: number, to: number, projects: number, line: number): boolean {
    const ps = trimStart(buf, from, to);
    const pe = trimEnd(buf, ps, to);
    let count = 0;
    if (pe > ps && (buf[ps]! >= 0x80 || buf[pe - 1]! >= 0x80)) {
      // Edges outside ASCII: read the field as text, as the text path does.
      const text = this.decoder.decode(buf.subarray(from, to)).trim();
      if (text !== '') {
        for (const raw of text.split(',')) {
          const t = raw.trim();
          if (!NUMBER.test(t)) return this.failed('PB_BAD_NUMBER', { field: 'points', value: t }, line);
          this.points.push(Number(t));
          count++;
        }
      }
    } else if (pe > ps) {
      let k = ps;
      while (k <= pe) {
        let j = k;
        while (j < pe && buf[j] !== COMMA) j++;
        const a = trimStart(buf, k, j);
        const value = parseNumberBytes(buf, a, trimEnd(buf, a, j));
        if (value === null) {
          const t = this.decoder.decode(buf.subarray(k, j)).trim();
          if (!NUMBER.test(t)) return this.failed('PB_BAD_NUMBER', { field: 'points', value: t }, line);
          this.points.push(Number(t));
        } else this.points.push(value);
        count++;
        k = j + 1;
      }
    }
    if (count !== projects) return this.failed('PB_POINTS_MISMATCH', { points: count, projects }, line);
    return true;
  }

  private failed(code: ErrorCode, params: Params, line: number): false {
    this.fail(code, params, line);
    return false;
  }

  private projectByText(id: string): number {
    return this.projectIndex.get(id) ?? -1;
  }

  /** A section title ("VOTES;;") in the first field. */
  private looksLikeTitle(buf: Uint8Array, from: number, to: number): boolean {
    const f0 = trimStart(buf, from, to);
    const len = trimEnd(buf, f0, to) - f0;
    if (len < 4 || len > 8) return false;
    const c = buf[f0]! | 0x20;
    return c === 0x6d || c === 0x70 || c === 0x76;
  }

  private failAt(code: ErrorCode, params: Params, line: number, next: number): number {
    this.fail(code, params, line);
    return next;
  }

  /** An id with spaces or non-ASCII bytes at its ends: trimmed as text; -2 when nothing is left. */
  private projectAround(buf: Uint8Array, i: number, j: number): number {
    const id = this.decoder.decode(buf.subarray(i, j)).trim();
    return id === '' ? -2 : this.projectByText(id);
  }

  /** The project whose id is buf[a, b) (hash h), -1 when there is none. */
  private projectByHash(h: number, buf: Uint8Array, a: number, b: number): number {
    const table = this.idTable;
    const mask = table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const p = table[slot]!;
      if (p < 0) return this.projectByText(this.decoder.decode(buf.subarray(a, b)));
      if (this.idHashes[p] !== h) continue;
      const s = this.idStart[p]!;
      if (this.idStart[p + 1]! - s !== b - a) continue;
      let k = 0;
      while (k < b - a && this.idBytes[s + k] === buf[a + k]) k++;
      if (k === b - a) return p;
    }
  }

  /** Project ids as bytes in an open-addressing hash table, for the byte path. */
  private indexIdBytes(): void {
    const encoded = this.projects.map((p) => this.encoder.encode(p.id));
    const P = encoded.length;
    this.idStart = new Int32Array(P + 1);
    for (let p = 0; p < P; p++) this.idStart[p + 1] = this.idStart[p]! + encoded[p]!.length;
    this.idBytes = new Uint8Array(this.idStart[P]!);
    this.idHashes = new Uint32Array(P);
    let size = 16;
    while (size < 2 * P) size *= 2;
    this.idTable = new Int32Array(size).fill(-1);
    encoded.forEach((bytes, p) => {
      this.idBytes.set(bytes, this.idStart[p]!);
      let h = FNV_OFFSET;
      for (const x of bytes) h = Math.imul(h ^ x, FNV_PRIME);
      h >>>= 0;
      this.idHashes[p] = h;
      let slot = h & (size - 1);
      while (this.idTable[slot] !== -1) slot = (slot + 1) & (size - 1);
      this.idTable[slot] = p;
    });
  }

  /** Ends the input: reports what is missing, checks META's counts, returns the instance. */
  end(): Result<PbInstance> {
    if (!this.error && this.pending) this.fail('PB_UNTERMINATED_QUOTE', {}, this.pending.line);
    if (!this.error && !this.sawContent) this.fail('PB_EMPTY_FILE', {});
    if (!this.error && this.awaitingHeader && this.section) this.fail('PB_HEADER_MISSING', { section: this.section });
    if (!this.error) {
      for (const section of ['META', 'PROJECTS', 'VOTES'] as const) {
        if (!this.seen.has(section)) {
          this.fail('PB_SECTION_MISSING', { section });
          break;
        }
      }
    }
    if (!this.error) this.checkCount('num_projects', this.projects.length);
    if (!this.error) this.checkCount('num_votes', this.voteCount);
    if (this.error) return fail(this.error);
    const texts = this.texts;
    const compact: CompactVotes = {
      count: this.voteCount,
      start: this.starts.view(),
      items: this.items.view(),
      points: this.pointsCol >= 0 ? this.points.view() : null,
      text: (r, f) => texts.text(r, f),
      otherColumns: this.otherCols.map((i) => this.voteColumns[i]!),
    };
    return ok(
      compactInstance(
        {
          meta: this.meta,
          budget: this.budget!,
          voteType: this.voteType!,
          projectColumns: this.projectColumns,
          projects: this.projects,
          voteColumns: this.voteColumns,
        },
        compact,
        this.projects,
      ),
    );
  }

  private checkCount(key: string, actual: number): void {
    const declared = this.meta[key];
    if (declared === undefined) return;
    if (!/^\d+$/.test(declared)) return this.fail('PB_BAD_NUMBER', { field: key, value: declared }, this.metaLine.get(key));
    if (Number(declared) !== actual) this.fail('PB_COUNT_MISMATCH', { key, declared: Number(declared), actual }, this.metaLine.get(key));
  }
}
