import { describe, expect, it } from 'vitest';
import { BALLOT_KINDS, createElection, Rational, validateBallot, validateBallots, type CodedError, type Election, type VoteSettings } from '../src/index.ts';

const costs = { P1: 400000, P2: 500000, P3: 300000, P9: 200000 };

function vote(settings: VoteSettings): Election {
  const built = createElection({ budget: 1000000, settings, projects: Object.entries(costs).map(([id, cost]) => ({ id, cost })) });
  if (!built.ok) throw new Error('bad test election');
  return built.value;
}

function errorsOf(settings: VoteSettings, projects: string[], points?: number[]): readonly CodedError[] {
  const r = validateBallot(vote(settings), { projects, ...(points ? { points } : {}) });
  return r.ok ? [] : r.errors;
}

describe('ballot kinds share one interface', () => {
  it('has one strategy per kind, each named after it', () => {
    expect(Object.keys(BALLOT_KINDS).sort()).toEqual(['approval', 'cumulative', 'knapsack', 'ranked', 'scoring', 'single']);
    for (const [name, kind] of Object.entries(BALLOT_KINDS)) expect(kind.name).toBe(name);
  });
});

describe('checks every kind shares', () => {
  it('reports a project chosen twice, in English and Spanish', () => {
    const [e] = errorsOf({ kind: 'approval' }, ['P9', 'P1', 'P9']);
    expect(e).toMatchObject({ code: 'PROJECT_CHOSEN_TWICE', params: { project: 'P9' } });
    expect(e!.message).toEqual({ en: 'project P9 chosen twice', es: 'proyecto P9 elegido dos veces' });
  });
  it('reports an unknown project', () => {
    expect(errorsOf({ kind: 'approval' }, ['P7'])).toMatchObject([{ code: 'UNKNOWN_PROJECT', params: { project: 'P7' } }]);
  });
  it('refuses points on a kind without points, and requires aligned points where they count', () => {
    expect(errorsOf({ kind: 'approval' }, ['P1'], [3])[0]!.code).toBe('POINTS_NOT_ALLOWED');
    expect(errorsOf({ kind: 'cumulative', totalPoints: 5 }, ['P1', 'P2'], [3])[0]).toMatchObject({ code: 'POINTS_MISALIGNED', params: { points: 1, projects: 2 } });
  });
  it('returns the ballot index when validating all ballots of an election', () => {
    const e = { ...vote({ kind: 'approval', maxChoices: 1 }), ballots: [{ projects: ['P1'] }, { projects: ['P1', 'P2'] }] };
    const report = validateBallots(e);
    expect(report.valid).toHaveLength(1);
    expect(report.invalid).toMatchObject([{ index: 1, errors: [{ code: 'TOO_MANY_CHOICES', ballot: 1 }] }]);
  });
});

describe('single choice (plurality)', () => {
  const s: VoteSettings = { kind: 'single' };
  it('accepts exactly one project', () => expect(errorsOf(s, ['P1'])).toEqual([]));
  it('refuses two or none', () => {
    expect(errorsOf(s, ['P1', 'P2'])[0]).toMatchObject({ code: 'TOO_MANY_CHOICES', params: { count: 2, max: 1 } });
    expect(errorsOf(s, [])[0]).toMatchObject({ code: 'TOO_FEW_CHOICES', params: { count: 0, min: 1 } });
  });
});

describe('approval', () => {
  const s: VoteSettings = { kind: 'approval', minChoices: 2, maxChoices: 2 };
  it('accepts within [min, max]', () => expect(errorsOf(s, ['P1', 'P3'])).toEqual([]));
  it('says how many were chosen and how many are allowed', () => {
    const [e] = errorsOf(s, ['P1', 'P2', 'P3']);
    expect(e!.code).toBe('TOO_MANY_CHOICES');
    expect(e!.message.en).toBe('3 projects chosen, at most 2 allowed');
    expect(e!.message.es).toBe('3 proyectos elegidos, se permiten como máximo 2');
  });
  it('enforces the minimum', () => {
    const [e] = errorsOf(s, ['P1']);
    expect(e!.message.en).toBe('1 project chosen, at least 2 required');
  });
});

