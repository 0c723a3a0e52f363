import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import es from './es.json';
import en from './en.json';

/**
 * Messages come in two parts per language: `<lang>.json`, the shell (header, home, municipality, sign-in), bundled
 * with the first download; and `<lang>.cycle.json`, the pages of the PB cycle (process, registration, staff),
 * fetched with those pages (see `loadCycleMessages`, called by every lazily loaded route).
 */

/** UI languages. Spanish is the default; the choice is kept in localStorage. */
const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const DEFAULT_LANGUAGE: Language = 'es';
const STORAGE_KEY = 'concerta.lang';

// en.json must have the shape of es.json (the i18n-keys test checks the exact key sets both ways).
const english: typeof es = en;

/** The PB cycle's messages (types only here: the files are fetched lazily). */
type CycleCatalog = typeof import('./es.cycle.json');
type EnglishCycleMatches = typeof import('./en.cycle.json') extends CycleCatalog ? true : never;
const englishCycleMatches: EnglishCycleMatches = true;
void englishCycleMatches;

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? K extends `${infer Base}_${PluralSuffix}`
      ? `${P}${Base}`
      : `${P}${K}`
    : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every translation key of the app, so a misspelt key given to t() is a type error. */
export type MessageKey = Leaves<typeof es> | Leaves<CycleCatalog>;
type TFunction = (key: MessageKey, options?: Record<string, unknown>) => string;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(value)) return value;
  } catch {
    // Storage can be unavailable (private mode, disabled cookies): fall back to the default.
  }
  return DEFAULT_LANGUAGE;
}

void i18n.use(initReactI18next).init({
  resources: { es: { translation: es }, en: { translation: english } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes.
  initAsync: false,
  returnNull: false,
});

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
}
applyLanguage(i18n.language);

i18n.on('languageChanged', (lng) => {
  applyLanguage(lng);
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not fatal: the choice only lasts for this page load.
  }
});

/** The current UI language, always one of LANGUAGES. */
export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

const cycleLoaders: Record<Language, () => Promise<{ default: CycleCatalog }>> = {
  es: () => import('./es.cycle.json'),
  en: () => import('./en.cycle.json'),
};
const cycleLoaded = new Map<Language, Promise<void>>();
let cycleWanted = false;

/**
 * Adds the PB cycle's messages of a language (by default the current one) to i18next, once. The lazily loaded
 * routes await it before rendering; after that, a language switch loads the other language's part first.
 */
export function loadCycleMessages(lng: Language = currentLanguage()): Promise<void> {
  cycleWanted = true;
  let loading = cycleLoaded.get(lng);
  if (!loading) {
    loading = cycleLoaders[lng]().then((module) => {
      i18n.addResourceBundle(lng, 'translation', module.default, true, true);
    });
    loading.catch(() => cycleLoaded.delete(lng));
    cycleLoaded.set(lng, loading);
  }
  return loading;
}

export async function setLanguage(lng: Language): Promise<unknown> {
  if (cycleWanted) await loadCycleMessages(lng);
  return i18n.changeLanguage(lng);
}

/** useTranslation with a `t` typed against the Spanish catalogue. */
export function useT(): { t: TFunction; language: Language } {
  const { t, i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage ?? instance.language;
  return { t: t as unknown as TFunction, language: isLanguage(lng) ? lng : DEFAULT_LANGUAGE };
}

export default i18n;
