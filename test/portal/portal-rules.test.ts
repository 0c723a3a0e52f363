import { describe, expect, it } from 'vitest';
import { PORTAL_STATUSES, portalStatus, share } from '../../src/portal/portal.ts';
import { FILES, OPEN_DATA_FILES, project, toCsv } from '../../src/portal/open-data.ts';

describe('where a proposal stands, as the portal shows it', () => {
  const base = { withdrawn: false, viability: null, voteClosed: false, funded: false } as const;
  it('follows the cycle: in evaluation, then its viability, then the closed vote', () => {
    expect(portalStatus(base)).toBe('in_evaluation');
    expect(portalStatus({ ...base, viability: 'not_viable' })).toBe('not_viable');
    expect(portalStatus({ ...base, viability: 'viable_with_changes' })).toBe('evaluated');
    expect(portalStatus({ ...base, viability: 'viable', voteClosed: true })).toBe('not_funded');
    expect(portalStatus({ ...base, viability: 'viable', voteClosed: true, funded: true })).toBe('funded');
    expect(portalStatus({ ...base, withdrawn: true, viability: 'viable', voteClosed: true })).toBe('withdrawn');
    expect(new Set(PORTAL_STATUSES).size).toBe(6);
  });

  it('gives shares with four decimals, and none without a whole', () => {
    expect(share(420_000_00, 2_800_000_00)).toBe(0.15);
    expect(share(2, 3)).toBe(0.6667);
    expect(share(0, 0)).toBeNull();
  });
});

describe('the open data schema', () => {
  it('names each field once per file, and a row carries exactly its fields in their order', () => {
    for (const file of OPEN_DATA_FILES) {
      const names = FILES[file].fields.map((f) => f.name);
      expect(new Set(names).size, file).toBe(names.length);
      const row = project(file, { dni: '40123456', email: 'x@y.pe', [names[0]!]: 'ilo' });
      expect(Object.keys(row)).toEqual(names);
      expect(Object.values(row).filter((v) => v !== null)).toEqual(['ilo']);
    }
  });

  it('writes CSV with a header of the field names, empty cells for nulls, booleans as words, quoting as needed', () => {
    const row = project('processes', { municipality: 'ilo', processId: 'p1', fiscalYear: 2007, name: 'PP "2007", Ilo', phase: 'closed', envelopeCents: 1, investmentBudgetCents: 2, envelopeShare: 0.5, voteClosed: true, voteClosedAt: null });
    expect(toCsv('processes', [row])).toBe(`${FILES.processes.fields.map((f) => f.name).join(',')}\nilo,p1,2007,"PP ""2007"", Ilo",closed,1,2,0.5,true,\n`);
  });
});
