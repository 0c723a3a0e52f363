/**
 * The Equal Shares family as outcome rules: plain (`mes`), with the add1 completion (`mes-add1`), each
 * optionally followed by greedy on what is left (`mes-greedy`, `mes-add1-greedy`), and add1 followed by
 * the comparison step of Wieliczka's Green Budget (`mes-add1-comparison`).
 */
import { Rational } from '../../arith/rational.ts';
import { ok, type Result } from '../../errors/catalogue.ts';
import type { Election } from '../../model/types.ts';
import { money, prepareContext, type RuleContext } from '../context.ts';
import { greedyPass, greedyRule } from '../greedy.ts';
import { OutcomeBuilder } from '../outcome.ts';
import type { EqualSharesSummary, Outcome, OutcomeRule, RuleName, RuleOptions } from '../types.ts';
import { equalSharesAdd1, equalSharesDetails } from './add1.ts';
import type { MesRun } from './engine.ts';
import { buildMesInstance, type MesInstance } from './instance.ts';

interface Variant {
  readonly add1: boolean;
  readonly then: 'nothing' | 'greedy' | 'comparison';
}

function explainRun(ctx: RuleContext, inst: MesInstance, run: MesRun, out: OutcomeBuilder): void {
  const { projects } = ctx.election;
  for (const p of inst.free) out.fund(p, { code: 'MES_FUNDED_FREE', params: { supporters: inst.supporterCount[p]! } });
  run.rounds.forEach((round, i) => {
    const p = round.project;
    if (round.tied.length > 1) out.tieBreaks.push(ctx.ties.record(`equal shares round ${i + 1}`, round.tied));
    out.fund(p, {
      code: 'MES_FUNDED',
      params: {
        round: i + 1,
        supporters: round.supporters,
        payers: round.payers,
        minPayment: money(round.minPayment),
        maxPayment: money(round.maxPayment),
        cost: money(projects[p]!.cost),
      },
    });
  });
  projects.forEach((project, p) => {
    if (out.isFunded(p)) return;
    if (inst.supporterCount[p] === 0) out.explain(p, { code: 'NO_SUPPORT', params: {} });
    else {
      out.explain(p, {
        code: 'MES_NOT_REACHED',
        params: { supporters: inst.supporterCount[p]!, available: money(run.available?.get(p) ?? Rational.ZERO), cost: money(project.cost) },
      });
    }
  });
}

/** Ballots preferring each outcome, satisfaction = number of funded projects the ballot supports. */
function compareOutcomes(ctx: RuleContext, a: ReadonlySet<number>, b: ReadonlySet<number>): { prefersA: number; prefersB: number } {
  const { profile } = ctx;
  let prefersA = 0;
  let prefersB = 0;
  for (let ballot = 0; ballot < profile.nBallots; ballot++) {
    let sa = 0;
    let sb = 0;
    for (let k = profile.start[ballot]!; k < profile.start[ballot + 1]!; k++) {
      if (profile.points[k]! <= 0) continue;
      const p = profile.items[k]!;
      if (a.has(p)) sa++;
      if (b.has(p)) sb++;
    }
    if (sa > sb) prefersA++;
    else if (sb > sa) prefersB++;
  }
  return { prefersA, prefersB };
}

