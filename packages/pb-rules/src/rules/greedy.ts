/**
 * Greedy rules: rank projects by total utility per unit of cost (with the default `cost` utility: by
 * number of supporters), then go down the ranking funding each project that still fits.
 */
import { Rational } from '../arith/rational.ts';
import { codedError, fail, ok, type Result } from '../errors/catalogue.ts';
import type { Election } from '../model/types.ts';
import { densityKindOf, densityOf, money, prepareContext, scoreKindOf, scoreOf, type RuleContext } from './context.ts';
import { OutcomeBuilder } from './outcome.ts';
import type { Outcome, OutcomeRule, RuleName, RuleOptions } from './types.ts';

/** Candidates in ranking order (highest density first, ties by the tie rule), with tie records. */
export function greedyRanking(ctx: RuleContext, candidates: readonly number[], out: OutcomeBuilder, stage: string): number[] {
  const key = new Map(candidates.map((p) => [p, densityOf(ctx, p)]));
  const cmpKey = (a: number, b: number): number => {
    const ka = key.get(a)!;
    const kb = key.get(b)!;
    if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? -1 : 1;
    return kb.cmp(ka);
  };
  const order = [...candidates].sort((a, b) => cmpKey(a, b) || ctx.ties.rank[a]! - ctx.ties.rank[b]!);
  for (let i = 0; i < order.length; ) {
    let j = i + 1;
    while (j < order.length && cmpKey(order[i]!, order[j]!) === 0) j++;
    if (j - i > 1) out.tieBreaks.push(ctx.ties.record(stage, order.slice(i, j)));
    i = j;
  }
  return order;
}

export interface GreedyPass {
  readonly noSkip: boolean;
  /** Exclusion groups: project index -> group number (greedy-exclusive). */
  readonly groups?: ReadonlyMap<number, number>;
  /** With noSkip: the first project that does not fit is funded anyway when this share of it is left (greedy-custom). */
  readonly reserveShare?: Rational;
  /** Explain as a completion step after Equal Shares rather than as the rule itself. */
  readonly completion: boolean;
}

/** Walks the ranking with the money left, funding what fits; returns the money left at the end. */
export function greedyPass(ctx: RuleContext, candidates: readonly number[], remaining: Rational, out: OutcomeBuilder, pass: GreedyPass): Rational {
  const { projects } = ctx.election;
  const order = greedyRanking(ctx, candidates, out, pass.completion ? 'completion ranking' : 'greedy ranking');
  const scoreKind = densityKindOf(ctx.utility);
  let stoppedAt: number | null = null;
  const groupTakenBy = new Map<number, number>();
  order.forEach((p, i) => {
    const rank = i + 1;
    const cost = projects[p]!.cost;
    if (stoppedAt !== null) {
      out.explain(p, { code: 'GREEDY_NOT_REACHED', params: { rank, stoppedAt: projects[stoppedAt]!.id } });
      return;
    }
    const group = pass.groups?.get(p);
    const taken = group === undefined ? undefined : groupTakenBy.get(group);
    if (taken !== undefined) {
      out.explain(p, { code: 'GREEDY_EXCLUDED', params: { rank, by: projects[taken]!.id } });
      return;
    }
    const density = densityOf(ctx, p);
    const score = density === null ? 'Infinity' : density.toDecimalString(8);
    if (cost.le(remaining)) {
      const params = { rank, remaining: money(remaining), cost: money(cost) };
      out.fund(p, pass.completion ? { code: 'COMPLETION_FUNDED', params } : { code: 'GREEDY_FUNDED', params: { ...params, score, scoreKind } });
      remaining = remaining.sub(cost);
      if (group !== undefined) groupTakenBy.set(group, p);
    } else if (pass.noSkip && pass.reserveShare && remaining.ge(cost.mul(pass.reserveShare))) {
      // Funded from reserve funds outside the budget, and the count stops there.
      stoppedAt = p;
      const share = pass.reserveShare.mulInt(100n).toDecimalString(2);
      out.fund(p, { code: 'GREEDY_RESERVE_FUNDED', params: { rank, remaining: money(remaining), cost: money(cost), share } });
      remaining = remaining.sub(cost);
    } else if (pass.noSkip) {
      stoppedAt = p;
      out.explain(p, { code: 'GREEDY_STOPPED_HERE', params: { rank, remaining: money(remaining), cost: money(cost) } });
    } else {
      const params = { rank, remaining: money(remaining), cost: money(cost) };
      out.explain(p, pass.completion ? { code: 'COMPLETION_SKIPPED', params } : { code: 'GREEDY_SKIPPED', params: { ...params, score, scoreKind } });
    }
  });
  return remaining;
}

