/**
 * Sequential Phragmén, for approval-like ballots (a listed project with positive points is approved;
 * points and ranks are ignored).
 *
 * Definition (pabutools `sequential_phragmen`): voters earn money continuously at the same rate, from 0.
 * A project is bought as soon as its supporters together hold its cost; buying it spends all their money,
 * so each supporter's "load" becomes the purchase time t = (cost + Σ supporters' loads) / #supporters.
 * Each round buys the project with the smallest such t (ties: the tie order). The rule stops when a
 * project tied for the smallest t does not fit in the money left. Projects costing more than the whole
 * budget are never considered.
 *
 * All supporters of a purchase end with the same load, so voters share a handful of load levels (kept
 * as integers over one common denominator) and a round sums a few exact numbers, not one per voter.
 */
import { gcd, Rational } from '../arith/rational.ts';
import { ok } from '../errors/catalogue.ts';
import { money, prepareContext } from './context.ts';
import { buildMesInstance } from './equal-shares/instance.ts';
import { OutcomeBuilder } from './outcome.ts';
import type { OutcomeRule } from './types.ts';

export const phragmenRule: OutcomeRule = {
  name: 'phragmen',
  description: {
    en: 'Sequential Phragmén: voters earn money at the same rate; a project is bought as soon as its supporters can pay for it together.',
    es: 'Phragmén secuencial: los votantes ganan dinero al mismo ritmo; un proyecto se compra en cuanto sus votantes pueden pagarlo juntos.',
  },
  run: (election, options = {}) => {
    const prepared = prepareContext(election, { ...options, utility: 'approval' });
    if (!prepared.ok) return prepared;
    const ctx = prepared.value;
    const out = new OutcomeBuilder(ctx);
    const inst = buildMesInstance(ctx);
    const { projects, budget } = election;

    // Load levels as integers over one common denominator D (scaled money): exact, and no gcd per sum.
    const levels: bigint[] = [0n];
    let D = 1n;
    const levelOf = new Int32Array(inst.nVoters);
    let remaining: number[] = [];
    projects.forEach((project, p) => {
      if (inst.supporterCount[p] === 0) out.explain(p, { code: 'NO_SUPPORT', params: {} });
      else if (project.cost.gt(budget)) out.explain(p, { code: 'OVER_BUDGET', params: { cost: money(project.cost), budget: money(budget) } });
      else remaining.push(p);
    });

    let spent = Rational.ZERO;
    let round = 0;
    let weights = new Float64Array(1);
    while (remaining.length > 0) {
      if (weights.length < levels.length) weights = new Float64Array(levels.length * 2);
      // Smallest purchase time (cost + Σ loads) / #supporters, as num / (D · #supporters).
      let minNum = 0n;
      let minDen = 1n;
      let tied: number[] = [];
      for (const p of remaining) {
        weights.fill(0, 0, levels.length);
        for (let k = inst.suppStart[p]!, end = inst.suppStart[p + 1]!; k < end; k++) {
          const v = inst.suppVoter[k]!;
          weights[levelOf[v]!]! += inst.mult[v]!;
        }
        let num = inst.cost[p]! * D;
        for (let l = 1; l < levels.length; l++) if (weights[l]! > 0) num += levels[l]! * BigInt(weights[l]!);
        const den = D * BigInt(inst.supporterCount[p]!);
        const c = tied.length === 0 ? -1 : num * minDen < minNum * den ? -1 : num * minDen > minNum * den ? 1 : 0;
        if (c < 0) {
          minNum = num;
          minDen = den;
          tied = [p];
        } else if (c === 0) tied.push(p);
      }
      if (tied.length === 0) break;
      tied.sort((a, b) => ctx.ties.rank[a]! - ctx.ties.rank[b]!);
      const left = budget.sub(spent);
      const blocking = tied.find((p) => projects[p]!.cost.gt(left));
      if (blocking !== undefined) {
        for (const p of remaining) {
          out.explain(p, { code: 'PHRAGMEN_STOPPED', params: { stoppedAt: projects[blocking]!.id, remaining: money(left), stopCost: money(projects[blocking]!.cost) } });
        }
        break;
      }
      round++;
      const chosen = tied[0]!;
      if (tied.length > 1) out.tieBreaks.push(ctx.ties.record(`phragmen round ${round}`, tied));
      // New level = minNum / minDen; bring every level to the common denominator lcm(D, minDen).
      const g = gcd(minNum, minDen);
      const num = minNum / g;
      const den = minDen / g;
      const scale = den / gcd(den, D);
      D *= scale;
      for (let l = 1; l < levels.length; l++) levels[l] = levels[l]! * scale;
      const level = levels.length;
      levels.push(num * (D / den));
      for (let k = inst.suppStart[chosen]!, end = inst.suppStart[chosen + 1]!; k < end; k++) levelOf[inst.suppVoter[k]!] = level;
      spent = spent.add(projects[chosen]!.cost);
      const load = Rational.fraction(num, den * inst.moneyScale);
      out.fund(chosen, { code: 'PHRAGMEN_FUNDED', params: { round, supporters: inst.supporterCount[chosen]!, load: money(load) } });
      remaining = remaining.filter((p) => p !== chosen);
    }
    return ok(out.build('phragmen'));
  },
};
