import { describe, expect, it } from 'vitest';
import { CALENDAR_PHASES } from '@concerta/contracts';
import { checkCost, checkPledges, checkProposalsOpen, pledgedCents } from '../../src/proposals/proposals.ts';
import { proposalDeadlineOf } from '../../src/processes/process.ts';
import { checkSettings } from '../../src/processes/process-settings.ts';
import { iloDefaultRules } from '../../src/processes/process-rules.ts';

const calendar = CALENDAR_PHASES.map((phase, i) => ({ phase, startsOn: `2027-0${i + 1}-01`, endsOn: `2027-0${i + 1}-28` }));
const pledge = (amountCents: number) => ({ funderKind: 'community' as const, funderName: 'Vecinos', contribution: 'in_kind' as const, description: '', amountCents });

describe('the pure rules of proposals', () => {
  it('wants a cost above zero and within the whole envelope', () => {
    expect(checkCost(0, 100)?.code).toBe('PROPOSAL_COST_NOT_POSITIVE');
    expect(checkCost(-1, 100)?.code).toBe('PROPOSAL_COST_NOT_POSITIVE');
    expect(checkCost(1.5, 100)?.code).toBe('PROPOSAL_COST_NOT_POSITIVE');
    expect(checkCost(101, 100)?.code).toBe('PROPOSAL_COST_OVER_ENVELOPE');
    expect(checkCost(100, 100)).toBeNull();
  });

  it('wants every pledge above zero and all of them within the cost', () => {
    expect(checkPledges([pledge(0)], 100)?.field).toBe('pledges.0.amountCents');
    expect(checkPledges([pledge(60), pledge(41)], 100)?.code).toBe('PLEDGES_OVER_COST');
    expect(checkPledges([pledge(60), pledge(40)], 100)).toBeNull();
    expect(pledgedCents([pledge(60), pledge(40)])).toBe(100);
  });

  it('opens proposals in Concertation only, until the deadline inclusive', () => {
    expect(checkProposalsOpen('preparation', '2027-02-28', '2027-02-01')?.code).toBe('PROPOSALS_NOT_OPEN');
    expect(checkProposalsOpen('coordination', '2027-02-28', '2027-02-01')?.code).toBe('PROPOSALS_NOT_OPEN');
    expect(checkProposalsOpen('concertation', '2027-02-28', '2027-02-28')).toBeNull();
    expect(checkProposalsOpen('concertation', '2027-02-28', '2027-03-01')?.code).toBe('PROPOSAL_DEADLINE_PASSED');
  });

  it('takes the deadline from the rules, else the last day of Concertation, and keeps it within Concertation', () => {
    const rules = iloDefaultRules('2027-01-20');
    expect(proposalDeadlineOf({ rules, calendar })).toBe('2027-02-28');
    expect(proposalDeadlineOf({ rules: { ...rules, proposalDeadline: '2027-02-15' }, calendar })).toBe('2027-02-15');
    const settings = { name: 'PP 2028', envelopeCents: 100, investmentBudgetCents: 200, calendar, rules, zoneEnvelopes: [] };
    expect(checkSettings(settings)).toBeNull();
    expect(checkSettings({ ...settings, rules: { ...rules, proposalDeadline: '2027-02-15' } })).toBeNull();
    const outside = checkSettings({ ...settings, rules: { ...rules, proposalDeadline: '2027-03-02' } });
    expect(outside?.field).toBe('rules.proposalDeadline');
    expect(outside?.params).toMatchObject({ rule: 'deadline_in_concertation', from: '2027-02-01', to: '2027-02-28' });
  });
});
