/**
 * Properties on random small elections (fast-check): budget respected by every rule, the fast Equal
 * Shares engine and the jumping add1 equal their reference implementations, Equal Shares outcomes are
 * priceable, greedy follows a unanimous order, and no outcome depends on the order of the ballots.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fastRun, resumeFastRun } from '../src/rules/equal-shares/fast.ts';
import { certifyRange } from '../src/rules/equal-shares/range.ts';
import { replayEqualShares } from '../src/rules/equal-shares/replay.ts';
import {
  buildMesInstance,
  computeOutcome,
  createElection,
  equalSharesAdd1Naive,
  equalSharesReference,
  prepareContext,
  Rational,
  RULE_NAMES,
  runEqualShares,
  UTILITY_KINDS,
  type Ballot,
  type Election,
  type MesRound,
  type RuleOptions,
  type TieRule,
  type UtilityKind,
} from '../src/index.ts';

interface Spec {
  budget: string;
  costs: string[];
  ballots: { picks: number[]; points: number[] }[];
  cumulative: boolean;
}

const costArb = fc.oneof(fc.integer({ min: 1, max: 20 }).map(String), fc.integer({ min: 1, max: 40 }).map((x) => (x / 2).toFixed(1)), fc.constant('0'));
const specArb: fc.Arbitrary<Spec> = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    budget: fc.integer({ min: 3, max: 60 }).map(String),
    cumulative: fc.boolean(),
    ballots: fc.array(fc.record({ mask: fc.integer({ min: 0, max: 63 }), points: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 6, maxLength: 6 }) }), { maxLength: 10 }),
    costs: fc.array(costArb, { minLength: 6, maxLength: 6 }),
  })
  .map(({ n, budget, cumulative, ballots, costs }) => ({
    budget,
    cumulative,
    costs: costs.slice(0, n),
    ballots: ballots.map(({ mask, points }) => {
      const picks = [...Array(n).keys()].filter((i) => (mask >> i) & 1);
      return { picks, points: picks.map((i) => points[i]!) };
    }),
  }));

/**
 * Tighter elections for add1: more voters, costs large against the budget, so many units get added;
 * sometimes with a clone of the first project (same cost, same supporters), so exact ties persist.
 */
const hardSpecArb: fc.Arbitrary<Spec> = fc
  .record({
    n: fc.integer({ min: 2, max: 6 }),
    budget: fc.integer({ min: 5, max: 30 }).map(String),
    cumulative: fc.boolean(),
    clone: fc.boolean(),
    ballots: fc.array(fc.record({ mask: fc.integer({ min: 1, max: 63 }), points: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }) }), { minLength: 3, maxLength: 14 }),
    costs: fc.array(fc.oneof(fc.integer({ min: 2, max: 30 }).map(String), fc.integer({ min: 4, max: 60 }).map((x) => (x / 4).toFixed(2))), { minLength: 6, maxLength: 6 }),
  })
  .map(({ n, budget, cumulative, clone, ballots, costs }) => ({
    budget,
    cumulative,
    costs: clone ? [...costs.slice(0, n), costs[0]!] : costs.slice(0, n),
    ballots: ballots.map(({ mask, points }) => {
      const picks = [...Array(n).keys()].filter((i) => (mask >> i) & 1);
      if (clone && picks.includes(0)) picks.push(n);
      return { picks, points: picks.map((i) => points[i === n ? 0 : i]!) };
    }),
  }));

function toElection(spec: Spec, order?: number[]): Election {
  const ballots: Ballot[] = spec.ballots.map((b) => ({ projects: b.picks.map((i) => `p${i}`), ...(spec.cumulative ? { points: b.points } : {}) }));
  const r = createElection({
    budget: spec.budget,
    settings: spec.cumulative ? { kind: 'cumulative', totalPoints: 18 } : { kind: 'approval' },
    projects: spec.costs.map((cost, i) => ({ id: `p${i}`, cost })),
    ballots: order ? order.map((i) => ballots[i]!) : ballots,
  });
  if (!r.ok) throw new Error('generator produced an invalid election');
  return r.value;
}

const tiesArb: fc.Arbitrary<TieRule> = fc.constantFrom<TieRule>({ kind: 'declared' }, { kind: 'id' }, { kind: 'lottery', seed: 'prop' });
const utilityArb: fc.Arbitrary<UtilityKind> = fc.constantFrom(...UTILITY_KINDS);

