/**
 * The vote as the rules see it: projects with exact costs, one budget, ballots, and the settings of the
 * ballot kind. Pure data: an election can come from a .pb file, from a database or from a test.
 */
import type { Rational } from '../arith/rational.ts';

export type ProjectId = string;

export interface Project {
  readonly id: ProjectId;
  /** Exact cost in currency units (decimals allowed). */
  readonly cost: Rational;
  readonly name?: string;
  /** Zone or envelope the project belongs to, when the vote has several. */
  readonly territory?: string;
}

export interface Ballot {
  readonly voterId?: string;
  /** Zone or envelope the ballot was cast in; tallies can be grouped by it. */
  readonly territory?: string;
  /** Projects chosen. For ranked ballots, most preferred first. */
  readonly projects: readonly ProjectId[];
  /** Points or scores aligned with `projects` (cumulative and scoring ballots only). */
  readonly points?: readonly number[];
}

/** Plurality: exactly one project (what Ilo uses). */
export interface SingleSettings {
  readonly kind: 'single';
}

/** Approve up to `maxChoices` projects, optionally at least `minChoices`. */
export interface ApprovalSettings {
  readonly kind: 'approval';
  readonly minChoices?: number;
  readonly maxChoices?: number;
}

/**
 * Choose projects whose total cost stays within `maxTotalCost` (default: the budget), optionally
 * spending at least `minShareSpent` (0..1) of the budget.
 */
export interface KnapsackSettings {
  readonly kind: 'knapsack';
  readonly maxTotalCost?: Rational;
  readonly minShareSpent?: number;
  readonly minChoices?: number;
  readonly maxChoices?: number;
}

/** Spread up to `totalPoints` points (whole numbers), at most `maxPerProject` on one project. */
export interface CumulativeSettings {
  readonly kind: 'cumulative';
  readonly totalPoints: number;
  readonly minTotalPoints?: number;
  readonly maxPerProject?: number;
  readonly minPerProject?: number;
  readonly minChoices?: number;
  readonly maxChoices?: number;
}

/** Rank up to `maxRanks` projects (ordinal ballot), optionally at least `minRanks`. */
export interface RankedSettings {
  readonly kind: 'ranked';
  readonly minRanks?: number;
  readonly maxRanks?: number;
}

/** Give each listed project a score in [minScore, maxScore]; unlisted projects count as `defaultScore`. */
export interface ScoringSettings {
  readonly kind: 'scoring';
  readonly minScore: number;
  readonly maxScore: number;
  readonly defaultScore?: number;
  readonly minChoices?: number;
  readonly maxChoices?: number;
}

export type VoteSettings =
  | SingleSettings
  | ApprovalSettings
  | KnapsackSettings
  | CumulativeSettings
  | RankedSettings
  | ScoringSettings;

export type BallotKindName = VoteSettings['kind'];

export interface Election {
  readonly budget: Rational;
  readonly projects: readonly Project[];
  readonly ballots: readonly Ballot[];
  readonly settings: VoteSettings;
}
