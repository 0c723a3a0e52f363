import { AppError, type ErrorCode } from '../shared/errors.ts';
import { LOCAL_TIME_ZONE, addDays, localDate } from '../shared/clock.ts';

/**
 * The times of a session that takes attendance (a training session, a workshop): pure rules, no I/O. Instants are
 * stored as ISO UTC text; the day of a session, and every date shown to people, is read in Peru's time zone.
 */
export interface SessionTimes {
  startsAt: string;
  endsAt: string;
}

export type SessionStatus = 'upcoming' | 'in_progress' | 'ended';

/** An instant as ISO UTC text, the one form stored and compared. */
export function toUtc(instant: string): string {
  return new Date(instant).toISOString();
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LOCAL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The local (Peru) wall-clock time of an instant, HH:MM. */
export function localTime(instant: string): string {
  return timeFormat.format(new Date(instant));
}

/** "2027-03-10 18:00", Peru time: how instants are named in error messages. */
export function localStamp(instant: string): string {
  return `${localDate(instant)} ${localTime(instant)}`;
}

/** The longest a session may last: a day of workshops. */
export const MAX_SESSION_HOURS = 24;

/**
 * A session ends after it starts (else `endsBeforeStart`, the code of the session's kind), lasts a day at most, and
 * falls within its process's cycle: from two months before Preparation starts to the end of Execution (a date like
 * 9999-12-31 is a typing error, and would invite every agent).
 */
export function checkSessionTimes(startsAt: string, endsAt: string, calendar: readonly { startsOn: string; endsOn: string }[] | undefined,
  endsBeforeStart: ErrorCode): AppError | null {
  const start = new Date(startsAt).getTime();
  const end = new Date(endsAt).getTime();
  if (end <= start) return new AppError(endsBeforeStart, { startsAt: localStamp(startsAt), endsAt: localStamp(endsAt) }, 'endsAt');
  if (end - start > MAX_SESSION_HOURS * 3_600_000) return new AppError('VALIDATION', { rule: 'max_hours', max: MAX_SESSION_HOURS }, 'endsAt');
  if (calendar && calendar.length > 0) {
    const from = addDays(calendar.map((c) => c.startsOn).sort()[0]!, -61);
    const to = calendar.map((c) => c.endsOn).sort().at(-1)!;
    if (localDate(startsAt) < from || localDate(startsAt) > to) return new AppError('VALIDATION', { rule: 'date_range', from, to }, 'startsAt');
  }
  return null;
}

/** The local days a session covers (usually one). */
export function sessionDays(s: SessionTimes): { from: string; to: string } {
  return { from: localDate(s.startsAt), to: localDate(s.endsAt) };
}

/** Check-in by DNI is open only on the session's local day(s). */
export function checkInOpen(s: SessionTimes, at: Date | string): boolean {
  const today = localDate(at);
  const { from, to } = sessionDays(s);
  return today >= from && today <= to;
}

/** A facilitator may type attendance in from the session's local day on (paper sheets are often typed in later). */
export function attendanceOpen(s: Pick<SessionTimes, 'startsAt'>, at: Date | string): boolean {
  return localDate(at) >= localDate(s.startsAt);
}

export function sessionStatus(s: SessionTimes, at: Date | string): SessionStatus {
  const t = new Date(at).getTime();
  if (t < new Date(s.startsAt).getTime()) return 'upcoming';
  if (t < new Date(s.endsAt).getTime()) return 'in_progress';
  return 'ended';
}
