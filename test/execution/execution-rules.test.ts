import { describe, expect, it } from 'vitest';
import { behindSchedule, budgetLines, checkTransition, EXECUTION_STATUSES, FINAL_STATUSES, financialFraction, percentToTenths, TRANSITIONS } from '../../src/execution/execution.ts';
import { planReport, type ProjectState } from '../../src/execution/execution-report.ts';
import { parseDate, parseExecutionCsv, parsePercent, parseSoles, parseStatus, planExecutionImport } from '../../src/execution/execution-csv.ts';

const state = (over: Partial<ProjectState> = {}): ProjectState => ({
  number: 7, status: 'in_execution', statusReason: null, physicalTenths: 300, investmentCode: null, reportedOn: '2027-03-01',
  lines: [{ code: 'pp', budgetedCents: 100_00, executedCents: 20_00 }, { code: 'aporte1', budgetedCents: 50_00, executedCents: 0 }], ...over,
});

describe('the statuses of a tracked project', () => {
  it('lets nothing leave a final status, and every other status reach cancellation', () => {
    for (const from of EXECUTION_STATUSES) {
      for (const to of EXECUTION_STATUSES) {
        if (from === to) continue;
        const refusal = checkTransition(from, to, 'un motivo suficiente');
        if (FINAL_STATUSES.includes(from)) expect(refusal).toBe('EXECUTION_STATUS_FINAL');
        else expect(refusal === null).toBe(TRANSITIONS[from].includes(to));
      }
      if (!FINAL_STATUSES.includes(from)) expect(TRANSITIONS[from]).toContain('cancelled');
    }
  });

  it('asks a reason to suspend or cancel, of five characters at least', () => {
    expect(checkTransition('in_execution', 'suspended', null)).toBe('EXECUTION_REASON_REQUIRED');
    expect(checkTransition('in_execution', 'cancelled', ' abc ')).toBe('EXECUTION_REASON_REQUIRED');
    expect(checkTransition('in_execution', 'cancelled', 'sin terreno')).toBeNull();
    expect(checkTransition('in_execution', 'completed', null)).toBeNull();
  });
});

describe('a progress report, planned', () => {
  it('lists what changes and the state that follows, and warns (without refusing) above the budget', () => {
    const plan = planReport(state(), { reportedOn: '2027-04-01', physicalTenths: 455, executed: [{ code: 'pp', executedCents: 120_00 }, { code: 'aporte1', executedCents: 0 }] }, '2027-04-02');
    expect(plan.issues).toEqual([]);
    expect(plan.changes).toEqual({ physicalPercent: { from: 30, to: 45.5 }, executed: [{ code: 'pp', fromCents: 20_00, toCents: 120_00 }] });
    expect(plan.warnings).toEqual([{ rule: 'execution_overspent', params: { code: 'pp', executedCents: 120_00, budgetedCents: 100_00 } }]);
    expect(plan.next).toMatchObject({ status: 'in_execution', physicalTenths: 455, reportedOn: '2027-04-01' });
  });

  it('keeps the latest report date when an older report comes later', () => {
    expect(planReport(state(), { reportedOn: '2027-02-01', physicalTenths: 310 }, '2027-04-02').next.reportedOn).toBe('2027-03-01');
  });

  it('names the field of each broken rule', () => {
    const plan = planReport(state({ status: 'completed' }), {
      reportedOn: '2027-05-01', status: 'in_execution', physicalTenths: 1001, executed: [{ code: 'convenio1', executedCents: 1 }, { code: 'pp', executedCents: -5 }, { code: 'pp', executedCents: 5 }],
    }, '2027-04-02');
    expect(plan.issues.map((i) => [i.field, i.code])).toEqual([
      ['reportedOn', 'EXECUTION_REPORTED_LATER'], ['status', 'EXECUTION_STATUS_FINAL'], ['physicalPercent', 'EXECUTION_PHYSICAL_RANGE'],
      ['executed', 'EXECUTION_UNKNOWN_SOURCE'], ['executed', 'EXECUTION_AMOUNT_NEGATIVE'], ['executed', 'EXECUTION_SOURCE_TWICE'],
    ]);
  });
});

