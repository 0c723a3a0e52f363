import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAdmission, quotaState, type BodyCounts } from '../../src/processes/quota-rules.ts';

const man = { women: 0, men: 1 };
const woman = { women: 1, men: 0 };

describe('checkAdmission', () => {
  it('refuses the man who would leave too few seats for the women, with the numbers', () => {
    // 16 seats, 8 women needed, 8 men already: a 9th man leaves at most 7 seats for women.
    const body: BodyCounts = { seats: 16, minWomen: 8, women: 3, men: 8 };
    expect(checkAdmission(body, man)).toEqual({ code: 'QUOTA_BROKEN', women: 7, seats: 16, required: 8 });
    expect(checkAdmission(body, woman)).toBeNull();
  });

  it('refuses any member of a full body, and a batch larger than the free seats', () => {
    expect(checkAdmission({ seats: 7, minWomen: 3, women: 3, men: 4 }, woman)).toEqual({ code: 'BODY_FULL', seats: 7, filled: 7, requested: 1 });
    expect(checkAdmission({ seats: 7, minWomen: 3, women: 3, men: 2 }, { women: 3, men: 0 })).toMatchObject({ code: 'BODY_FULL', requested: 3 });
  });

  it('accepts men while the women can still reach their seats', () => {
    expect(checkAdmission({ seats: 7, minWomen: 3, women: 0, men: 3 }, man)).toBeNull();
    expect(checkAdmission({ seats: 7, minWomen: 3, women: 0, men: 4 }, man)).toMatchObject({ code: 'QUOTA_BROKEN', women: 2, required: 3 });
  });

  it('checks a batch as a whole: women in the batch count before its men', () => {
    const body: BodyCounts = { seats: 10, minWomen: 5, women: 0, men: 4 };
    expect(checkAdmission(body, { women: 3, men: 1 })).toBeNull();
    expect(checkAdmission(body, { women: 3, men: 2 })).toEqual({ code: 'QUOTA_BROKEN', women: 4, seats: 10, required: 5 });
  });

  it('names the quota state', () => {
    expect(quotaState(16, 8, 8, 0)).toBe('met');
    expect(quotaState(16, 8, 2, 8)).toBe('open');
    expect(quotaState(16, 8, 2, 9)).toBe('broken');
  });
});

describe('quota properties', () => {
  const bodyArb = fc.integer({ min: 1, max: 40 }).chain((seats) => fc.record({ seats: fc.constant(seats), minWomen: fc.integer({ min: 0, max: seats }) }));
  const sexes = fc.array(fc.constantFrom('female', 'male'), { maxLength: 80 });

  it('no sequence of accepted elections ends in a full body below its quota, nor ever in a broken one', () => {
    fc.assert(fc.property(bodyArb, sexes, ({ seats, minWomen }, candidates) => {
      const b: BodyCounts = { seats, minWomen, women: 0, men: 0 };
      for (const sex of candidates) {
        const add = sex === 'female' ? woman : man;
        if (checkAdmission(b, add) === null) {
          b.women += add.women;
          b.men += add.men;
        }
        expect(b.women + b.men).toBeLessThanOrEqual(seats);
        expect(quotaState(seats, minWomen, b.women, b.men)).not.toBe('broken');
      }
      if (b.women + b.men === seats) expect(b.women).toBeGreaterThanOrEqual(minWomen);
    }));
  });

  it('refuses a woman only when the body is full', () => {
    fc.assert(fc.property(bodyArb, fc.nat(40), fc.nat(40), ({ seats, minWomen }, women, men) => {
      fc.pre(women + men <= seats && men <= seats - minWomen);
      const refusal = checkAdmission({ seats, minWomen, women, men }, woman);
      expect(refusal === null).toBe(women + men < seats);
    }));
  });

  it('accepts a batch exactly when admitting its women first, then its men, one by one would', () => {
    fc.assert(fc.property(bodyArb, fc.nat(40), fc.nat(40), fc.nat(10), fc.nat(10), ({ seats, minWomen }, women, men, addW, addM) => {
      fc.pre(women + men <= seats && men <= seats - minWomen);
      const batch = checkAdmission({ seats, minWomen, women, men }, { women: addW, men: addM }) === null;
      const b = { seats, minWomen, women, men };
      let sequential = true;
      for (const add of [...Array(addW).fill(woman), ...Array(addM).fill(man)] as (typeof woman)[]) {
        if (checkAdmission(b, add) !== null) { sequential = false; break; }
        b.women += add.women;
        b.men += add.men;
      }
      expect(batch).toBe(sequential);
    }));
  });

  it('reports the most women the body could still reach', () => {
    fc.assert(fc.property(bodyArb, fc.nat(40), fc.nat(40), ({ seats, minWomen }, women, men) => {
      fc.pre(women + men < seats);
      const refusal = checkAdmission({ seats, minWomen, women, men }, man);
      if (refusal?.code === 'QUOTA_BROKEN') {
        expect(refusal.women).toBe(seats - (men + 1));
        expect(refusal.women).toBeLessThan(minWomen);
      }
    }));
  });
});