function outcome(e: Election, rule: string, options: RuleOptions) {
  const r = computeOutcome(e, rule, options);
  if (!r.ok) throw new Error(r.errors.map((x) => x.code).join());
  return r.value;
}

/**
 * An independent check that an Equal Shares selection is what the rule's definition gives at this
 * per-voter budget: replayed round by round with per-voter exact budgets, each purchase is affordable,
 * has the smallest share ρ among affordable projects, nobody pays more than they hold, and at the end
 * no unfunded supported project can be paid by its supporters' leftovers.
 */
function checkPriceable(e: Election, utility: UtilityKind, voterBudget: Rational, selected: readonly string[]): void {
  const budgets = e.ballots.map(() => voterBudget);
  const index = new Map(e.projects.map((p, i) => [p.id, i]));
  const supporters = e.projects.map((project) => {
    const list: { voter: number; u: Rational }[] = [];
    e.ballots.forEach((b, voter) => {
      const k = b.projects.indexOf(project.id);
      if (k < 0) return;
      const points = Rational.of(b.points?.[k] ?? 1);
      const u = utility === 'cost' ? project.cost : utility === 'approval' ? Rational.ONE : utility === 'points' ? points : project.cost.mul(points);
      list.push({ voter, u });
    });
    return list;
  });
  const rho = (p: number): Rational | null => {
    const list = supporters[p]!;
    const cost = e.projects[p]!.cost;
    if (Rational.sum(list.map((s) => budgets[s.voter]!)).lt(cost)) return null;
    // ρ is the smallest value with Σ min(budget, ρ·u) ≥ cost: try each candidate breakpoint exactly.
    const candidates = [...list.map((s) => budgets[s.voter]!.div(s.u))];
    let best: Rational | null = null;
    for (const c of candidates) {
      const paidCapped = Rational.sum(list.filter((s) => budgets[s.voter]!.div(s.u).lt(c)).map((s) => budgets[s.voter]!));
      const uRest = Rational.sum(list.filter((s) => budgets[s.voter]!.div(s.u).ge(c)).map((s) => s.u));
      const r = cost.sub(paidCapped).div(uRest);
      const collected = Rational.sum(list.map((s) => Rational.min(budgets[s.voter]!, r.mul(s.u))));
      if (collected.eq(cost) && (best === null || r.lt(best))) best = r;
    }
    return best;
  };
  const chosen = new Set<number>();
  for (const id of selected) {
    const p = index.get(id)!;
    const project = e.projects[p]!;
    if (project.cost.isZero()) {
      chosen.add(p);
      continue;
    }
    const r = rho(p);
    expect(r, `${id} must be affordable when bought`).not.toBeNull();
    for (let q = 0; q < e.projects.length; q++) {
      if (chosen.has(q) || q === p || supporters[q]!.length === 0 || e.projects[q]!.cost.isZero()) continue;
      const rq = rho(q);
      if (rq !== null) expect(r!.le(rq), `${id} must have the smallest share`).toBe(true);
    }
    for (const s of supporters[p]!) {
      const pay = Rational.min(budgets[s.voter]!, r!.mul(s.u));
      budgets[s.voter] = budgets[s.voter]!.sub(pay);
      expect(budgets[s.voter]!.sign()).toBeGreaterThanOrEqual(0);
    }
    chosen.add(p);
  }
  e.projects.forEach((project, p) => {
    if (chosen.has(p) || supporters[p]!.length === 0) return;
    const leftovers = Rational.sum(supporters[p]!.map((s) => budgets[s.voter]!));
    expect(leftovers.lt(project.cost), `${project.id} could still be bought`).toBe(true);
  });
}

