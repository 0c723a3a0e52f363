/**
 * What every rule needs from an election, computed once per run: the indexed ballots, each project's
 * supporters and exact point totals, the tie order and the threshold.
 */
import { Rational } from '../arith/rational.ts';
import { codedError, fail, ok, type Result } from '../errors/catalogue.ts';
import { indexProfile, type IndexedProfile } from '../election/profile.ts';
import type { Election } from '../model/types.ts';
import type { ScoreKind } from '../explain/explanation.ts';
import { makeTieBreaker, type TieBreaker } from './ties.ts';
import { UTILITY_KINDS, type RuleOptions, type TieRule, type UtilityKind } from './types.ts';

export interface RuleContext {
  readonly election: Election;
  readonly profile: IndexedProfile;
  readonly utility: UtilityKind;
  readonly tieRule: TieRule;
  readonly ties: TieBreaker;
  /** Ballots listing the project with positive points: its supporters ("votes"). */
  readonly supporters: Float64Array;
  /** Exact sum of the positive points it received. */
  readonly pointsTotal: readonly Rational[];
  readonly threshold: Rational | null;
}

export function prepareContext(election: Election, options: RuleOptions = {}): Result<RuleContext> {
  const utility = options.utility ?? 'cost';
  if (!UTILITY_KINDS.includes(utility)) {
    return fail(codedError('UNKNOWN_UTILITY', { utility: String(utility), known: UTILITY_KINDS.join(', ') }));
  }
  let threshold: Rational | null = null;
  if (options.threshold !== undefined) {
    try {
      threshold = Rational.of(options.threshold);
    } catch {
      threshold = null;
    }
    if (threshold === null || threshold.sign() < 0) return fail(codedError('INVALID_THRESHOLD', { value: String(options.threshold) }));
  }
  const indexed = indexProfile(election);
  if (!indexed.ok) return indexed;
  const profile = indexed.value;
  const n = election.projects.length;
  const supporters = new Float64Array(n);
  const sums = new Float64Array(n);
  let allIntegers = true;
  for (let k = 0; k < profile.items.length; k++) {
    const v = profile.points[k]!;
    if (v <= 0) continue;
    const p = profile.items[k]!;
    supporters[p]!++;
    sums[p]! += v;
    if (!Number.isInteger(v)) allIntegers = false;
  }
  let pointsTotal: Rational[];
  if (allIntegers) pointsTotal = Array.from(sums, (x) => Rational.of(x));
  else {
    // Decimal points: sum exactly rather than trust the float sums above.
    pointsTotal = Array.from({ length: n }, () => Rational.ZERO);
    for (let k = 0; k < profile.items.length; k++) {
      const v = profile.points[k]!;
      if (v > 0) pointsTotal[profile.items[k]!] = pointsTotal[profile.items[k]!]!.add(Rational.of(v));
    }
  }
  const tieRule = options.ties ?? { kind: 'declared' };
  return ok({
    election,
    profile,
    utility,
    tieRule,
    ties: makeTieBreaker(tieRule, election.projects, supporters),
    supporters,
    pointsTotal,
    threshold,
  });
}

/** The score shown to people and compared with a threshold: votes, or points for point utilities. */
export function scoreOf(ctx: RuleContext, p: number): Rational {
  return ctx.utility === 'points' || ctx.utility === 'cost-points' ? ctx.pointsTotal[p]! : Rational.of(ctx.supporters[p]!);
}

export function scoreKindOf(utility: UtilityKind): ScoreKind {
  return utility === 'points' || utility === 'cost-points' ? 'points' : 'votes';
}

/**
 * Greedy key: total utility divided by cost, exactly. With `cost` utility that is the number of
 * supporters, with `cost-points` the total points. Null means infinite (a free project with support).
 */
export function densityOf(ctx: RuleContext, p: number): Rational | null {
  const cost = ctx.election.projects[p]!.cost;
  const votes = Rational.of(ctx.supporters[p]!);
  switch (ctx.utility) {
    case 'cost':
      return votes;
    case 'cost-points':
      return ctx.pointsTotal[p]!;
    case 'approval':
      return cost.isZero() ? (votes.isZero() ? Rational.ZERO : null) : votes.div(cost);
    case 'points':
      return cost.isZero() ? (ctx.pointsTotal[p]!.isZero() ? Rational.ZERO : null) : ctx.pointsTotal[p]!.div(cost);
  }
}

export function densityKindOf(utility: UtilityKind): ScoreKind {
  return utility === 'cost' ? 'votes' : utility === 'cost-points' ? 'points' : utility === 'approval' ? 'votes-per-cost' : 'points-per-cost';
}

export const money = (r: Rational): string => r.toDecimalString(2);
