import type { Language } from '../i18n';

/**
 * Numbers, money, dates and times as people in Peru read them. Money is kept in integer céntimos by the API.
 * Peru writes amounts with a decimal point and comma groups in Spanish as in English ("S/ 420,000.00", as the MEF
 * and Intl's es-PE do), so both languages show the same figures and match the server's messages.
 * Dates (YYYY-MM-DD) are calendar days, shown without any time zone shift; instants are shown in Peru time.
 */
const NBSP = '\u00a0';
const PERU_TIME_ZONE = 'America/Lima';

function group(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A number with a fixed count of decimals, grouped the way each language writes it. */
export function formatNumber(value: number, language: Language, decimals = 0): string {
  const negative = value < 0;
  const [integer = '0', fraction] = Math.abs(value).toFixed(decimals).split('.');
  void language;
  const grouped = group(integer, ',');
  const text = fraction ? `${grouped}.${fraction}` : grouped;
  return negative ? `-${text}` : text;
}

/** Céntimos as soles: 42000000 -> "S/ 420,000.00". */
export function formatSoles(cents: number, language: Language): string {
  return `S/${NBSP}${formatNumber(cents / 100, language, 2)}`;
}

/** A share 0..1 as a percentage: 0.8909 -> "89.1 %" (es) or "89.1%" (en); whole numbers lose the decimal. */
export function formatPercent(share: number, language: Language, decimals = 1): string {
  const value = share * 100;
  const rounded = Number(value.toFixed(decimals));
  const text = formatNumber(rounded, language, Number.isInteger(rounded) ? 0 : decimals);
  return language === 'es' ? `${text}${NBSP}%` : `${text}%`;
}

const locale = (language: Language) => (language === 'es' ? 'es-PE' : 'en-US');

function parseDay(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

/** "2026-12-11" -> "11 de diciembre de 2026" / "December 11, 2026" (or the short form "11 dic. 2026" / "Dec 11, 2026"). */
export function formatDate(date: string, language: Language, style: 'long' | 'medium' = 'long'): string {
  const day = parseDay(date);
  if (!day) return date;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: style, timeZone: 'UTC' }).format(day);
}

/** An ISO instant in Peru time: "29 nov. 2026, 10:15" / "Nov 29, 2026, 10:15 AM". */
export function formatDateTime(iso: string, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: PERU_TIME_ZONE }).format(at);
}


/** Today in Peru as YYYY-MM-DD (the server counts deadlines in Peru local dates). */
export function peruToday(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PERU_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const day = parseDay(date) ?? new Date();
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * A local Peru date and time typed in a form ("2027-03-10" + "18:00") as an ISO instant with its offset.
 * Peru has kept UTC-5 all year since 1994 (no daylight saving time).
 */
export function peruInstant(date: string, time: string): string {
  return `${date}T${time}:00-05:00`;
}

/**
 * An amount typed in soles ("420000", "420 000,50", "420,000.50", "S/ 1.500") as céntimos, or null when it is not one.
 * The last "," or "." followed by one or two digits is the decimal mark; other separators are groupings.
 */
export function parseSoles(raw: string): number | null {
  const text = raw.replace(/S\/\.?/i, '').replace(/[\s\u00a0\u202f]/g, '');
  if (!text) return null;
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const m = /^(.*?)[.,](\d{1,2})$/.exec(text);
  const integerPart = (m ? m[1]! : text).replace(/[.,]/g, '');
  const fraction = m ? m[2]!.padEnd(2, '0') : '00';
  if (!/^\d+$/.test(integerPart || '0')) return null;
  const cents = Number(integerPart || '0') * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Céntimos as a plain amount for an input ("420000.00"), without grouping. */
export function solesForInput(cents: number, language: Language): string {
  void language;
  return (cents / 100).toFixed(2);
}

/** File sizes: "1.2 MB". */
export function formatBytes(bytes: number, language: Language): string {
  if (bytes < 1024) return `${bytes}${NBSP}B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, language, 0)}${NBSP}KB`;
  return `${formatNumber(bytes / (1024 * 1024), language, 1)}${NBSP}MB`;
}

/** The Peru calendar day of an instant: "29 nov. 2026" / "Nov 29, 2026". */
export function formatInstantDate(iso: string, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: PERU_TIME_ZONE }).format(at);
}

/** The Peru clock time of an instant: "18:00" / "6:00 PM". */
export function formatInstantTime(iso: string, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { timeStyle: 'short', timeZone: PERU_TIME_ZONE }).format(at);
}
