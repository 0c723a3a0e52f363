import { Rational } from '../arith/rational.ts';
import type { Explanation } from '../explain/explanation.ts';
import type { RuleContext } from './context.ts';
import type { Outcome, RuleName, TieBreak } from './types.ts';

/** Collects reasons per project while a rule runs, then assembles the outcome. */
export class OutcomeBuilder {
  private readonly reasons: Explanation[][];
  private readonly funded: boolean[];
  readonly selected: number[] = [];
  readonly tieBreaks: TieBreak[] = [];

  private readonly ctx: RuleContext;

  constructor(ctx: RuleContext) {
    this.ctx = ctx;
    this.reasons = ctx.election.projects.map(() => []);
    this.funded = ctx.election.projects.map(() => false);
  }

  explain(p: number, e: Explanation): void {
    this.reasons[p]!.push(e);
  }

  fund(p: number, e: Explanation): void {
    this.funded[p] = true;
    this.selected.push(p);
    this.reasons[p]!.push(e);
  }

  isFunded(p: number): boolean {
    return this.funded[p]!;
  }

  spent(): Rational {
    let total = Rational.ZERO;
    for (const p of this.selected) total = total.add(this.ctx.election.projects[p]!.cost);
    return total;
  }

  build(rule: RuleName, extra: Pick<Outcome, 'equalShares' | 'comparison'> = {}): Outcome {
    const { election } = this.ctx;
    const cost = this.spent();
    return {
      rule,
      utility: this.ctx.utility,
      ties: this.ctx.tieRule,
      budget: election.budget,
      selected: this.selected.map((p) => election.projects[p]!.id),
      cost,
      leftover: election.budget.sub(cost),
      verdicts: election.projects.map((project, p) => ({ projectId: project.id, funded: this.funded[p]!, reasons: this.reasons[p]! })),
      tieBreaks: this.tieBreaks,
      ...extra,
    };
  }
}