function runVariant(name: RuleName, election: Election, options: RuleOptions, variant: Variant): Result<Outcome> {
  const prepared = prepareContext(election, options);
  if (!prepared.ok) return prepared;
  const ctx = prepared.value;
  const out = new OutcomeBuilder(ctx);
  const nBallots = ctx.profile.nBallots;
  if (nBallots === 0) {
    election.projects.forEach((_, p) => out.explain(p, { code: 'NO_SUPPORT', params: {} }));
    const zero: EqualSharesSummary = { initialVoterBudget: Rational.ZERO, finalVoterBudget: Rational.ZERO, add1Increments: 0, runs: 0 };
    return ok(out.build(name, { equalShares: zero }));
  }
  const inst = buildMesInstance(ctx);
  const { run, increments, runs, certificates } = variant.add1
    ? equalSharesAdd1(inst)
    : { run: equalSharesDetails(inst, 0), increments: 0n, runs: 1, certificates: 0 };
  explainRun(ctx, inst, run, out);
  const equalShares: EqualSharesSummary = {
    initialVoterBudget: election.budget.divInt(BigInt(nBallots)),
    finalVoterBudget: run.voterBudget,
    add1Increments: Number(increments),
    runs,
    certificates,
  };

  if (variant.then === 'greedy') {
    const left = inst.candidates.filter((p) => !out.isFunded(p));
    greedyPass(ctx, left, election.budget.sub(out.spent()), out, { noSkip: false, completion: true });
  }
  if (variant.then === 'comparison') {
    const greedy = greedyRule.run(election, options);
    if (!greedy.ok) return greedy;
    const index = new Map(election.projects.map((p, i) => [p.id, i]));
    const greedySet = new Set(greedy.value.selected.map((id) => index.get(id)!));
    const { prefersA: prefersEqualShares, prefersB: prefersGreedy } = compareOutcomes(ctx, new Set(out.selected), greedySet);
    if (prefersGreedy > prefersEqualShares) {
      // The comparison step keeps Equal Shares unless strictly more voters prefer the greedy outcome;
      // then every verdict is greedy's, and says first why.
      const why = { code: 'COMPARISON_GREEDY_USED', params: { prefersGreedy, prefersEqualShares } } as const;
      return ok({
        ...greedy.value,
        rule: name,
        verdicts: greedy.value.verdicts.map((v) => ({ ...v, reasons: [why, ...v.reasons] })),
        equalShares,
        comparison: { prefersEqualShares, prefersGreedy, used: 'greedy' },
      });
    }
    return ok(out.build(name, { equalShares, comparison: { prefersEqualShares, prefersGreedy, used: 'equal-shares' } }));
  }
  return ok(out.build(name, { equalShares }));
}

const rule = (name: RuleName, variant: Variant, en: string, es: string): OutcomeRule => ({
  name,
  description: { en, es },
  run: (election, options = {}) => runVariant(name, election, options, variant),
});

export const mesRule = rule(
  'mes',
  { add1: false, then: 'nothing' },
  'Method of Equal Shares: each voter gets an equal part of the budget; projects are bought, cheapest share first, by the supporters who can still pay.',
  'Método de Partes Iguales: cada votante recibe una parte igual del presupuesto; los proyectos se compran, primero el de menor cuota, con el dinero de quienes los apoyan.',
);
export const mesAdd1Rule = rule(
  'mes-add1',
  { add1: true, then: 'nothing' },
  'Equal Shares, raising every voter budget one currency unit at a time until the outcome is exhaustive or would exceed the budget.',
  'Partes Iguales, subiendo el presupuesto de cada votante de a una unidad monetaria hasta que el resultado sea exhaustivo o supere el presupuesto.',
);
export const mesGreedyRule = rule(
  'mes-greedy',
  { add1: false, then: 'greedy' },
  'Equal Shares, then greedy on the money left.',
  'Partes Iguales y luego la regla voraz con el dinero restante.',
);
export const mesAdd1GreedyRule = rule(
  'mes-add1-greedy',
  { add1: true, then: 'greedy' },
  'Equal Shares with the add1 completion, then greedy on the money left.',
  'Partes Iguales con el completado add1 y luego la regla voraz con el dinero restante.',
);
export const mesAdd1ComparisonRule = rule(
  'mes-add1-comparison',
  { add1: true, then: 'comparison' },
  'Equal Shares with add1, kept unless strictly more voters prefer the greedy outcome (more funded projects they support).',
  'Partes Iguales con add1, salvo que estrictamente más votantes prefieran el resultado voraz (más proyectos financiados que apoyan).',
);
