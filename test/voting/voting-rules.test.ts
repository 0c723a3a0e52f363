import { describe, expect, it } from 'vitest';
import { BALLOT_KINDS, OUTCOME_RULES, THRESHOLD_RULE, type BallotKind } from '@concerta/contracts';
import { AppError } from '../../src/shared/errors.ts';
import { paperBallots } from '../../src/voting/paper.ts';
import { checkBallot, computeResult, poolsOffered, type BallotPart, type PaperPool, type VotingSettings } from '../../src/voting/voting.ts';

const project = (n: number, zoneId: string, costCents: number) => ({
  projectId: String(n).padStart(4, '0'), proposalId: `p${n}`, number: n, title: `Proyecto ${n}`, zoneId, zoneName: zoneId, costCents,
});
const PAPER: PaperPool[] = [
  { key: 'z1', zoneName: 'Cercado', budgetCents: 100_000_00, projects: [project(1, 'z1', 60_000_00), project(2, 'z1', 50_000_00), project(3, 'z1', 30_000_00)] },
  { key: 'z2', zoneName: 'Pampa', budgetCents: 50_000_00, projects: [project(7, 'z2', 40_000_00)] },
  { key: 'municipality', zoneName: null, budgetCents: 200_000_00, projects: [project(4, 'z9', 150_000_00), project(5, 'z9', 90_000_00)] },
];
const settings = (ballotKind: BallotKind, over: Partial<VotingSettings> = {}): VotingSettings => ({
  ballotKind, maxChoices: ballotKind === 'approval' || ballotKind === 'ranked' ? 2 : null, outcomeRule: 'greedy', threshold: null, trainingRequiredToVote: true, ...over,
});
/** A ballot of each kind naming projects 1 and 3 of the first zone (points where the kind carries them). */
const partOf = (kind: BallotKind, projects = ['0001', '0003']): BallotPart => (kind === 'single'
  ? { pool: 'z1', projects: [projects[0]!] }
  : kind === 'cumulative' ? { pool: 'z1', projects, points: projects.map(() => 5) }
    : kind === 'scoring' ? { pool: 'z1', projects, points: projects.map(() => 8) } : { pool: 'z1', projects });

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err instanceof AppError ? [err.code, err.params.rule ?? null] : err;
  }
  return null;
}

describe('the vote as pure functions', () => {
  it('offers an agent their zone envelope and the district-wide one; a zone without its own envelope only the latter', () => {
    expect(poolsOffered(PAPER, 'z1').map((p) => p.key)).toEqual(['z1', 'municipality']);
    expect(poolsOffered(PAPER, 'z5').map((p) => p.key)).toEqual(['municipality']);
  });

  it.each(BALLOT_KINDS)('takes a %s ballot within the kind\'s limits and refuses one beyond them with the library\'s code', (kind) => {
    expect(checkBallot(PAPER, settings(kind), [partOf(kind)])).toHaveLength(1);
    const beyond: Record<BallotKind, [BallotPart, string]> = {
      single: [{ pool: 'z1', projects: ['0001', '0002'] }, 'TOO_MANY_CHOICES'],
      approval: [{ pool: 'z1', projects: ['0001', '0002', '0003'] }, 'TOO_MANY_CHOICES'],
      knapsack: [{ pool: 'z1', projects: ['0001', '0002'] }, 'BALLOT_OVER_BUDGET'],
      ranked: [{ pool: 'z1', projects: ['0001', '0002', '0003'] }, 'TOO_MANY_CHOICES'],
      cumulative: [{ pool: 'z1', projects: ['0001', '0002'], points: [8, 8] }, 'TOO_MANY_POINTS'],
      scoring: [{ pool: 'z1', projects: ['0001'], points: [11] }, 'SCORE_OUT_OF_RANGE'],
    };
    const [part, code] = beyond[kind];
    expect(codeOf(() => checkBallot(PAPER, settings(kind), [part]))).toEqual(['BALLOT_BREAKS_RULES', code]);
    expect(codeOf(() => checkBallot(PAPER, settings(kind), [{ pool: 'z1', projects: ['0004'] }]))).toEqual(['BALLOT_BREAKS_RULES', 'UNKNOWN_PROJECT']);
  });

  it('refuses an envelope not offered, an envelope twice and an empty ballot', () => {
    const offered = poolsOffered(PAPER, 'z1');
    expect(codeOf(() => checkBallot(offered, settings('single'), [{ pool: 'z2', projects: ['0007'] }]))).toEqual(['BALLOT_ENVELOPE_NOT_OFFERED', null]);
    expect(codeOf(() => checkBallot(offered, settings('single'), [partOf('single'), partOf('single')]))).toEqual(['BALLOT_ENVELOPE_TWICE', null]);
    expect(codeOf(() => checkBallot(offered, settings('single'), [{ pool: 'z1', projects: [] }]))).toEqual(['BALLOT_EMPTY', null]);
  });

  it.each(OUTCOME_RULES)('counts every envelope by the %s rule, within each budget', (rule) => {
    const s = settings('approval', { outcomeRule: rule, threshold: rule === THRESHOLD_RULE ? 2 : null });
    const ballots: BallotPart[][] = [
      [{ pool: 'z1', projects: ['0001', '0003'] }, { pool: 'municipality', projects: ['0004'] }],
      [{ pool: 'z1', projects: ['0001'] }],
      [{ pool: 'z1', projects: ['0002', '0003'] }, { pool: 'municipality', projects: ['0005'] }],
      [{ pool: 'z2', projects: ['0007'] }],
    ];
    const result = computeResult(PAPER, s, ballots);
    expect(result.pools.map((p) => p.ballots)).toEqual([3, 1, 2]);
    for (const pool of result.pools) expect(pool.spentCents).toBeLessThanOrEqual(pool.budgetCents);
    const z1 = result.pools[0]!;
    expect(z1.projects.map((p) => [p.number, p.votes])).toContainEqual([1, 2]);
    expect(z1.projects.every((p) => p.reasons.length > 0)).toBe(true);
    // Projects 1 and 3 have two votes each and fit together: every rule funds them, except plain Equal Shares, which
    // (without a completion) may leave part of the budget unspent, and funds among them only.
    const funded = z1.projects.filter((p) => p.funded).map((p) => p.number).sort();
    if (rule === 'mes') expect(funded.every((n) => n === 1 || n === 3) && funded.length > 0).toBe(true);
    else expect(funded).toEqual([1, 3]);
  });

  it('settles a paper ballot by its entries: awaiting, counted when alike, a mismatch until a third entry', () => {
    const valid = (p: string) => ({ kind: 'valid' as const, parts: [{ pool: 'z1', projects: [p] }] });
    const e = (serial: string, entryNo: 1 | 2 | 3, content: ReturnType<typeof valid> | { kind: 'blank' }) => ({ tableId: 't', serial, entryNo, content });
    expect(paperBallots([
      e('1', 1, valid('0001')),
      e('2', 1, valid('0001')), e('2', 2, valid('0001')),
      e('3', 1, valid('0001')), e('3', 2, valid('0002')),
      e('4', 1, valid('0001')), e('4', 2, { kind: 'blank' }), e('4', 3, { kind: 'blank' }),
    ]).map((b) => [b.serial, b.state, b.content?.kind ?? null])).toEqual([
      ['1', 'awaiting_second', null], ['2', 'counted', 'valid'], ['3', 'mismatch', null], ['4', 'resolved', 'blank'],
    ]);
  });
});
