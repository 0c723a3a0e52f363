import { describe, expect, it } from 'vitest';
import { computeOutcome, formatExplanation, lotteryOrder, type Outcome } from '../src/index.ts';
import { election, times } from './helpers.ts';

function run(e: Parameters<typeof computeOutcome>[0], rule: string, options: Parameters<typeof computeOutcome>[2] = {}): Outcome {
  const r = computeOutcome(e, rule, options);
  if (!r.ok) throw new Error(r.errors.map((x) => x.code).join());
  return r.value;
}
const reasons = (o: Outcome, id: string) => o.verdicts.find((v) => v.projectId === id)!.reasons;

// A: 5 votes, 60; B: 4 votes, 50; C: 3 votes, 30; D: no votes.
const abc = election(100, { A: 60, B: 50, C: 30, D: 10 }, [...times(2, ['A', 'B', 'C']), ...times(2, ['A', 'B']), ['A', 'C']]);

describe('greedy', () => {
  it('funds by votes, skipping a project that no longer fits and trying the next', () => {
    const o = run(abc, 'greedy');
    expect(o.selected).toEqual(['A', 'C']);
    expect(o.cost.toString()).toBe('90');
    expect(o.leftover.toString()).toBe('10');
    expect(reasons(o, 'B')).toEqual([{ code: 'GREEDY_SKIPPED', params: { rank: 2, score: '4', scoreKind: 'votes', remaining: '40', cost: '50' } }]);
    expect(formatExplanation(reasons(o, 'B')[0]!, 'en')).toBe('skipped: 40 left, costs 50');
    expect(formatExplanation(reasons(o, 'B')[0]!, 'es')).toBe('omitido: quedan 40, cuesta 50');
    expect(reasons(o, 'A')[0]).toMatchObject({ code: 'GREEDY_FUNDED', params: { rank: 1, remaining: '100' } });
    expect(reasons(o, 'D')).toEqual([{ code: 'NO_SUPPORT', params: {} }]);
  });

  it('greedy-no-skip stops at the first project that does not fit', () => {
    const o = run(abc, 'greedy-no-skip');
    expect(o.selected).toEqual(['A']);
    expect(reasons(o, 'B')[0]).toMatchObject({ code: 'GREEDY_STOPPED_HERE', params: { remaining: '40', cost: '50' } });
    expect(reasons(o, 'C')[0]).toEqual({ code: 'GREEDY_NOT_REACHED', params: { rank: 3, stoppedAt: 'B' } });
  });

  it('greedy-threshold leaves out projects below the minimum support', () => {
    const o = run(abc, 'greedy-threshold', { threshold: 4 });
    expect(o.selected).toEqual(['A']);
    expect(reasons(o, 'C')).toEqual([{ code: 'BELOW_THRESHOLD', params: { score: '3', scoreKind: 'votes', threshold: '4' } }]);
    expect(formatExplanation(reasons(o, 'C')[0]!, 'en')).toBe('below threshold: 3 votes, at least 4 needed to be eligible');
  });

  it('greedy-threshold without a threshold is a coded error', () => {
    const r = computeOutcome(abc, 'greedy-threshold');
    expect(r.ok ? null : r.errors[0]!.code).toBe('THRESHOLD_REQUIRED');
  });

  it('ranks by supporters per unit of cost with approval utilities', () => {
    // C: 3 votes / 30 = 0.1, then A: 5 / 60 ≈ 0.083, then B: 4 / 50 = 0.08.
    const o = run(abc, 'greedy', { utility: 'approval' });
    expect(o.selected).toEqual(['C', 'A']);
    expect(reasons(o, 'B')[0]).toMatchObject({ code: 'GREEDY_SKIPPED', params: { rank: 3, scoreKind: 'votes-per-cost', score: '0.08' } });
  });

  it('ranks cumulative ballots by total points with cost-points utilities', () => {
    const e = election(100, { A: 60, B: 60 }, [{ projects: ['A', 'B'], points: [1, 4] }, { projects: ['A'], points: [2] }], { kind: 'cumulative', totalPoints: 5 });
    expect(run(e, 'greedy').selected).toEqual(['A']); // by number of supporters
    expect(run(e, 'greedy', { utility: 'cost-points' }).selected).toEqual(['B']); // 4 points against 3
  });
});

describe('tie-breaking', () => {
  // Two projects with 2 votes each; X is cheaper, Y has the smaller id.
  const tied = election(100, { Y: 40, X: 30, Z: 70 }, [['X', 'Y', 'Z'], ['X', 'Y', 'Z'], ['Z']]);

  it('declared rule: more votes, then lower cost, then id; the outcome says which tie was broken how', () => {
    const o = run(tied, 'greedy');
    expect(o.selected).toEqual(['Z', 'X']);
    expect(o.tieBreaks).toEqual([{ stage: 'greedy ranking', order: ['X', 'Y'], by: 'cost' }]);
  });

  it('declared rule falls back to the id when votes and costs are equal', () => {
    const e = election(100, { B: 30, A: 30 }, [['A', 'B']]);
    const o = run(e, 'greedy-no-skip');
    expect(o.tieBreaks).toEqual([{ stage: 'greedy ranking', order: ['A', 'B'], by: 'id' }]);
  });

  it('id rule compares ids as text, as pabutools does', () => {
    const o = run(tied, 'greedy', { ties: { kind: 'id' } });
    expect(o.tieBreaks).toEqual([{ stage: 'greedy ranking', order: ['X', 'Y'], by: 'id' }]);
    const e = election(100, { '10': 50, '9': 50 }, [['10', '9']]);
    expect(run(e, 'greedy', { ties: { kind: 'id' } }).selected).toEqual(['10', '9']); // "10" < "9" as text
  });

  it('lottery: a permutation drawn from the seed, the same on every run', () => {
    const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
    expect(lotteryOrder(ids, 'ilo-2024')).toEqual(lotteryOrder([...ids].reverse(), 'ilo-2024'));
    expect(lotteryOrder(ids, 'ilo-2024').sort()).toEqual(ids);
    const orders = new Set(['s1', 's2', 's3', 's4', 's5'].map((seed) => lotteryOrder(ids, seed).join('')));
    expect(orders.size).toBeGreaterThan(1);
    const o = run(tied, 'greedy', { ties: { kind: 'lottery', seed: 'ilo-2024' } });
    expect(o.tieBreaks[0]!.by).toBe('lottery');
    const first = lotteryOrder(['X', 'Y', 'Z'], 'ilo-2024').filter((id) => id !== 'Z');
    expect(o.tieBreaks[0]!.order).toEqual(first);
  });
});

