import { describe, expect, it } from 'vitest';
import { computeOutcome, formatExplanation, Rational, type Outcome } from '../src/index.ts';
import { election, times } from './helpers.ts';

function run(e: Parameters<typeof computeOutcome>[0], rule: string, options: Parameters<typeof computeOutcome>[2] = {}): Outcome {
  const r = computeOutcome(e, rule, options);
  if (!r.ok) throw new Error(r.errors.map((x) => x.code).join());
  return r.value;
}
const reasons = (o: Outcome, id: string) => o.verdicts.find((v) => v.projectId === id)!.reasons;

// Three voters with 10 each. S (6) is wanted by v1 alone, V (21) by everyone.
const sv = election(30, { S: 6, V: 21 }, [['S', 'V'], ['V'], ['V']]);

describe('Method of Equal Shares', () => {
  it('with cost utilities buys the project with the smallest share per unit of cost first', () => {
    // ρ(S) = 6 / 6 = 1 per unit of utility, ρ(V) = 21 / (3 · 21) = 1/3: V first (7 each), then v1 has 3 < 6.
    const o = run(sv, 'mes');
    expect(o.selected).toEqual(['V']);
    expect(reasons(o, 'V')).toEqual([{ code: 'MES_FUNDED', params: { round: 1, supporters: 3, payers: 3, minPayment: '7', maxPayment: '7', cost: '21' } }]);
    expect(reasons(o, 'S')).toEqual([{ code: 'MES_NOT_REACHED', params: { supporters: 1, available: '3', cost: '6' } }]);
    expect(formatExplanation(reasons(o, 'S')[0]!, 'en')).toBe("not reached: its 1 supporters' remaining budgets sum to 3 < cost 6");
    expect(formatExplanation(reasons(o, 'V')[0]!, 'es')).toBe('financiado en la ronda 1: sus 3 votantes pagaron 7 cada uno (costo 21)');
    expect(o.equalShares).toMatchObject({ add1Increments: 0, runs: 1 });
    expect(o.equalShares!.initialVoterBudget.eq(Rational.of(10))).toBe(true);
  });

  it('with approval utilities minimises the payment per supporter; a voter short of money pays all they have', () => {
    // ρ(S) = 6, ρ(V) = 7: S first; then V: v1 has 4 < 7, pays 4, the others pay (21 − 4) / 2 = 8.5.
    const o = run(sv, 'mes', { utility: 'approval' });
    expect(o.selected).toEqual(['S', 'V']);
    expect(reasons(o, 'V')[0]).toEqual({ code: 'MES_FUNDED', params: { round: 2, supporters: 3, payers: 3, minPayment: '4', maxPayment: '8.5', cost: '21' } });
    expect(formatExplanation(reasons(o, 'V')[0]!, 'en')).toBe('funded in round 2: its 3 supporters paid between 4 and 8.5 each (cost 21)');
  });

  it('buys supported free projects first and never an unsupported one', () => {
    const e = election(10, { F: 0, N: 1, A: 5 }, [['F', 'A'], ['A']]);
    const o = run(e, 'mes');
    expect(o.selected).toEqual(['F', 'A']);
    expect(reasons(o, 'F')).toEqual([{ code: 'MES_FUNDED_FREE', params: { supporters: 1 } }]);
    expect(reasons(o, 'N')).toEqual([{ code: 'NO_SUPPORT', params: {} }]);
  });

  it('with no ballots funds nothing', () => {
    const o = run(election(10, { A: 1 }, []), 'mes-add1');
    expect(o.selected).toEqual([]);
    expect(reasons(o, 'A')[0]!.code).toBe('NO_SUPPORT');
  });
});

// Three voters with 10 each: A (18) wanted by all, B (12) by v1 and v2, C (10) by v3.
const abc = election(30, { A: 18, B: 12, C: 10 }, [['A', 'B'], ['A', 'B'], ['A', 'C']]);

