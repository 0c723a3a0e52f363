import { Rational } from '../arith/rational.ts';
import { formatRecord } from './csv.ts';
import type { PbInstance } from './types.ts';

export interface WriteOptions {
  /** Line ending of the output (default LF). */
  readonly lineEnding?: '\n' | '\r\n';
}

/**
 * The .pb records of an instance, one string per line, in file order. META is written as read (so a
 * read-write-read cycle is the identity), except that `budget`, `vote_type`, `num_projects` and
 * `num_votes` are corrected when they disagree with the data.
 */
export function* pabulibRecords(pb: PbInstance): Generator<string> {
  const meta: Record<string, string> = { ...pb.meta };
  const budgetText = meta['budget'];
  if (budgetText === undefined || !Rational.parse(budgetText)?.eq(pb.budget)) meta['budget'] = pb.budget.toDecimalString();
  meta['vote_type'] = pb.voteType;
  if ('num_projects' in meta) meta['num_projects'] = String(pb.projects.length);
  if ('num_votes' in meta) meta['num_votes'] = String(pb.votes.length);

  yield 'META';
  yield 'key;value';
  for (const [key, value] of Object.entries(meta)) yield formatRecord([key, value]);

  yield 'PROJECTS';
  yield formatRecord(pb.projectColumns);
  for (const project of pb.projects) {
    yield formatRecord(
      pb.projectColumns.map((column) => (column === 'project_id' ? project.id : column === 'cost' ? project.cost.toDecimalString() : (project.fields[column] ?? ''))),
    );
  }

  yield 'VOTES';
  yield formatRecord(pb.voteColumns);
  for (const vote of pb.votes) {
    yield formatRecord(
      pb.voteColumns.map((column) => {
        if (column === 'voter_id') return vote.voterId;
        if (column === 'vote') return vote.vote.join(',');
        if (column === 'points') return (vote.points ?? []).map(String).join(',');
        return vote.fields[column] ?? '';
      }),
    );
  }
}

/** The whole .pb text (ends with a line break). */
export function writePabulib(pb: PbInstance, options: WriteOptions = {}): string {
  const eol = options.lineEnding ?? '\n';
  let out = '';
  for (const record of pabulibRecords(pb)) out += record + eol;
  return out;
}
