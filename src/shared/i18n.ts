/** The languages Concerta speaks. Spanish first. */
export type Lang = 'es' | 'en';

/** Picks the request language: an explicit `?lang=`, else the first supported Accept-Language tag, else Spanish. */
export function pickLang(acceptLanguage: string | undefined, explicit?: string): Lang {
  if (explicit === 'en' || explicit === 'es') return explicit;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    if (tag === 'es' || tag === 'en') return tag;
  }
  return 'es';
}

const LOCALES: Record<Lang, string> = { es: 'es-PE', en: 'en-US' };
// Built once per language: an Intl formatter costs far more to build than to use.
const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
const instantFormats = new Map<Lang, Intl.DateTimeFormat>();

function dayFormat(lang: Lang): Intl.DateTimeFormat {
  let f = dayFormats.get(lang);
  if (!f) dayFormats.set(lang, (f = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' })));
  return f;
}

function instantFormat(lang: Lang): Intl.DateTimeFormat {
  let f = instantFormats.get(lang);
  if (!f) instantFormats.set(lang, (f = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Lima' })));
  return f;
}

/**
 * A date or an instant as people write it in a sentence: "2026-12-13" is "13 de diciembre de 2026" / "December 13,
 * 2026"; an ISO instant adds the time in Peru ("13 de diciembre de 2026, 15:00"). Anything else is returned as it is.
 */
export function sentenceDate(value: string, lang: Lang): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const d = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12));
    return d.getUTCMonth() === Number(day[2]) - 1 ? dayFormat(lang).format(d) : value;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? value : instantFormat(lang).format(at);
  }
  return value;
}

/** Fills `{name}` placeholders; numbers are grouped and dates written the way each language writes them. */
export function format(template: string, params: Record<string, unknown>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    // Four-digit numbers (years, small counts) are written without grouping, as Spanish style asks.
    if (typeof value === 'number') return Math.abs(value) < 10_000 ? String(value) : value.toLocaleString(LOCALES[lang]);
    if (typeof value === 'string') return sentenceDate(value, lang);
    return value === undefined ? `{${key}}` : String(value);
  });
}
