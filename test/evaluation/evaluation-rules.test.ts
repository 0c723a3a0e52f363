import { describe, expect, it } from 'vitest';
import { cautiousViability, checkMatrix, conflictsOf, PERUVIAN_TEMPLATE, weightedScore } from '../../src/evaluation/evaluation.ts';

const criteria = [
  { id: 'a', weight: 40, scaleMin: 0, scaleMax: 4 },
  { id: 'b', weight: 60, scaleMin: 1, scaleMax: 5 },
];

describe('evaluation rules', () => {
  it('accepts the Peruvian template: 40 + 10 + 10 + 10 + 30, every level explained', () => {
    expect(checkMatrix(PERUVIAN_TEMPLATE)).toBeNull();
    expect(PERUVIAN_TEMPLATE.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });

  it('weighs each score normalized to its scale: sum of weight * (score - min) / (max - min)', () => {
    expect(weightedScore(criteria, [{ criterionId: 'a', score: 4 }, { criterionId: 'b', score: 5 }])).toBe(100);
    expect(weightedScore(criteria, [{ criterionId: 'a', score: 0 }, { criterionId: 'b', score: 1 }])).toBe(0);
    expect(weightedScore(criteria, [{ criterionId: 'a', score: 1 }, { criterionId: 'b', score: 4 }])).toBe(55);
    expect(weightedScore(criteria, [{ criterionId: 'a', score: 1 }])).toBe(10);
  });

  it('takes the most cautious viability when evaluators disagree', () => {
    expect(cautiousViability(['viable', 'viable'])).toBe('viable');
    expect(cautiousViability(['viable', 'viable_with_changes'])).toBe('viable_with_changes');
    expect(cautiousViability(['viable_with_changes', 'not_viable', 'viable'])).toBe('not_viable');
  });

  it('refuses a matrix whose weights do not sum to 100, naming the total', () => {
    const err = checkMatrix(PERUVIAN_TEMPLATE.slice(1));
    expect(err).toMatchObject({ code: 'MATRIX_WEIGHTS_NOT_100', params: { total: 60 }, field: 'criteria' });
  });

  it('finds why an account may not evaluate a proposal', () => {
    const ties = { agents: [{ id: 'ag1', organizationId: 'org1' }], registeredOrganizationIds: ['org2'] };
    expect(conflictsOf({ authorAgentId: 'ag1', authorOrganizationId: null }, ties)).toEqual(['author']);
    expect(conflictsOf({ authorAgentId: 'ag9', authorOrganizationId: 'org1' }, ties)).toEqual(['delegate']);
    expect(conflictsOf({ authorAgentId: 'ag9', authorOrganizationId: 'org2' }, ties)).toEqual(['registrant']);
    expect(conflictsOf({ authorAgentId: 'ag9', authorOrganizationId: 'org3' }, ties)).toEqual([]);
    expect(conflictsOf({ authorAgentId: 'ag9', authorOrganizationId: null }, undefined)).toEqual([]);
  });
});