describe('completion', () => {
  it('plain Equal Shares leaves money unspent', () => {
    // A costs 6 each; then B: 4 + 4 < 12, C: 4 < 10.
    expect(run(abc, 'mes').selected).toEqual(['A']);
  });

  it('add1 raises every voter budget by one unit until the outcome is exhaustive', () => {
    // At 12 per voter: A (6 each), then B (6 each from v1, v2): cost 30, nothing else fits.
    const o = run(abc, 'mes-add1');
    expect(o.selected).toEqual(['A', 'B']);
    expect(o.equalShares).toMatchObject({ add1Increments: 2 });
    expect(o.equalShares!.finalVoterBudget.eq(Rational.of(12))).toBe(true);
    expect(reasons(o, 'C')[0]).toMatchObject({ code: 'MES_NOT_REACHED', params: { available: '6', cost: '10' } });
  });

  it('add1 returns the previous outcome as soon as one would exceed the budget', () => {
    // 4 voters, budget 2: v1..v3 want A and B, v4 wants C (all cost 1). At 0.5 each: A only. At 1.5 each:
    // A, B and C, over budget, so the outcome at 0.5 stays.
    const e = election(2, { A: 1, B: 1, C: 1 }, [...times(3, ['A', 'B']), ['C']]);
    const o = run(e, 'mes-add1');
    expect(o.selected).toEqual(['A']);
    expect(o.equalShares!.add1Increments).toBe(0);
    // Greedy on the money left then adds B.
    expect(run(e, 'mes-add1-greedy').selected).toEqual(['A', 'B']);
    expect(reasons(run(e, 'mes-add1-greedy'), 'B')).toEqual([
      { code: 'MES_NOT_REACHED', params: { supporters: 3, available: '0.5', cost: '1' } },
      { code: 'COMPLETION_FUNDED', params: { rank: 1, remaining: '1', cost: '1' } },
    ]);
    // The comparison step: the three voters of A and B all prefer greedy's {A, B}; v4 is indifferent.
    const c = run(e, 'mes-add1-comparison');
    expect(c.selected).toEqual(['A', 'B']);
    expect(c.comparison).toEqual({ prefersEqualShares: 0, prefersGreedy: 3, used: 'greedy' });
    expect(reasons(c, 'B').map((r) => r.code)).toEqual(['COMPARISON_GREEDY_USED', 'GREEDY_FUNDED']);
    expect(formatExplanation(reasons(c, 'B')[0]!, 'en')).toBe('greedy outcome used: 3 voters prefer it, 0 prefer the Equal Shares outcome');
  });

  it('mes-greedy completes plain Equal Shares with greedy', () => {
    const o = run(abc, 'mes-greedy');
    expect(o.selected).toEqual(['A', 'B']);
    expect(reasons(o, 'C').map((r) => r.code)).toEqual(['MES_NOT_REACHED', 'COMPLETION_SKIPPED']);
  });

  it('the comparison step keeps Equal Shares unless strictly more voters prefer greedy', () => {
    const o = run(abc, 'mes-add1-comparison');
    expect(o.comparison).toEqual({ prefersEqualShares: 0, prefersGreedy: 0, used: 'equal-shares' });
    expect(o.selected).toEqual(['A', 'B']);
  });
});

describe('ties under Equal Shares', () => {
  it('are reported with the criterion that decided them', () => {
    // X and Y: same cost and support, so the same ρ; the declared rule falls back to the id.
    const e = election(10, { Y: 5, X: 5 }, [['X', 'Y'], ['X', 'Y']]);
    const o = run(e, 'mes');
    expect(o.selected).toEqual(['X', 'Y']);
    expect(o.tieBreaks).toEqual([{ stage: 'equal shares round 1', order: ['X', 'Y'], by: 'id' }]);
  });
});

describe('sequential Phragmén', () => {
  // v1, v2 want A and C; v3 wants B; all cost 1, budget 2.
  const e = election(2, { A: 1, B: 1, C: 1 }, [['A', 'C'], ['A', 'C'], ['B']]);

  it('buys as soon as supporters can pay together, ties by the declared rule', () => {
    // A and C at time 0.5 (tie: same votes and cost, id); then C and B both at time 1: C has more votes.
    const o = run(e, 'phragmen');
    expect(o.selected).toEqual(['A', 'C']);
    expect(reasons(o, 'A')).toEqual([{ code: 'PHRAGMEN_FUNDED', params: { round: 1, supporters: 2, load: '0.5' } }]);
    expect(reasons(o, 'B')[0]).toEqual({ code: 'PHRAGMEN_STOPPED', params: { stoppedAt: 'B', remaining: '0', stopCost: '1' } });
    expect(o.tieBreaks.map((t) => [t.order, t.by])).toEqual([
      [['A', 'C'], 'id'],
      [['C', 'B'], 'votes'],
    ]);
  });

  it('with pabutools id ties takes B at time 1, then stops', () => {
    expect(run(e, 'phragmen', { ties: { kind: 'id' } }).selected).toEqual(['A', 'B']);
  });

  it('never considers a project costing more than the budget', () => {
    const o = run(election(2, { A: 3, B: 1 }, [['A', 'B']]), 'phragmen');
    expect(o.selected).toEqual(['B']);
    expect(reasons(o, 'A')[0]).toEqual({ code: 'OVER_BUDGET', params: { cost: '3', budget: '2' } });
  });
});