describe('properties', () => {
  it('no rule spends more than the budget, except greedy-custom by at most a fifth of its last project', () => {
    fc.assert(
      fc.property(specArb, utilityArb, tiesArb, (spec, utility, ties) => {
        const e = toElection(spec);
        for (const rule of RULE_NAMES) {
          const o = outcome(e, rule, { utility, ties, ...(rule === 'greedy-threshold' ? { threshold: 2 } : {}) });
          if (rule === 'greedy-custom') {
            // Reserve funds pay for what the 80% left does not cover of the last project, nothing more.
            const last = e.projects.find((p) => p.id === o.selected.at(-1));
            const allowed = last ? e.budget.add(last.cost.mul(Rational.parse('0.2')!)) : e.budget;
            expect(o.cost.le(allowed), rule).toBe(true);
          } else expect(o.cost.le(e.budget), rule).toBe(true);
          expect(o.cost.add(o.leftover).eq(e.budget)).toBe(true);
          expect(new Set(o.selected).size).toBe(o.selected.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the Equal Shares engine gives the reference implementation outcome, at any per-voter budget', () => {
    fc.assert(
      fc.property(specArb, utilityArb, tiesArb, fc.integer({ min: 0, max: 12 }), (spec, utility, ties, extra) => {
        const e = toElection(spec);
        const ctx = prepareContext(e, { utility, ties });
        if (!ctx.ok || e.ballots.length === 0) return;
        const viaRule = outcome(e, 'mes', { utility, ties }).selected;
        const start = e.budget.divInt(BigInt(e.ballots.length));
        const reference = equalSharesReference(ctx.value, start).map((p) => e.projects[p]!.id);
        expect(viaRule).toEqual(reference);
        // At a larger per-voter budget, through the engine directly.
        const run = runEqualShares(buildMesInstance(ctx.value), BigInt(extra));
        expect(run.selected.map((p) => e.projects[p]!.id)).toEqual(equalSharesReference(ctx.value, start.add(Rational.of(extra))).map((p) => e.projects[p]!.id));
      }),
      { numRuns: 300 },
    );
  });

  it('add1 by jumping gives exactly the naive add1 outcome', () => {
    fc.assert(
      fc.property(fc.oneof(specArb, hardSpecArb), utilityArb, tiesArb, (spec, utility, ties) => {
        const e = toElection(spec);
        const ctx = prepareContext(e, { utility, ties });
        if (!ctx.ok) return;
        const naive = equalSharesAdd1Naive(ctx.value);
        const fast = outcome(e, 'mes-add1', { utility, ties });
        expect(fast.selected).toEqual(naive.selected.map((p) => e.projects[p]!.id));
        expect(fast.equalShares!.add1Increments).toBe(naive.increments);
      }),
      { numRuns: 500 },
    );
  });

  it('a range certificate holds: every step of the range buys the same projects in the same order', () => {
    let certified = 0;
    fc.assert(
      fc.property(fc.oneof(specArb, hardSpecArb), utilityArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 40 }), (spec, utility, start, span) => {
        const e = toElection(spec);
        const ctx = prepareContext(e, { utility });
        if (!ctx.ok || e.ballots.length === 0) return;
        const inst = buildMesInstance(ctx.value);
        const base = fastRun(inst, start);
        const range = certifyRange(inst, base, span);
        if (range === null) return;
        certified++;
        expect(range.selected).toEqual(base.selected);
        const voterBudget = e.budget.divInt(BigInt(e.ballots.length));
        for (let step = start; step <= start + span; step++) {
          expect(equalSharesReference(ctx.value, voterBudget.add(Rational.of(step))), `step ${step}`).toEqual(base.selected);
        }
      }),
      { numRuns: 1500 },
    );
    // The property is not vacuous: many random ranges are certified.
    expect(certified).toBeGreaterThan(100);
  });

  it('add1 then greedy gives the naive add1 outcome completed by greedy', () => {
    fc.assert(
      fc.property(fc.oneof(specArb, hardSpecArb), utilityArb, (spec, utility) => {
        const e = toElection(spec);
        const ctx = prepareContext(e, { utility });
        if (!ctx.ok) return;
        const naive = equalSharesAdd1Naive(ctx.value).selected.map((p) => e.projects[p]!.id);
        const withGreedy = outcome(e, 'mes-add1-greedy', { utility });
        // Greedy only adds projects after the Equal Shares ones, in its own order.
        expect(withGreedy.selected.slice(0, naive.length)).toEqual(naive);
        let left = e.budget;
        for (const id of withGreedy.selected) left = left.sub(e.projects.find((p) => p.id === id)!.cost);
        expect(left.sign()).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('what a run certifies holds: the outcome is the same at every step it covers', () => {
    fc.assert(
      fc.property(fc.oneof(specArb, hardSpecArb), utilityArb, fc.integer({ min: 0, max: 10 }), (spec, utility, start) => {
        const e = toElection(spec);
        const ctx = prepareContext(e, { utility });
        if (!ctx.ok || e.ballots.length === 0) return;
        const inst = buildMesInstance(ctx.value);
        const t = BigInt(start);
        const run = runEqualShares(inst, t, { track: true, certify: [1n, 2n, 4n, 8n, 16n, 32n] });
        // Steps covered: [t, t + certified] by the ladder, [t, t + breakpoint) by tracking (capped at 40).
        let last = t + run.certified;
        if (run.breakpoint !== null) {
          const bp = run.breakpoint.ceil();
          if (t + bp - 1n > last) last = t + bp - 1n;
        } else last = t + 40n;
        if (last > t + 40n) last = t + 40n;
        for (let step = t + 1n; step <= last; step++) {
          expect(runEqualShares(inst, step).selected, `step ${step}`).toEqual(run.selected);
        }
      }),
      {
        numRuns: 4000,
        // A case where a rival evaluated in a later round would overtake the winner with more money.
        examples: [
          [
            {
              budget: '5',
              cumulative: true,
              costs: ['12.75', '1.00', '13.00'],
              ballots: [
                { picks: [0], points: [1] },
                { picks: [0], points: [4] },
                { picks: [2], points: [1] },
                { picks: [1, 2], points: [1, 1] },
                { picks: [1], points: [1] },
                { picks: [2], points: [3] },
              ],
            },
            'points',
            6,
          ],
          // A skipped project that overtakes the winner with more money.
          [
            {
              budget: '25',
              cumulative: true,
              costs: ['0.5', '0', '16.5', '1', '0', '0.5'],
              ballots: [
                { picks: [], points: [] },
                { picks: [0, 1, 2, 3, 4, 5], points: [2, 1, 1, 3, 1, 1] },
                { picks: [0, 1, 3, 4], points: [2, 1, 2, 1] },
                { picks: [2, 3, 4, 5], points: [3, 1, 1, 2] },
              ],
            },
            'cost-points',
            3,
          ],
          // Lower bounds of budgets after a purchase must charge the full upper share.
          [
            {
              budget: '5',
              cumulative: false,
              costs: ['18', '15', '13', '15', '1.50', '16'],
              ballots: [
                { picks: [0, 4, 5], points: [1, 1, 1] },
                { picks: [2], points: [1] },
                { picks: [0, 3, 4], points: [1, 1, 1] },
                { picks: [0, 1, 2, 3, 4, 5], points: [1, 1, 1, 1, 1, 1] },
                { picks: [0, 3], points: [1, 1] },
                { picks: [0, 1, 3, 4, 5], points: [1, 1, 1, 1, 1] },
                { picks: [0, 1, 2, 4, 5], points: [1, 1, 1, 1, 1] },
              ],
            },
            'approval',
            9,
          ],
        ],
      },
    );
  });

  it('the floating-point engine gives the exact engine outcome and ties, or declines', () => {
    let declined = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(specArb, hardSpecArb), utilityArb, tiesArb, fc.integer({ min: 0, max: 30 }), (spec, utility, ties, t) => {
        const e = toElection(spec);
        const ctx = prepareContext(e, { utility, ties });
        if (!ctx.ok || e.ballots.length === 0) return;
        const inst = buildMesInstance(ctx.value);
        const fast = fastRun(inst, t);
        runs++;
        if (!fast.certain) {
          declined++;
          return;
        }
        const exact = runEqualShares(inst, BigInt(t), { details: true });
        expect(fast.selected).toEqual(exact.selected);
        expect(fast.cost).toBe(exact.cost);
        expect(fast.rounds.map((r) => [...r.tied].sort())).toEqual(exact.rounds.map((r) => [...r.tied].sort()));
        // The exact replay of those purchases gives the exact engine's payments and leftovers.
        const replay = replayEqualShares(inst, BigInt(t), fast.rounds);
        const detail = (r: MesRound) => [r.project, r.supporters, r.payers, r.minPayment.toString(), r.maxPayment.toString()];
        expect(replay.rounds.map(detail)).toEqual(exact.rounds.map(detail));
        expect([...replay.available!].map(([p, x]) => [p, x.toString()])).toEqual([...exact.available!].map(([p, x]) => [p, x.toString()]));
      }),
      { numRuns: 3000 },
    );
    // Small random numbers make exact coincidences common; still most runs must be proven.
    expect(declined).toBeLessThan(runs / 4);
  });

  it('what a floating-point run vouches for holds, and a resumed run equals a fresh one', () => {
    fc.assert(
      fc.property(fc.oneof(specArb, hardSpecArb), utilityArb, tiesArb, fc.integer({ min: 0, max: 10 }), (spec, utility, ties, t) => {
        const e = toElection(spec);
        const ctx = prepareContext(e, { utility, ties });
        if (!ctx.ok || e.ballots.length === 0) return;
        const inst = buildMesInstance(ctx.value);
        const run = fastRun(inst, t, { track: true });
        if (!run.certain) return;
        const last = Math.min(t + 40, Math.ceil(run.until) - 1);
        for (let step = t + 1; step <= last; step++) expect(runEqualShares(inst, BigInt(step)).selected, `step ${step}`).toEqual(run.selected);
        // Each round holds until its own bound, whatever the later rounds do.
        run.rounds.forEach((round, j) => {
          const until = Math.min(t + 40, Math.ceil(Math.min(...run.rounds.slice(0, j + 1).map((r) => r.until))) - 1);
          for (let step = t + 1; step <= until; step++) expect(runEqualShares(inst, BigInt(step)).selected[inst.free.length + j], `round ${j} step ${step}`).toBe(round.project);
        });
        for (const next of [t + 1, Math.ceil(run.until), Math.ceil(run.until) + 3]) {
          if (!Number.isFinite(next)) continue;
          const resumed = resumeFastRun(inst, run, next);
          const fresh = fastRun(inst, next, { track: true });
          if (!resumed.certain || !fresh.certain) continue;
          expect(resumed.selected).toEqual(fresh.selected);
          expect(resumed.cost).toBe(fresh.cost);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('Equal Shares outcomes are priceable under the rule own stopping condition', () => {
    fc.assert(
      fc.property(specArb, utilityArb, (spec, utility) => {
        const e = toElection(spec);
        if (e.ballots.length === 0) return;
        for (const rule of ['mes', 'mes-add1'] as const) {
          const o = outcome(e, rule, { utility });
          checkPriceable(e, utility, o.equalShares!.finalVoterBudget, o.selected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('greedy with identical point ballots funds in the voters order, skipping what does not fit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 5 }), (costs, budget, voters) => {
        // Every voter ranks p0 > p1 > ... (distinct points n, n−1, ...).
        const n = costs.length;
        const ballot = { projects: costs.map((_, i) => `p${i}`), points: costs.map((_, i) => n - i) };
        const r = createElection({ budget, settings: { kind: 'cumulative', totalPoints: 100 }, projects: costs.map((cost, i) => ({ id: `p${i}`, cost })), ballots: Array.from({ length: voters }, () => ballot) });
        if (!r.ok) throw new Error('bad');
        let left = budget;
        const expected: string[] = [];
        costs.forEach((cost, i) => {
          if (cost <= left) {
            expected.push(`p${i}`);
            left -= cost;
          }
        });
        expect(outcome(r.value, 'greedy', { utility: 'cost-points' }).selected).toEqual(expected);
        const ranked = createElection({ budget, settings: { kind: 'ranked' }, projects: costs.map((cost, i) => ({ id: `p${i}`, cost })), ballots: Array.from({ length: voters }, () => ({ projects: ballot.projects })) });
        if (!ranked.ok) throw new Error('bad');
        expect(outcome(ranked.value, 'greedy', { utility: 'cost-points' }).selected).toEqual(expected);
      }),
    );
  });

  it('outcomes do not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(
        specArb.chain((spec) => fc.tuple(fc.constant(spec), fc.shuffledSubarray([...spec.ballots.keys()], { minLength: spec.ballots.length, maxLength: spec.ballots.length }))),
        utilityArb,
        ([spec, order], utility) => {
          const a = toElection(spec);
          const b = toElection(spec, order);
          for (const rule of RULE_NAMES) {
            const options = { utility, ...(rule === 'greedy-threshold' ? { threshold: 1 } : {}) };
            expect(outcome(b, rule, options).selected, rule).toEqual(outcome(a, rule, options).selected);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
