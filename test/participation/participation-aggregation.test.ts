import { describe, expect, it } from 'vitest';
import { aggregateHistory, aggregateParticipation, type AgentGroup, type TrainedGroup } from '../../src/participation/participation.ts';

const zones = [{ id: 'z1', name: 'Cercado de Ilo' }, { id: 'z2', name: 'Pampa Inalámbrica' }];

const g = (over: Partial<AgentGroup>): AgentGroup => ({ status: 'approved', sex: 'female', ageBand: '30-44', zoneId: 'z1', organizationType: null, count: 1, ...over });
const tg = (over: Partial<TrainedGroup>): TrainedGroup => ({ sex: 'female', ageBand: '30-44', zoneId: 'z1', organizationType: null, count: 1, ...over });

describe('participation figures (pure aggregation)', () => {
  it('gives every key even when empty, in a stable order', () => {
    const f = aggregateParticipation({ agents: [], trained: [], organizations: [], zones, lang: 'es' });
    expect(f.totals).toEqual({ registered: 0, pending: 0, approved: 0, rejected: 0, trained: 0, inWorkshops: 0, organizationsRegistered: 0, organizationsApproved: 0 });
    expect(f.bySex).toEqual([
      { key: 'female', label: 'Mujeres', registered: 0, approved: 0, trained: 0, inWorkshops: 0 },
      { key: 'male', label: 'Hombres', registered: 0, approved: 0, trained: 0, inWorkshops: 0 },
    ]);
    expect(f.byAgeBand.map((r) => r.key)).toEqual(['18-29', '30-44', '45-59', '60+']);
    expect(f.byZone.map((r) => [r.key, r.label])).toEqual([['z1', 'Cercado de Ilo'], ['z2', 'Pampa Inalámbrica']]);
    expect(f.byOrganizationType.map((r) => r.key)).toEqual(['neighbourhood_committee', 'ngo', 'union', 'womens_group', 'business', 'other', 'individual']);
  });

  it('counts registered (every state) and approved per dimension, and trained beside them', () => {
    const f = aggregateParticipation({
      agents: [
        g({ count: 3 }),
        g({ sex: 'male', ageBand: '60+', zoneId: 'z2', count: 2 }),
        g({ status: 'pending', sex: 'male', ageBand: '18-29', count: 4 }),
        g({ status: 'rejected', zoneId: 'z2', organizationType: 'ngo', count: 1 }),
        g({ organizationType: 'womens_group', count: 5 }),
      ],
      trained: [tg({ count: 2 }), tg({ organizationType: 'womens_group', count: 5 })],
      organizations: [
        { status: 'approved', type: 'womens_group', count: 2 },
        { status: 'pending', type: 'womens_group', count: 1 },
        { status: 'rejected', type: 'ngo', count: 1 },
      ],
      zones,
      lang: 'en',
    });
    expect(f.totals).toEqual({ registered: 15, pending: 4, approved: 10, rejected: 1, trained: 7, inWorkshops: 0, organizationsRegistered: 4, organizationsApproved: 2 });
    expect(f.bySex).toEqual([
      { key: 'female', label: 'Women', registered: 9, approved: 8, trained: 7, inWorkshops: 0 },
      { key: 'male', label: 'Men', registered: 6, approved: 2, trained: 0, inWorkshops: 0 },
    ]);
    expect(f.byAgeBand.find((r) => r.key === '60+')).toEqual({ key: '60+', label: '60 and over', registered: 2, approved: 2, trained: 0, inWorkshops: 0 });
    expect(f.byZone).toEqual([
      { key: 'z1', label: 'Cercado de Ilo', registered: 12, approved: 8, trained: 7, inWorkshops: 0 },
      { key: 'z2', label: 'Pampa Inalámbrica', registered: 3, approved: 2, trained: 0, inWorkshops: 0 },
    ]);
    expect(f.byOrganizationType.find((r) => r.key === 'womens_group')).toEqual({
      key: 'womens_group', label: "Women's organization", registered: 5, approved: 5, trained: 5, inWorkshops: 0, organizationsRegistered: 3, organizationsApproved: 2,
    });
    expect(f.byOrganizationType.find((r) => r.key === 'ngo')).toMatchObject({ registered: 1, approved: 0, organizationsRegistered: 1, organizationsApproved: 0 });
    expect(f.byOrganizationType.find((r) => r.key === 'individual')).toMatchObject({ registered: 9, approved: 5, trained: 2, inWorkshops: 0, organizationsRegistered: 0 });
    // Every breakdown adds up to the totals.
    for (const rows of [f.bySex, f.byAgeBand, f.byZone, f.byOrganizationType]) {
      expect(rows.reduce((n, r) => n + r.registered, 0)).toBe(15);
      expect(rows.reduce((n, r) => n + r.approved, 0)).toBe(10);
      expect(rows.reduce((n, r) => n + r.trained, 0)).toBe(7);
    }
  });

  it('keeps a row for a zone it does not know rather than losing people', () => {
    const f = aggregateParticipation({ agents: [g({ zoneId: 'gone' })], trained: [], organizations: [], zones, lang: 'es' });
    expect(f.byZone.at(-1)).toEqual({ key: 'gone', label: 'gone', registered: 1, approved: 1, trained: 0, inWorkshops: 0 });
  });

  it('builds the history per fiscal year, oldest first, with the women share of approved agents', () => {
    const years = aggregateHistory({
      processes: [{ id: 'p2007', fiscalYear: 2007 }, { id: 'p2000', fiscalYear: 2000 }, { id: 'p2008', fiscalYear: 2008 }],
      agents: [
        { processId: 'p2000', status: 'approved', sex: 'female', count: 38 },
        { processId: 'p2000', status: 'approved', sex: 'male', count: 62 },
        { processId: 'p2000', status: 'rejected', sex: 'female', count: 5 },
        { processId: 'p2007', status: 'approved', sex: 'female', count: 52 },
        { processId: 'p2007', status: 'approved', sex: 'male', count: 48 },
        { processId: 'p2007', status: 'pending', sex: 'male', count: 7 },
        { processId: 'p2008', status: 'pending', sex: 'female', count: 3 },
      ],
      organizationsApproved: [{ processId: 'p2007', count: 12 }],
      trained: new Map([['p2007', 80]]),
    });
    expect(years).toEqual([
      { processId: 'p2000', fiscalYear: 2000, registered: 105, approved: 100, women: 38, men: 62, womenShareOfApproved: 0.38, organizationsApproved: 0, trained: 0, inWorkshops: 0 },
      { processId: 'p2007', fiscalYear: 2007, registered: 107, approved: 100, women: 52, men: 48, womenShareOfApproved: 0.52, organizationsApproved: 12, trained: 80, inWorkshops: 0 },
      { processId: 'p2008', fiscalYear: 2008, registered: 3, approved: 0, women: 0, men: 0, womenShareOfApproved: null, organizationsApproved: 0, trained: 0, inWorkshops: 0 },
    ]);
  });

  it('rounds the women share to four decimals', () => {
    const [y] = aggregateHistory({
      processes: [{ id: 'p', fiscalYear: 2027 }],
      agents: [{ processId: 'p', status: 'approved', sex: 'female', count: 1 }, { processId: 'p', status: 'approved', sex: 'male', count: 2 }],
      organizationsApproved: [], trained: new Map(),
    });
    expect(y!.womenShareOfApproved).toBe(0.3333);
  });
});