describe('rule names', () => {
  it('an unknown rule is a coded error listing the known ones', () => {
    const r = computeOutcome(abc, 'borda');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message.en).toMatch(/^unknown rule 'borda' \(known: greedy, /);
  });
});

describe('bad ballots reach no rule', () => {
  it('every rule answers a ballot naming an unknown project with a coded error and its place', () => {
    const e = { ...election(100, { A: 10 }, []), ballots: [{ projects: ['A'] }, { projects: ['A', 'Q'] }] };
    for (const rule of ['greedy', 'greedy-no-skip', 'mes', 'mes-add1', 'mes-add1-comparison', 'phragmen']) {
      const r = computeOutcome(e, rule);
      expect(r.ok, rule).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'UNKNOWN_PROJECT', ballot: 1, params: { project: 'Q' } });
    }
  });
  it('and a ballot naming a project twice, or points that do not align', () => {
    const twice = { ...election(100, { A: 10 }, []), ballots: [{ projects: ['A', 'A'] }] };
    const dup = computeOutcome(twice, 'mes');
    expect(dup.ok ? null : dup.errors[0]!.code).toBe('PROJECT_CHOSEN_TWICE');
    const cumulative = election(100, { A: 10 }, [], { kind: 'cumulative', totalPoints: 5 });
    const misaligned = { ...cumulative, ballots: [{ projects: ['A'], points: [] }] };
    const r = computeOutcome(misaligned, 'greedy');
    expect(r.ok ? null : r.errors[0]!.code).toBe('POINTS_MISALIGNED');
  });
});

describe('greedy-exclusive and greedy-custom', () => {
  it('greedy-exclusive: the first of an exclusion group funded excludes the rest of its group', () => {
    // A and C exclude each other: A comes first, so C is out and B (which no longer fits after A) stays out.
    const o = run(abc, 'greedy-exclusive', { exclusive: [['A', 'C']] });
    expect(o.selected).toEqual(['A']);
    expect(reasons(o, 'C')).toEqual([{ code: 'GREEDY_EXCLUDED', params: { rank: 3, by: 'A' } }]);
    expect(formatExplanation(reasons(o, 'C')[0]!, 'en')).toBe('not funded (rank 3): excludes project A, funded before it');
    expect(formatExplanation(reasons(o, 'C')[0]!, 'es')).toBe('no financiado (puesto 3): excluye al proyecto A, financiado antes');
    // A project excluded frees nothing; a group whose first member does not fit lets the next one in.
    const cheap = run(abc, 'greedy-exclusive', { exclusive: [['B', 'C']] });
    expect(cheap.selected).toEqual(['A', 'C']);
    // Without groups it is greedy.
    expect(run(abc, 'greedy-exclusive').selected).toEqual(run(abc, 'greedy').selected);
  });

  it('greedy-exclusive refuses unknown projects and overlapping groups', () => {
    expect(computeOutcome(abc, 'greedy-exclusive', { exclusive: [['A', 'Z']] })).toMatchObject({ ok: false, errors: [{ code: 'UNKNOWN_PROJECT' }] });
    expect(computeOutcome(abc, 'greedy-exclusive', { exclusive: [['A', 'B'], ['B', 'C']] })).toMatchObject({
      ok: false,
      errors: [{ code: 'EXCLUSIVE_GROUPS_OVERLAP' }],
    });
  });

  it('greedy-custom: the first project that does not fit is funded from reserve funds when 80% of it is left, then the count stops', () => {
    // After A (60), 40 are left; B costs 50: 40 >= 80% of 50, so B is funded beyond the budget.
    const o = run(abc, 'greedy-custom');
    expect(o.selected).toEqual(['A', 'B']);
    expect(o.cost.toString()).toBe('110');
    expect(o.leftover.toString()).toBe('-10');
    expect(reasons(o, 'B')).toEqual([{ code: 'GREEDY_RESERVE_FUNDED', params: { rank: 2, remaining: '40', cost: '50', share: '80' } }]);
    expect(formatExplanation(reasons(o, 'B')[0]!, 'en')).toBe(
      'funded from reserve funds (rank 2): it does not fit, but the 40 left cover at least 80% of its cost 50; the count stops here',
    );
    expect(reasons(o, 'C')).toEqual([{ code: 'GREEDY_NOT_REACHED', params: { rank: 3, stoppedAt: 'B' } }]);
    // With a 90% reserve rule, 40 of 50 is not enough: it is greedy-no-skip.
    expect(run(abc, 'greedy-custom', { reserveShare: '0.9' }).selected).toEqual(run(abc, 'greedy-no-skip').selected);
    expect(computeOutcome(abc, 'greedy-custom', { reserveShare: '1.5' })).toMatchObject({ ok: false, errors: [{ code: 'INVALID_RESERVE_SHARE' }] });
  });
});
