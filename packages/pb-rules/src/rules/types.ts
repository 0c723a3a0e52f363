/**
 * Outcome rules are strategies behind one interface: an election and options in, an outcome out, with a
 * verdict and its reasons for every project and a record of every tie that was broken.
 */
import type { Rational, RationalInput } from '../arith/rational.ts';
import type { Result } from '../errors/catalogue.ts';
import type { Explanation } from '../explain/explanation.ts';
import type { Election, ProjectId } from '../model/types.ts';

/**
 * What a voter gains from a funded project they support (list with positive points):
 * - `cost`: its cost (points and ranks ignored); greedy then ranks by number of supporters;
 * - `approval`: 1; greedy ranks by supporters per unit of cost;
 * - `points`: the points given (cumulative, scoring), the Borda score (ranked), 1 (approval kinds);
 * - `cost-points`: cost × points; greedy ranks by total points, as cities with point or ranked
 *   ballots (Kraków, Częstochowa, Katowice) rank projects.
 */
export const UTILITY_KINDS = ['cost', 'approval', 'points', 'cost-points'] as const;
export type UtilityKind = (typeof UTILITY_KINDS)[number];

/**
 * How ties are broken:
 * - `declared` (default): more votes first, then lower cost, then project id (compared as text);
 * - `id`: project id compared as text (Unicode code points), the convention of pabutools;
 * - `lottery`: a permutation of the projects drawn once from `seed`; earlier in it wins.
 */
export type TieRule = { readonly kind: 'declared' } | { readonly kind: 'id' } | { readonly kind: 'lottery'; readonly seed: string };

export type TieCriterion = 'votes' | 'cost' | 'id' | 'lottery';

export interface TieBreak {
  /** Where the tie happened, e.g. "greedy ranking" or "equal shares round 3". */
  readonly stage: string;
  /** The tied projects, in the order the rule put them (first = preferred). */
  readonly order: readonly ProjectId[];
  /** The first criterion of the tie rule that separated them. */
  readonly by: TieCriterion;
}

export const RULE_NAMES = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'greedy-exclusive',
  'greedy-custom',
  'mes',
  'mes-add1',
  'mes-greedy',
  'mes-add1-greedy',
  'mes-add1-comparison',
  'phragmen',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export interface RuleOptions {
  readonly utility?: UtilityKind;
  readonly ties?: TieRule;
  /** Minimum score (votes, or points for point utilities) to be eligible; required by greedy-threshold. */
  readonly threshold?: RationalInput;
  /**
   * greedy-exclusive: groups of projects of which at most one may be funded (same place, same purpose):
   * the first of a group that greedy funds excludes the others.
   */
  readonly exclusive?: readonly (readonly ProjectId[])[];
  /**
   * greedy-custom: share of its cost that must be left for the first project that does not fit to be
   * funded anyway from reserve funds (Poznań: 0.8).
   */
  readonly reserveShare?: RationalInput;
}

export interface ProjectVerdict {
  readonly projectId: ProjectId;
  readonly funded: boolean;
  /** Reasons in the order of the rule's stages (e.g. Equal Shares, then completion). */
  readonly reasons: readonly Explanation[];
}

export interface EqualSharesSummary {
  /** Budget each voter starts with: budget / number of ballots. */
  readonly initialVoterBudget: Rational;
  /** Per-voter budget of the run whose outcome was kept (add1 raises it by whole currency units). */
  readonly finalVoterBudget: Rational;
  /** Currency units added per voter by the add1 completion (0 without completion). */
  readonly add1Increments: number;
  /** Equal Shares runs performed (add1 skips budgets at which the outcome cannot change). */
  readonly runs: number;
  /** add1: range certificates tried (each a forced run; a certified range needs no run inside it). */
  readonly certificates?: number;
}

export interface Outcome {
  readonly rule: RuleName;
  readonly utility: UtilityKind;
  readonly ties: TieRule;
  readonly budget: Rational;
  /** Funded projects in the order the rule selected them. */
  readonly selected: readonly ProjectId[];
  readonly cost: Rational;
  readonly leftover: Rational;
  /** One verdict per project, in the election's project order. */
  readonly verdicts: readonly ProjectVerdict[];
  readonly tieBreaks: readonly TieBreak[];
  readonly equalShares?: EqualSharesSummary;
  readonly comparison?: { readonly prefersEqualShares: number; readonly prefersGreedy: number; readonly used: 'equal-shares' | 'greedy' };
}

export interface OutcomeRule {
  readonly name: RuleName;
  /** One sentence for people choosing a rule. */
  readonly description: { readonly en: string; readonly es: string };
  run(election: Election, options?: RuleOptions): Result<Outcome>;
}
