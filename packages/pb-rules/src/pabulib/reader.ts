/**
 * A push parser for .pb text: feed it physical lines one at a time (so a 100 MB file never sits in
 * memory as one string), then ask for the result. The first malformed line stops it with a coded error
 * that names the line and what was expected; nothing is guessed.
 */
import { Rational } from '../arith/rational.ts';
import { codedError, fail, ok, type CodedError, type ErrorCode, type Params, type Result } from '../errors/catalogue.ts';
import { parseRecord } from './csv.ts';
import { PB_VOTE_TYPES, type PbInstance, type PbProject, type PbVote, type PbVoteType } from './types.ts';

type Section = 'META' | 'PROJECTS' | 'VOTES';
const TITLES: Record<string, Section> = { meta: 'META', projects: 'PROJECTS', votes: 'VOTES' };
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

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
  private readonly votes: PbVote[] = [];
  private voterCol = -1;
  private voteCol = -1;
  private pointsCol = -1;
  private stamp = new Int32Array(0);

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
    const row = this.votes.length;
    const vote: string[] = [];
    const voteText = fields[this.voteCol]!.trim();
    if (voteText !== '') {
      for (const raw of voteText.split(',')) {
        const id = raw.trim();
        if (id === '') continue;
        const p = this.projectIndex.get(id);
        if (p === undefined) return this.fail('PB_UNKNOWN_PROJECT', { project: id }, line);
        if (this.stamp[p] === row) return this.fail('PB_DUPLICATE_IN_VOTE', { project: id }, line);
        this.stamp[p] = row;
        vote.push(id);
      }
    }
    let points: number[] | undefined;
    if (this.pointsCol >= 0) {
      const text = fields[this.pointsCol]!.trim();
      points = [];
      if (text !== '') {
        for (const raw of text.split(',')) {
          const t = raw.trim();
          if (!NUMBER.test(t)) return this.fail('PB_BAD_NUMBER', { field: 'points', value: t }, line);
          points.push(Number(t));
        }
      }
      if (points.length !== vote.length) return this.fail('PB_POINTS_MISMATCH', { points: points.length, projects: vote.length }, line);
    }
    const skip = this.pointsCol >= 0 ? [this.voterCol, this.voteCol, this.pointsCol] : [this.voterCol, this.voteCol];
    this.votes.push({
      voterId: fields[this.voterCol]!.trim(),
      vote,
      ...(points !== undefined ? { points } : {}),
      fields: this.otherFields(columns, fields, skip),
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
    if (!this.error) this.checkCount('num_votes', this.votes.length);
    if (this.error) return fail(this.error);
    return ok({
      meta: this.meta,
      budget: this.budget!,
      voteType: this.voteType!,
      projectColumns: this.projectColumns,
      projects: this.projects,
      voteColumns: this.voteColumns,
      votes: this.votes,
    });
  }

  private checkCount(key: string, actual: number): void {
    const declared = this.meta[key];
    if (declared === undefined) return;
    if (!/^\d+$/.test(declared)) return this.fail('PB_BAD_NUMBER', { field: key, value: declared }, this.metaLine.get(key));
    if (Number(declared) !== actual) this.fail('PB_COUNT_MISMATCH', { key, declared: Number(declared), actual }, this.metaLine.get(key));
  }
}
