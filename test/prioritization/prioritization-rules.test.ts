import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explain, MUNICIPALITY_POOL, prioritize, type Candidate, type PrioritizationInput } from '../../src/prioritization/prioritization.ts';

function candidate(number: number, zoneId: string, costSoles: number, technicalScore: number | null, extra: Partial<Candidate> = {}): Candidate {
  return {
    proposalId: `p${number}`, number, title: `Proyecto ${number}`, zoneId, zoneName: `Zona ${zoneId}`,
    requestedCostCents: costSoles * 100,
    evaluation: technicalScore === null ? null : {
      viability: 'viable', adjustedCostCents: costSoles * 100, technicalScore, evaluators: [],
    },
    workshopVotes: 0,
    ...extra,
  };
}

function input(candidates: Candidate[], over: Partial<PrioritizationInput> = {}): PrioritizationInput {
  return {
    processId: 'proc-1', envelopeCents: 1_000_000_00,
    zoneEnvelopes: [{ zoneId: 'n', zoneName: 'Norte', amountCents: 300_000_00 }, { zoneId: 's', zoneName: 'Sur', amountCents: 200_000_00 }],
    settings: { workshopShare: 0, ties: 'declared' }, candidates, ...over,
  };
}

describe('the provisional list', () => {
  it('ranks by score within each zone envelope and funds down the ranking what fits, skipping what does not', () => {
    const result = prioritize(input([
      candidate(1, 'n', 200_000, 80), candidate(2, 'n', 150_000, 90), candidate(3, 'n', 90_000, 70), candidate(4, 'n', 50_000, 60),
      candidate(5, 's', 250_000, 95), candidate(6, 's', 150_000, 50),
    ]));
    const north = result.pools.find((p) => p.key === 'n')!;
    expect(north.entries.map((e) => [e.number, e.rank, e.status])).toEqual([
      [2, 1, 'funded'], [1, 2, 'alternate'], [3, 3, 'funded'], [4, 4, 'funded'],
    ]);
    expect(north.spentCents).toBe(290_000_00);
    const south = result.pools.find((p) => p.key === 's')!;
    expect(south.entries.map((e) => [e.number, e.status])).toEqual([[5, 'alternate'], [6, 'funded']]);
    // The rest of the envelope (500,000) is the municipality-wide pool for zones without their own envelope.
    expect(result.pools.find((p) => p.key === MUNICIPALITY_POOL)!.budgetCents).toBe(500_000_00);
    expect(explain(north.entries[1]!, 'es')[0]).toMatch(/omitido/);
    expect(explain(north.entries[0]!, 'en')[0]).toMatch(/funded/);
  });

  it('leaves out what is not viable or not yet evaluated, saying which', () => {
    const notViable = candidate(2, 'n', 10_000, 99);
    notViable.evaluation!.viability = 'not_viable';
    const result = prioritize(input([candidate(1, 'n', 10_000, 50), notViable, candidate(3, 'n', 10_000, null)]));
    const north = result.pools.find((p) => p.key === 'n')!;
    expect(north.entries.map((e) => [e.number, e.status, e.rank])).toEqual([[1, 'funded', 1], [2, 'not_viable', null], [3, 'not_evaluated', null]]);
  });

  it('combines the workshop votes in the process share, 100 being the most voted proposal of the envelope', () => {
    const a = candidate(1, 'n', 200_000, 90, { workshopVotes: 10 });
    const b = candidate(2, 'n', 200_000, 60, { workshopVotes: 40 });
    const technical = prioritize(input([a, b])).pools.find((p) => p.key === 'n')!;
    expect(technical.entries[0]!.number).toBe(1);
    const combined = prioritize(input([a, b], { settings: { workshopShare: 0.5, ties: 'declared' } })).pools.find((p) => p.key === 'n')!;
    expect(combined.entries.map((e) => [e.number, e.score, e.workshopScore])).toEqual([[2, 80, 100], [1, 57.5, 25]]);
  });

  it('breaks a tie in score by lower cost, then by earlier proposal, and records it', () => {
    const result = prioritize(input([candidate(1, 'n', 200_000, 70), candidate(2, 'n', 150_000, 70), candidate(3, 'n', 150_000, 70)]));
    const north = result.pools.find((p) => p.key === 'n')!;
    expect(north.entries.map((e) => e.number)).toEqual([2, 3, 1]);
    expect(north.tieBreaks).toHaveLength(1);
  });

  it('never spends more than an envelope and never leaves out a viable proposal with a score that still fitted when its turn came', () => {
    const arb = fc.array(fc.record({ cost: fc.integer({ min: 1, max: 400_000 }), score: fc.integer({ min: 0, max: 10_000 }), zone: fc.constantFrom('n', 's', 'x') }), { maxLength: 25 });
    fc.assert(fc.property(arb, (rows) => {
      const result = prioritize(input(rows.map((r, i) => candidate(i + 1, r.zone, r.cost, r.score / 100))));
      for (const pool of result.pools) {
        expect(pool.spentCents).toBeLessThanOrEqual(pool.budgetCents);
        let left = pool.budgetCents;
        for (const e of pool.entries) {
          if (e.status === 'funded') left -= e.costCents!;
          else if (e.score! > 0) expect(e.costCents!).toBeGreaterThan(left);
          else expect(e.reasons.map((r) => r.code)).toContain('NO_SUPPORT');
        }
      }
    }), { numRuns: 200 });
  });
});