/** Projects that take part: supported, and at or above the threshold when there is one. */
export function eligibleProjects(ctx: RuleContext, out: OutcomeBuilder): number[] {
  const eligible: number[] = [];
  ctx.election.projects.forEach((_, p) => {
    if (ctx.supporters[p] === 0) {
      out.explain(p, { code: 'NO_SUPPORT', params: {} });
      return;
    }
    const score = scoreOf(ctx, p);
    if (ctx.threshold !== null && score.lt(ctx.threshold)) {
      out.explain(p, { code: 'BELOW_THRESHOLD', params: { score: score.toDecimalString(2), scoreKind: scoreKindOf(ctx.utility), threshold: ctx.threshold.toDecimalString(2) } });
      return;
    }
    eligible.push(p);
  });
  return eligible;
}

/** Exclusion groups as project index -> group; an unknown project or one in two groups is a coded error. */
function exclusionGroups(election: Election, groups: readonly (readonly string[])[]): Result<Map<number, number>> {
  const index = new Map(election.projects.map((p, i) => [p.id, i]));
  const byProject = new Map<number, number>();
  for (const [g, group] of groups.entries()) {
    for (const id of group) {
      const p = index.get(id);
      if (p === undefined) return fail(codedError('UNKNOWN_PROJECT', { project: id }));
      if (byProject.has(p)) return fail(codedError('EXCLUSIVE_GROUPS_OVERLAP', { project: id }));
      byProject.set(p, g);
    }
  }
  return ok(byProject);
}

/** Poznań's reserve: the first project that does not fit is funded when 80% of its cost is left. */
export const DEFAULT_RESERVE_SHARE = '0.8';

function runGreedy(name: RuleName, election: Election, options: RuleOptions, noSkip: boolean): Result<Outcome> {
  const prepared = prepareContext(election, options);
  if (!prepared.ok) return prepared;
  const ctx = prepared.value;
  if (name === 'greedy-threshold' && ctx.threshold === null) return fail(codedError('THRESHOLD_REQUIRED'));
  let groups: Map<number, number> | undefined;
  if (name === 'greedy-exclusive') {
    const built = exclusionGroups(election, options.exclusive ?? []);
    if (!built.ok) return built;
    groups = built.value;
  }
  let reserveShare: Rational | undefined;
  if (name === 'greedy-custom') {
    const share = Rational.parse(String(options.reserveShare ?? DEFAULT_RESERVE_SHARE));
    if (!share || share.sign() < 0 || share.gt(Rational.ONE)) return fail(codedError('INVALID_RESERVE_SHARE', { share: String(options.reserveShare) }));
    reserveShare = share;
  }
  const out = new OutcomeBuilder(ctx);
  greedyPass(ctx, eligibleProjects(ctx, out), election.budget, out, {
    noSkip,
    completion: false,
    ...(groups ? { groups } : {}),
    ...(reserveShare ? { reserveShare } : {}),
  });
  return ok(out.build(name));
}

export const greedyRule: OutcomeRule = {
  name: 'greedy',
  description: {
    en: 'Rank projects by votes (total utility per unit of cost); fund each in turn if it still fits, skipping those that do not.',
    es: 'Ordena los proyectos por votos (utilidad total por unidad de costo); financia cada uno si aún cabe, omitiendo los que no caben.',
  },
  run: (election, options = {}) => runGreedy('greedy', election, options, false),
};

export const greedyNoSkipRule: OutcomeRule = {
  name: 'greedy-no-skip',
  description: {
    en: 'Like greedy, but the count stops at the first project that does not fit.',
    es: 'Como la voraz, pero el conteo se detiene en el primer proyecto que no cabe.',
  },
  run: (election, options = {}) => runGreedy('greedy-no-skip', election, options, true),
};

export const greedyExclusiveRule: OutcomeRule = {
  name: 'greedy-exclusive',
  description: {
    en: 'Greedy with exclusion groups: once a project of a group is funded, the others of its group are not (Warsaw).',
    es: 'Voraz con grupos excluyentes: financiado un proyecto de un grupo, los demás de ese grupo no se financian (Varsovia).',
  },
  run: (election, options = {}) => runGreedy('greedy-exclusive', election, options, false),
};

export const greedyCustomRule: OutcomeRule = {
  name: 'greedy-custom',
  description: {
    en: 'Greedy that stops at the first project that does not fit, funding it from reserve funds when 80% of its cost is left (Poznań).',
    es: 'Voraz que se detiene en el primer proyecto que no cabe, y lo financia con fondos de reserva si queda el 80% de su costo (Poznań).',
  },
  run: (election, options = {}) => runGreedy('greedy-custom', election, options, true),
};

export const greedyThresholdRule: OutcomeRule = {
  name: 'greedy-threshold',
  description: {
    en: 'Greedy among the projects whose support reaches a minimum threshold.',
    es: 'Voraz entre los proyectos cuyo apoyo alcanza un umbral mínimo.',
  },
  run: (election, options = {}) => runGreedy('greedy-threshold', election, options, false),
};
