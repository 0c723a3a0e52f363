/**
 * The oversight committee's rules, pure (no I/O): how an agreed project stands in the municipality's opening budget
 * (PIA), the deadline of a request for information in working days, when a request is overdue, the semesters of the
 * vigilance report and the account of past agreements.
 */
import { addDays } from '../shared/clock.ts';

/**
 * How an agreed project stands in the opening budget (PIA): included with (at least) the agreed amount, included with
 * less, or missing (no amount recorded, or zero).
 */
export const PIA_FLAGS = ['included', 'included_less', 'missing'] as const;
export type PiaFlag = (typeof PIA_FLAGS)[number];

export function piaFlag(agreedCents: number, piaCents: number | null): PiaFlag {
  if (piaCents === null || piaCents <= 0) return 'missing';
  return piaCents >= agreedCents ? 'included' : 'included_less';
}

/**
 * The least time the municipality is given to answer a request for information: seven working days (Monday to
 * Friday; public holidays are not counted out). A request's deadline is that day or later; it is its default.
 */
export const MIN_WORKING_DAYS = 7;

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The date `n` working days after `date` (YYYY-MM-DD): weekends are skipped. */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (!isWeekend(d)) left -= 1;
  }
  return d;
}

/** A request is overdue when its deadline (a local date) has passed, the day itself still in time, with no answer. */
export function isOverdue(r: { deadline: string; answeredAt: string | null }, today: string): boolean {
  return r.answeredAt === null && r.deadline < today;
}

/** Requests in the order the committee reads them: overdue first, then unanswered by deadline, then answered. */
export function requestOrder<T extends { deadline: string; answeredAt: string | null; sentAt: string }>(requests: readonly T[], today: string): T[] {
  const rank = (r: T) => (isOverdue(r, today) ? 0 : r.answeredAt === null ? 1 : 2);
  return [...requests].sort((a, b) => rank(a) - rank(b) || a.deadline.localeCompare(b.deadline) || a.sentAt.localeCompare(b.sentAt));
}

/** The vigilance report's semesters: the first January to June, the second July to December. */
export type Half = 1 | 2;

export function semester(year: number, half: Half): { from: string; to: string } {
  return half === 1 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/**
 * The semesters a process's vigilance reports may cover, those begun by `today`: from the second of the year before
 * its fiscal year (the list is formalized and the opening budget approved then) to the end of the year after it.
 */
export function reportSemesters(fiscalYear: number, today: string): { year: number; half: Half }[] {
  const out: { year: number; half: Half }[] = [];
  for (const year of [fiscalYear - 1, fiscalYear, fiscalYear + 1]) {
    for (const half of [1, 2] as const) if ((year > fiscalYear - 1 || half === 2) && semester(year, half).from <= today) out.push({ year, half });
  }
  return out.reverse();
}

/** The semester a local date falls in. */
export function semesterOf(date: string): { year: number; half: Half } {
  return { year: Number(date.slice(0, 4)), half: Number(date.slice(5, 7)) <= 6 ? 1 : 2 };
}

/**
 * Where a past agreement stands in the account the mayor gives at the next year's opening (rendición de cuentas):
 * done (completed), in progress (tendering, works, or suspended), not started (still in design), cancelled.
 */
export const ACCOUNT_STATES = ['done', 'in_progress', 'not_started', 'cancelled'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export function accountState(status: 'in_design' | 'tendering' | 'in_execution' | 'completed' | 'suspended' | 'cancelled'): AccountState {
  switch (status) {
    case 'completed': return 'done';
    case 'cancelled': return 'cancelled';
    case 'in_design': return 'not_started';
    default: return 'in_progress';
  }
}
