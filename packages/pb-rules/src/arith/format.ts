import { Rational } from './rational.ts';

/** The two languages every message of this package is written in. */
export type Locale = 'en' | 'es';

/**
 * Separators per locale. Spanish here is Peru's (es-PE), which writes 1,200,000.50 like English, not
 * 1.200.000,50 as in Spain: the numbers on a results page in Ilo must read as Peruvians write them.
 */
const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  es: { group: ',', decimal: '.' },
};

function groupDigits(intPart: string, sep: string): string {
  let out = '';
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) out += sep;
    out += intPart[i];
  }
  return out;
}

/**
 * Formats an exact amount or count for people: thousands grouped, at most `maxDecimals` decimals
 * (rounded half away from zero), no trailing zeros. Non-numeric text is returned unchanged.
 */
export function formatNumber(value: Rational | number | bigint | string, locale: Locale, maxDecimals = 2): string {
  let r: Rational | null;
  if (value instanceof Rational) r = value;
  else if (typeof value === 'string') r = Rational.parse(value);
  else r = Rational.of(value);
  if (!r) return String(value);
  const text = r.toDecimalString(maxDecimals);
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [intPart = '0', frac] = body.split('.');
  const sep = SEPARATORS[locale];
  const grouped = groupDigits(intPart, sep.group) + (frac ? sep.decimal + frac : '');
  return negative ? `-${grouped}` : grouped;
}
