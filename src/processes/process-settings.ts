import { AppError } from '../shared/errors.ts';
import { addDays } from '../shared/clock.ts';
import { CALENDAR_PHASES, type CalendarPhase } from '@concerta/contracts';
import type { ListStages, ProcessRules } from '@concerta/contracts';

/** The first and last days a process's calendar may name. */
const FIRST_DAY = '2000-01-01';
const LAST_DAY = '2100-12-31';

export interface ProcessSettings {
  name: string;
  envelopeCents: number;
  investmentBudgetCents: number;
  calendar: { phase: CalendarPhase; startsOn: string; endsOn: string }[];
  rules: ProcessRules;
  zoneEnvelopes: { zoneId: string; amountCents: number }[];
}

/**
 * The consistency rules of a process's settings (pure): the envelope fits the investment budget, the zone split fits
 * the envelope, the calendar has every phase once and in order, registration closes within Preparation.
 * Returns the first broken rule as an error naming its field, or null.
 */
export function checkSettings(s: ProcessSettings): AppError | null {
  if (s.envelopeCents > s.investmentBudgetCents) {
    return new AppError('ENVELOPE_OVER_INVESTMENT', { envelope: soles(s.envelopeCents), investment: soles(s.investmentBudgetCents) }, 'envelopeCents');
  }
  const zoneTotal = s.zoneEnvelopes.reduce((sum, z) => sum + z.amountCents, 0);
  if (zoneTotal > s.envelopeCents) {
    return new AppError('ZONE_SPLIT_OVER_ENVELOPE', { total: soles(zoneTotal), envelope: soles(s.envelopeCents) }, 'zoneEnvelopes');
  }
  const zoneIds = s.zoneEnvelopes.map((z) => z.zoneId);
  if (new Set(zoneIds).size !== zoneIds.length) return new AppError('VALIDATION', { rule: 'invalid' }, 'zoneEnvelopes');
  const phases = s.calendar.map((c) => c.phase);
  const missing = CALENDAR_PHASES.filter((p) => !phases.includes(p));
  if (missing.length > 0 || phases.length !== CALENDAR_PHASES.length) {
    return new AppError('VALIDATION', { rule: 'one_of', values: CALENDAR_PHASES.join(', ') }, 'calendar');
  }
  const ordered = [...s.calendar].sort((a, b) => CALENDAR_PHASES.indexOf(a.phase) - CALENDAR_PHASES.indexOf(b.phase));
  for (const [i, c] of ordered.entries()) {
    if (c.endsOn < c.startsOn) return new AppError('CALENDAR_ORDER', { phase: c.phase, previous: c.phase }, `calendar.${c.phase}`);
    const previous = ordered[i - 1];
    if (previous && c.startsOn <= previous.endsOn) {
      return new AppError('CALENDAR_ORDER', { phase: c.phase, previous: previous.phase }, `calendar.${c.phase}`);
    }
  }
  // Dates a process can have: within the years a fiscal year can take (2000-2100), the whole cycle within three
  // years. A year like 0000 or 9999 is a typo, not a plan.
  for (const c of ordered) {
    if (c.startsOn < FIRST_DAY || c.endsOn > LAST_DAY) return new AppError('VALIDATION', { rule: 'date_range', from: FIRST_DAY, to: LAST_DAY }, `calendar.${c.phase}`);
  }
  const first = ordered[0]!.startsOn;
  const latest = addDays(first, 3 * 366);
  const last = ordered.at(-1)!;
  if (last.endsOn > latest) return new AppError('VALIDATION', { rule: 'date_range', from: first, to: latest }, `calendar.${last.phase}`);
  const preparation = ordered[0]!;
  if (s.rules.registrationDeadline < preparation.startsOn || s.rules.registrationDeadline > preparation.endsOn) {
    return new AppError('VALIDATION', { rule: 'deadline_in_preparation', from: preparation.startsOn, to: preparation.endsOn }, 'rules.registrationDeadline');
  }
  const concertation = ordered[1]!;
  const proposalDeadline = s.rules.proposalDeadline;
  if (proposalDeadline !== undefined && (proposalDeadline < concertation.startsOn || proposalDeadline > concertation.endsOn)) {
    return new AppError('VALIDATION', { rule: 'deadline_in_concertation', from: concertation.startsOn, to: concertation.endsOn }, 'rules.proposalDeadline');
  }
  return checkListStages(s.rules, preparation);
}

/**
 * The list stages follow registration, in order, within Preparation: preliminary list after the deadline, the
 * challenge window from that day on, the definitive list after the window closes.
 */
function checkListStages(rules: ProcessRules, preparation: { startsOn: string; endsOn: string }): AppError | null {
  const l = rules.listStages;
  if (!l) return null;
  const order: [keyof NonNullable<ProcessRules['listStages']>, string, boolean][] = [
    ['preliminaryListOn', rules.registrationDeadline, false],
    ['challengesFrom', l.preliminaryListOn, true],
    ['challengesUntil', l.challengesFrom, true],
    ['definitiveListOn', l.challengesUntil, false],
  ];
  for (const [field, after, sameDay] of order) {
    const date = l[field];
    if (date < after || (!sameDay && date === after)) return new AppError('VALIDATION', { rule: 'list_stage_order' }, `rules.listStages.${field}`);
    if (date > preparation.endsOn) return new AppError('VALIDATION', { rule: 'deadline_in_preparation', from: preparation.startsOn, to: preparation.endsOn }, `rules.listStages.${field}`);
  }
  return null;
}

/** Céntimos as the soles amount people read: S/ 420,000.00. */
export function soles(cents: number): string {
  return `S/ ${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The calendar and deadline moved by whole years, for a process copied from an earlier one. */
export function shiftYears<T extends { startsOn: string; endsOn: string }>(calendar: T[], years: number): T[] {
  return calendar.map((c) => ({ ...c, startsOn: shiftDate(c.startsOn, years), endsOn: shiftDate(c.endsOn, years) }));
}

export function shiftDate(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  // 29 February becomes 28 February in a year that has none.
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The list stages moved by whole years, like the rest of a copied calendar. */
export function shiftListStages(l: ListStages | null | undefined, years: number): ListStages | null {
  if (!l) return null;
  return {
    preliminaryListOn: shiftDate(l.preliminaryListOn, years), challengesFrom: shiftDate(l.challengesFrom, years),
    challengesUntil: shiftDate(l.challengesUntil, years), definitiveListOn: shiftDate(l.definitiveListOn, years),
  };
}
