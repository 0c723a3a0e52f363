/**
 * Reference implementations, written for obviousness rather than speed: Equal Shares over individual
 * ballots with one Rational budget each, and add1 trying every whole-unit increase one by one. The
 * property tests check the fast engine and the jumping add1 against these on random elections.
 */
import { Rational } from '../../arith/rational.ts';
import type { RuleContext } from '../context.ts';

interface Support {
  readonly ballot: number;
  readonly utility: Rational;
}

function supportLists(ctx: RuleContext): Support[][] {
  const { profile, election, utility } = ctx;
  const lists: Support[][] = election.projects.map(() => []);
  for (let b = 0; b < profile.nBallots; b++) {
    for (let k = profile.start[b]!; k < profile.start[b + 1]!; k++) {
      const points = profile.points[k]!;
      if (points <= 0) continue;
      const p = profile.items[k]!;
      const cost = election.projects[p]!.cost;
      const u =
        utility === 'cost' ? cost : utility === 'approval' ? Rational.ONE : utility === 'points' ? Rational.of(points) : cost.mul(Rational.of(points));
      lists[p]!.push({ ballot: b, utility: u });
    }
  }
  return lists;
}

/** Equal Shares with the given per-ballot budget; returns project indices in selection order. */
export function equalSharesReference(ctx: RuleContext, voterBudget: Rational): number[] {
  const { election } = ctx;
  const supports = supportLists(ctx);
  const budgets = new Array<Rational>(ctx.profile.nBallots).fill(voterBudget);
  const selected: number[] = [];
  let remaining: number[] = [];
  election.projects.forEach((project, p) => {
    if (supports[p]!.length === 0) return;
    if (project.cost.isZero()) selected.push(p);
    else remaining.push(p);
  });
  for (;;) {
    let best = -1;
    let bestRho = Rational.ZERO;
    const unaffordable = new Set<number>();
    for (const p of remaining) {
      const cost = election.projects[p]!.cost;
      const list = supports[p]!;
      if (Rational.sum(list.map((s) => budgets[s.ballot]!)).lt(cost)) {
        unaffordable.add(p);
        continue;
      }
      const sorted = [...list].sort((x, y) => budgets[x.ballot]!.div(x.utility).cmp(budgets[y.ballot]!.div(y.utility)));
      let paid = Rational.ZERO;
      let usum = Rational.sum(list.map((s) => s.utility));
      let rho = Rational.ZERO;
      for (const s of sorted) {
        rho = cost.sub(paid).div(usum);
        if (rho.mul(s.utility).le(budgets[s.ballot]!)) break;
        paid = paid.add(budgets[s.ballot]!);
        usum = usum.sub(s.utility);
      }
      if (best < 0 || rho.lt(bestRho) || (rho.eq(bestRho) && ctx.ties.rank[p]! < ctx.ties.rank[best]!)) {
        best = p;
        bestRho = rho;
      }
    }
    remaining = remaining.filter((p) => !unaffordable.has(p));
    if (best < 0) return selected;
    selected.push(best);
    remaining = remaining.filter((p) => p !== best);
    for (const s of supports[best]!) {
      const budget = budgets[s.ballot]!;
      budgets[s.ballot] = budget.sub(Rational.min(budget, bestRho.mul(s.utility)));
    }
  }
}

/** True when no supported project left out could still be paid from the money not spent. */
export function isExhaustiveSelection(ctx: RuleContext, selected: readonly number[]): boolean {
  const { election } = ctx;
  const chosen = new Set(selected);
  const left = election.budget.sub(Rational.sum(selected.map((p) => election.projects[p]!.cost)));
  return election.projects.every((project, p) => chosen.has(p) || ctx.supporters[p] === 0 || project.cost.isZero() || project.cost.gt(left));
}

/**
 * add1 the naive way: start at budget/n per ballot, add one currency unit per ballot at a time, stop at
 * the first exhaustive outcome, or return the previous outcome as soon as one costs more than the budget.
 */
export function equalSharesAdd1Naive(ctx: RuleContext, maxSteps = 1_000_000): { selected: number[]; increments: number } {
  const { election } = ctx;
  const n = ctx.profile.nBallots;
  if (n === 0) return { selected: [], increments: 0 };
  const start = election.budget.divInt(BigInt(n));
  let previous: number[] | null = null;
  for (let t = 0; t <= maxSteps; t++) {
    const selected = equalSharesReference(ctx, start.add(Rational.of(t)));
    const cost = Rational.sum(selected.map((p) => election.projects[p]!.cost));
    if (cost.gt(election.budget)) return { selected: previous ?? selected, increments: Math.max(0, t - 1) };
    if (isExhaustiveSelection(ctx, selected)) return { selected, increments: t };
    previous = selected;
  }
  throw new Error('add1 did not terminate');
}