describe('figures', () => {
  it('keeps physical progress in tenths of a percent', () => {
    expect([percentToTenths(0), percentToTenths(45.5), percentToTenths(100), percentToTenths(100.1), percentToTenths(33.33), percentToTenths(-1)]).toEqual([0, 455, 1000, null, null, null]);
  });

  it('gives each source of the financing table its budget line and code', () => {
    const lines = budgetLines([
      { source: 'participatory_budget', contribution: 'money', amountCents: 90_00 },
      { source: 'pledge', funderKind: 'community', funderName: 'Vecinos', contribution: 'in_kind', amountCents: 10_00 },
      { source: 'agreement', agreementId: 'a', partyKind: 'ngo', partyName: 'ONG', contribution: 'money', amountCents: 5_00 },
      { source: 'pledge', funderKind: 'company', funderName: 'Empresa', contribution: 'money', amountCents: 1_00 },
    ]);
    expect(lines.map((l) => [l.code, l.budgetedCents, l.executedCents])).toEqual([['pp', 90_00, 0], ['aporte1', 10_00, 0], ['convenio1', 5_00, 0], ['aporte2', 1_00, 0]]);
    expect(financialFraction([{ budgetedCents: 100, executedCents: 50 }, { budgetedCents: 100, executedCents: 100 }])).toBe(0.75);
    expect(financialFraction([])).toBe(0);
  });

  it('flags an open project with a milestone past its planned date and no actual date', () => {
    const late = [{ plannedOn: '2027-03-01', actualOn: null }];
    expect(behindSchedule('in_execution', late, '2027-03-02')).toBe(true);
    expect(behindSchedule('in_execution', late, '2027-03-01')).toBe(false);
    expect(behindSchedule('in_execution', [{ plannedOn: '2027-03-01', actualOn: '2027-03-05' }], '2027-04-01')).toBe(false);
    expect(behindSchedule('cancelled', late, '2027-04-01')).toBe(false);
  });
});

describe('the values of the budget system\'s file', () => {
  it('reads dates, percentages, amounts and statuses as people write them', () => {
    expect([parseDate('2027-07-31'), parseDate('31/07/2027'), parseDate('1/8/2027'), parseDate('31/02/2027'), parseDate('julio')]).toEqual(['2027-07-31', '2027-07-31', '2027-08-01', null, null]);
    expect([parsePercent('45'), parsePercent('45,5'), parsePercent('45.5 %'), parsePercent('100,1'), parsePercent('4,55')]).toEqual([450, 455, 455, null, null]);
    expect([parseSoles('12500'), parseSoles('12500,5'), parseSoles('S/ 12500.50'), parseSoles('12,500.50'), parseSoles('-3')]).toEqual([12_500_00, 12_500_50, 12_500_50, null, null]);
    expect([parseStatus('En ejecución'), parseStatus('CONCLUIDO'), parseStatus('en licitacion'), parseStatus('paralizado'), parseStatus('listo')]).toEqual(['in_execution', 'completed', 'tendering', 'suspended', null]);
  });
});

describe('a long file', () => {
  it('is read and checked in slices, each reporting how far it got', async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => `${i + 1},2027-07-31,${i % 100}`);
    const bytes = new TextEncoder().encode(['proyecto,fecha,avance_fisico', ...rows].join('\n'));
    const seen: { charsParsed?: number; parsed?: number; validated?: number }[] = [];
    const checkpoint = async (p: { charsParsed?: number; parsed?: number; validated?: number }) => { seen.push({ ...p }); };
    const csv = await parseExecutionCsv(bytes, checkpoint);
    expect(csv.records).toHaveLength(1_200);
    const parsed = seen.flatMap((p) => (p.parsed === undefined ? [] : [p.parsed]));
    expect(parsed.length).toBeGreaterThan(1);
    expect(parsed).toEqual([...parsed].sort((a, b) => a - b));
    expect(parsed.at(-1)).toBe(1_200);
    seen.length = 0;
    const targets = [{ id: 'p1', title: 'Uno', number: 1, status: 'in_design' as const, statusReason: null, physicalTenths: 0, investmentCode: null, reportedOn: null, lines: [] }];
    const plan = await planExecutionImport(csv, targets, '2027-08-01', checkpoint);
    expect(seen.map((p) => p.validated)).toEqual([500, 1_000, 1_200]);
    expect([plan.total, plan.rows.length, plan.invalidLines]).toEqual([1_200, 1, 1_199]);
    expect(plan.issues[0]).toEqual({ line: 3, column: 'proyecto', code: 'EXECUTION_CSV_UNKNOWN_PROJECT', params: { what: 'N.°', value: '2' } });
  });
});
