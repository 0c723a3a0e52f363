import { describe, expect, it } from 'vitest';
import { accountState, addWorkingDays, isOverdue, piaFlag, reportSemesters, requestOrder, semester, semesterOf } from '../../src/oversight/oversight.ts';

describe('the oversight rules', () => {
  it('flags a project by what the opening budget gives it against the agreed amount', () => {
    expect(piaFlag(100_00, 100_00)).toBe('included');
    expect(piaFlag(100_00, 150_00)).toBe('included');
    expect(piaFlag(100_00, 99_99)).toBe('included_less');
    expect(piaFlag(100_00, 0)).toBe('missing');
    expect(piaFlag(100_00, null)).toBe('missing');
  });

  it('counts working days, skipping weekends', () => {
    // 2026-12-04 is a Friday.
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-04', 7)).toBe('2026-12-15');
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-07', 5)).toBe('2026-12-14');
  });

  it('makes a request overdue only after its deadline day, and only while unanswered', () => {
    expect(isOverdue({ deadline: '2026-12-10', answeredAt: null }, '2026-12-10')).toBe(false);
    expect(isOverdue({ deadline: '2026-12-10', answeredAt: null }, '2026-12-11')).toBe(true);
    expect(isOverdue({ deadline: '2026-12-10', answeredAt: '2026-12-12T10:00:00.000Z' }, '2026-12-20')).toBe(false);
    const order = requestOrder([
      { id: 'answered', deadline: '2026-12-01', answeredAt: '2026-11-30T10:00:00.000Z', sentAt: '1' },
      { id: 'later', deadline: '2026-12-20', answeredAt: null, sentAt: '2' },
      { id: 'overdue', deadline: '2026-12-05', answeredAt: null, sentAt: '3' },
      { id: 'sooner', deadline: '2026-12-15', answeredAt: null, sentAt: '4' },
    ], '2026-12-10');
    expect(order.map((r) => r.id)).toEqual(['overdue', 'sooner', 'later', 'answered']);
  });

  it('cuts the year in two semesters and lists the reports begun', () => {
    expect(semester(2007, 1)).toEqual({ from: '2007-01-01', to: '2007-06-30' });
    expect(semester(2007, 2)).toEqual({ from: '2007-07-01', to: '2007-12-31' });
    expect(semesterOf('2007-06-30')).toEqual({ year: 2007, half: 1 });
    expect(semesterOf('2007-07-01')).toEqual({ year: 2007, half: 2 });
    expect(reportSemesters(2007, '2007-03-01')).toEqual([{ year: 2007, half: 1 }, { year: 2006, half: 2 }]);
    expect(reportSemesters(2007, '2006-05-01')).toEqual([]);
    expect(reportSemesters(2007, '2030-01-01')).toHaveLength(5);
  });

  it('tells where a past agreement stands', () => {
    expect(accountState('completed')).toBe('done');
    expect(accountState('cancelled')).toBe('cancelled');
    expect(accountState('in_design')).toBe('not_started');
    expect(['tendering', 'in_execution', 'suspended'].map((s) => accountState(s as 'tendering'))).toEqual(['in_progress', 'in_progress', 'in_progress']);
  });
});
