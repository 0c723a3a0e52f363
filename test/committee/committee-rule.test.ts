import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { electCommittee, type Standing } from '../../src/committee/committee.ts';

const standing = (agentId: string, female: boolean, votes: number, stoodAt = '2026-01-01T00:00:00.000Z'): Standing => ({ agentId, female, votes, stoodAt });

/** Candidates with distinct ids, random sex, votes and candidacy times. */
const candidates = fc.uniqueArray(
  fc.record({ agentId: fc.string({ minLength: 1, maxLength: 6 }), female: fc.boolean(), votes: fc.nat(50), stoodAt: fc.integer({ min: 0, max: 20 }).map((d) => new Date(Date.UTC(2026, 0, 1, d)).toISOString()) }),
  { selector: (c) => c.agentId, minLength: 0, maxLength: 30 },
);

describe('the oversight committee election rule', () => {
  it('seats the most voted when they meet the quota', () => {
    const r = electCommittee([standing('a', true, 9), standing('b', false, 8), standing('c', true, 7), standing('d', false, 1)], 2, 1);
    expect(r.elected).toEqual(['a', 'b']);
    expect(r.passedOver).toEqual([]);
  });

  it('gives the seat to the next woman when the most voted would break the quota', () => {
    const r = electCommittee([standing('m1', false, 30), standing('m2', false, 25), standing('m3', false, 20), standing('w1', true, 5), standing('w2', true, 3), standing('m4', false, 2)], 4, 2);
    expect(r.elected).toEqual(['m1', 'm2', 'w1', 'w2']);
    expect(r.passedOver).toEqual(['m3']);
  });

  it('breaks equal votes by who stood first, then by id, whatever the order the counts come in', () => {
    const late = standing('x', false, 4, '2026-01-02T00:00:00.000Z');
    const early = standing('y', false, 4, '2026-01-01T00:00:00.000Z');
    expect(electCommittee([late, early], 1, 0).elected).toEqual(['y']);
    expect(electCommittee([early, late], 1, 0).elected).toEqual(['y']);
    expect(electCommittee([standing('b', true, 1), standing('a', true, 1)], 1, 1).elected).toEqual(['a']);
  });

  it('fills every seat when enough stood, meets the quota whenever enough women stood, and never seats a man over a woman with more votes', () => {
    fc.assert(fc.property(candidates, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), (cs, seats, minRaw) => {
      const minWomen = Math.min(minRaw, seats);
      const r = electCommittee(cs, seats, minWomen);
      const byId = new Map(cs.map((c) => [c.agentId, c]));
      const women = r.elected.filter((id) => byId.get(id)!.female).length;
      const womenStanding = cs.filter((c) => c.female).length;
      expect(new Set(r.elected).size).toBe(r.elected.length);
      expect(r.elected.length).toBe(Math.min(seats, cs.length));
      if (womenStanding >= minWomen && cs.length >= seats) expect(women).toBeGreaterThanOrEqual(minWomen);
      // A candidate left out never has more votes than an elected one of the same sex.
      for (const out of cs.filter((c) => !r.elected.includes(c.agentId))) {
        for (const id of r.elected) {
          const e = byId.get(id)!;
          if (e.female === out.female) expect(out.votes).toBeLessThanOrEqual(e.votes);
        }
      }
      // Men passed over are exactly the men left out who had more votes than some elected woman.
      for (const id of r.passedOver) expect(byId.get(id)!.female).toBe(false);
    }), { numRuns: 500 });
  });

  it('does not depend on the order the candidates are given', () => {
    fc.assert(fc.property(candidates, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 8 }), (cs, seats, minRaw) => {
      const minWomen = Math.min(minRaw, seats);
      expect(electCommittee([...cs].reverse(), seats, minWomen).elected).toEqual(electCommittee(cs, seats, minWomen).elected);
    }), { numRuns: 300 });
  });
});