describe('knapsack', () => {
  it('refuses a ballot over the budget, with both amounts', () => {
    const [e] = errorsOf({ kind: 'knapsack' }, ['P1', 'P2', 'P3']);
    expect(e).toMatchObject({ code: 'BALLOT_OVER_BUDGET', params: { total: '1200000', budget: '1000000' } });
    expect(e!.message.en).toBe('total cost 1,200,000 exceeds the budget 1,000,000');
    expect(e!.message.es).toBe('el costo total 1,200,000 supera el presupuesto 1,000,000');
  });
  it('accepts a ballot exactly at the budget', () => expect(errorsOf({ kind: 'knapsack' }, ['P2', 'P3', 'P9'])).toEqual([]));
  it('enforces the minimum share of the budget spent', () => {
    const s: VoteSettings = { kind: 'knapsack', minShareSpent: 0.5 };
    expect(errorsOf(s, ['P1', 'P9'])).toEqual([]);
    expect(errorsOf(s, ['P9'])[0]).toMatchObject({ code: 'BALLOT_UNDER_MIN_SPEND', params: { total: '200000', minimum: '500000', percent: '50' } });
  });
  it('uses its own ceiling when given one', () => {
    expect(errorsOf({ kind: 'knapsack', maxTotalCost: Rational.of(500000) }, ['P1', 'P9'])[0]!.code).toBe('BALLOT_OVER_BUDGET');
  });
});

describe('cumulative', () => {
  const s: VoteSettings = { kind: 'cumulative', totalPoints: 5, maxPerProject: 3 };
  it('accepts points within the limits', () => expect(errorsOf(s, ['P1', 'P2'], [3, 2])).toEqual([]));
  it('refuses more points than allowed in total and per project', () => {
    expect(errorsOf(s, ['P1', 'P2'], [3, 3]).map((e) => e.code)).toEqual(['TOO_MANY_POINTS']);
    expect(errorsOf(s, ['P1'], [4])[0]).toMatchObject({ code: 'PROJECT_POINTS_ABOVE_MAX', params: { project: 'P1', points: 4, max: 3 } });
  });
  it('refuses negative or fractional points', () => {
    expect(errorsOf(s, ['P1'], [-1])[0]!.code).toBe('INVALID_POINTS');
    expect(errorsOf(s, ['P1'], [1.5])[0]!.code).toBe('INVALID_POINTS');
  });
  it('enforces a minimum total', () => {
    expect(errorsOf({ kind: 'cumulative', totalPoints: 10, minTotalPoints: 10 }, ['P1'], [4])[0]).toMatchObject({ code: 'TOO_FEW_POINTS', params: { total: 4, min: 10 } });
  });
});

describe('ranked', () => {
  const s: VoteSettings = { kind: 'ranked', minRanks: 1, maxRanks: 2 };
  it('accepts up to k ranks', () => expect(errorsOf(s, ['P2', 'P1'])).toEqual([]));
  it('refuses more ranks than allowed and repeated projects', () => {
    expect(errorsOf(s, ['P2', 'P1', 'P3'])[0]!.code).toBe('TOO_MANY_CHOICES');
    expect(errorsOf(s, ['P2', 'P2'])[0]!.code).toBe('PROJECT_CHOSEN_TWICE');
  });
});

describe('scoring', () => {
  const s: VoteSettings = { kind: 'scoring', minScore: 0, maxScore: 5 };
  it('accepts scores in the interval', () => expect(errorsOf(s, ['P1', 'P2'], [0, 5])).toEqual([]));
  it('refuses a score outside it', () => {
    const [e] = errorsOf(s, ['P1'], [7]);
    expect(e).toMatchObject({ code: 'SCORE_OUT_OF_RANGE', params: { project: 'P1', min: 0, max: 5 } });
    expect(e!.message.en).toBe('score 7 for project P1 is outside the range 0 to 5');
  });
});

describe('settings and elections are checked too', () => {
  it('refuses a zero budget, a negative cost, a duplicate id and incoherent settings', () => {
    const r = createElection({
      budget: 0,
      settings: { kind: 'approval', minChoices: 3, maxChoices: 2 },
      projects: [
        { id: 'A', cost: -5 },
        { id: 'A', cost: 10 },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code).sort()).toEqual(['BUDGET_NOT_POSITIVE', 'DUPLICATE_PROJECT', 'INVALID_SETTING', 'NEGATIVE_COST']);
  });
  it('refuses an amount that is not a decimal number', () => {
    const r = createElection({ budget: '1,000', settings: { kind: 'single' }, projects: [] });
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['INVALID_AMOUNT']);
  });
});
