import { randomUUID } from 'node:crypto';

/** Peru has one time zone, without daylight saving. Local dates (deadlines, session days) are read in it. */
export const LOCAL_TIME_ZONE = 'America/Lima';

/** The current time as ISO-8601 UTC text, the form every timestamp is stored in. */
export function now(): string {
  return new Date().toISOString();
}

export function newId(): string {
  return randomUUID();
}

// en-CA formats dates as YYYY-MM-DD. Built once: an Intl formatter costs far more to build than to use.
const localDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: LOCAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The local calendar date (YYYY-MM-DD) of an instant, in Peru. */
export function localDate(instant: Date | string = new Date()): string {
  return localDateFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
