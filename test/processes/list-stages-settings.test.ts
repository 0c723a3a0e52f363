import { describe, expect, it } from 'vitest';
import { checkSettings, shiftListStages } from '../../src/processes/process-settings.ts';
import { defaultListStages, iloDefaultRules } from '../../src/processes/process-rules.ts';

const calendar = [
  { phase: 'preparation', startsOn: '2026-02-02', endsOn: '2026-03-13' },
  { phase: 'concertation', startsOn: '2026-03-16', endsOn: '2026-05-15' },
  { phase: 'coordination', startsOn: '2026-05-18', endsOn: '2026-06-05' },
  { phase: 'formalization', startsOn: '2026-06-08', endsOn: '2026-06-30' },
  { phase: 'execution', startsOn: '2027-01-01', endsOn: '2027-12-31' },
] as const;
const settings = (listStages: ReturnType<typeof defaultListStages> | null) => ({
  name: 'x', envelopeCents: 100, investmentBudgetCents: 1000, calendar: [...calendar], zoneEnvelopes: [],
  rules: { ...iloDefaultRules('2026-03-02'), listStages },
});

describe('list stages in the process calendar', () => {
  it('follow the registration deadline by a few days each, by default', () => {
    expect(defaultListStages('2026-03-02')).toEqual({ preliminaryListOn: '2026-03-03', challengesFrom: '2026-03-04', challengesUntil: '2026-03-06', definitiveListOn: '2026-03-08' });
    expect(checkSettings(settings(defaultListStages('2026-03-02')))).toBeNull();
    expect(checkSettings(settings(null))).toBeNull();
  });

  it.each([
    ['a preliminary list on the deadline', { preliminaryListOn: '2026-03-02' }, 'rules.listStages.preliminaryListOn', 'list_stage_order'],
    ['challenges before the preliminary list', { challengesFrom: '2026-03-02' }, 'rules.listStages.challengesFrom', 'list_stage_order'],
    ['a window that closes before it opens', { challengesUntil: '2026-03-03' }, 'rules.listStages.challengesUntil', 'list_stage_order'],
    ['a definitive list on the last day of challenges', { definitiveListOn: '2026-03-06' }, 'rules.listStages.definitiveListOn', 'list_stage_order'],
    ['a definitive list after Preparation', { definitiveListOn: '2026-03-14' }, 'rules.listStages.definitiveListOn', 'deadline_in_preparation'],
  ])('refuse %s, naming the field', (_what, change, field, rule) => {
    const error = checkSettings(settings({ ...defaultListStages('2026-03-02'), ...change }));
    expect(error).toMatchObject({ code: 'VALIDATION', field, params: expect.objectContaining({ rule }) });
  });

  it('move with a copied process', () => {
    expect(shiftListStages(defaultListStages('2027-02-27'), 1)).toEqual({ preliminaryListOn: '2028-02-28', challengesFrom: '2028-03-01', challengesUntil: '2028-03-03', definitiveListOn: '2028-03-05' });
    expect(shiftListStages(null, 1)).toBeNull();
  });
});
