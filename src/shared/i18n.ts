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

/** Fills `{name}` placeholders; numbers are grouped the way each language writes them. */
export function format(template: string, params: Record<string, unknown>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    // Four-digit numbers (years, small counts) are written without grouping, as Spanish style asks.
    if (typeof value === 'number') return Math.abs(value) < 10_000 ? String(value) : value.toLocaleString(lang === 'es' ? 'es-PE' : 'en-US');
    return value === undefined ? `{${key}}` : String(value);
  });
}
