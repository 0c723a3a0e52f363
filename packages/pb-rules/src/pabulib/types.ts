import type { Rational } from '../arith/rational.ts';

export const PB_VOTE_TYPES = ['approval', 'choose-1', 'ordinal', 'cumulative', 'scoring'] as const;
export type PbVoteType = (typeof PB_VOTE_TYPES)[number];

export interface PbProject {
  readonly id: string;
  readonly cost: Rational;
  /** Every other column of the row (name, votes, selected, category...), as text, keyed by header. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface PbVote {
  readonly voterId: string;
  /** Project ids in the order written (the ranking for ordinal votes). */
  readonly vote: readonly string[];
  /** Points aligned with `vote`, when the file has a points column. */
  readonly points?: readonly number[];
  /** Every other column (age, sex, voting_method, ...), as text, keyed by header. */
  readonly fields: Readonly<Record<string, string>>;
}

/** A .pb file as read: the same data and column order, with costs, budget and points as numbers. */
export interface PbInstance {
  /** META entries in file order. */
  readonly meta: Readonly<Record<string, string>>;
  readonly budget: Rational;
  readonly voteType: PbVoteType;
  readonly projectColumns: readonly string[];
  readonly projects: readonly PbProject[];
  readonly voteColumns: readonly string[];
  readonly votes: readonly PbVote[];
}
