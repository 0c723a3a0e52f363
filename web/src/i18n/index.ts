import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import es from './es.json';
import en from './en.json';

/**
 * Messages come in parts per language: `<lang>.json`, the shell (header, home, municipality, sign-in), bundled with
 * the first download; the PB cycle's shared part, fetched with the first cycle page (`loadCycleMessages`, called by
 * every lazily loaded route): `<lang>.common.json` (shared by several areas and the shared components) and, from every
 * area's `areas/<area>/i18n/<lang>.json`, its `process.*`, `staff.*` and `common.*` keys (the frames' menus show every
 * area's entries); and each area's own messages, fetched with that area's pages (`loadAreaMessages`, routes.tsx).
 * A page on a cheap phone so loads its own area's words, not the whole cycle's (about 25 KB brotli and growing).
 * Keys keep one flat, dotted name space (`registrationsAdmin.title`); a key lives in exactly one part.
 */

/** UI languages. Spanish is the default; the choice is kept in localStorage. */
const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const DEFAULT_LANGUAGE: Language = 'es';
const STORAGE_KEY = 'concerta.lang';

// en.json must have the shape of es.json (the i18n-keys test checks the exact key sets both ways).
const english: typeof es = en;

/**
 * The typed catalogues of the areas: each area adds itself in its `areas/<area>/i18n/catalog.ts` (a module
 * augmentation), so a new area needs no line here.
 */
export interface AreaCatalogs {}
type CommonCatalog = typeof import('./es.common.json');
type EnglishCommonMatches = typeof import('./en.common.json') extends CommonCatalog ? true : never;
const englishCommonMatches: EnglishCommonMatches = true;
void englishCommonMatches;
type Catalog = Record<string, unknown>;

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? K extends `${infer Base}_${PluralSuffix}`
      ? `${P}${Base}`
      : `${P}${K}`
    : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every translation key of the app, so a misspelt key given to t() is a type error. */
export type MessageKey = Leaves<typeof es> | Leaves<CommonCatalog> | { [A in keyof AreaCatalogs]: Leaves<AreaCatalogs[A]> }[keyof AreaCatalogs];
export type TFunction = (key: MessageKey, options?: Record<string, unknown>) => string;

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
  // A page re-renders when the messages it waits for arrive (an area's part loaded after the page's frame).
  react: { bindI18nStore: 'added' },
  initAsync: false,
  returnNull: false,
});

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  // The server reads it to announce the page's messages in this language (src/http/page-hints.ts); nothing else.
  document.cookie = `lang=${isLanguage(lng) ? lng : DEFAULT_LANGUAGE}; path=/; max-age=31536000; samesite=lax`;
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

const cycleLoaders: Record<Language, () => Promise<{ default: Catalog[] }>> = {
  es: () => import('./es.cycle'),
  en: () => import('./en.cycle'),
};
const cycleLoaded = new Map<Language, Promise<void>>();
let cycleWanted = false;

/**
 * Adds the PB cycle's shared messages (the common part, and the menus and shared words of every area) of a language (by
 * default the current one) to i18next, once. The lazily loaded routes await it before rendering; after that, a
 * language switch loads the other language's part first.
 */
export function loadCycleMessages(lng: Language = currentLanguage()): Promise<void> {
  cycleWanted = true;
  let loading = cycleLoaded.get(lng);
  if (!loading) {
    loading = cycleLoaders[lng]().then((module) => {
      for (const part of module.default) i18n.addResourceBundle(lng, 'translation', part, true, true);
    });
    loading.catch(() => cycleLoaded.delete(lng));
    cycleLoaded.set(lng, loading);
  }
  return loading;
}

/** Each area's own messages, one chunk per area and language, fetched with the area's pages. */
const areaLoaders: Record<Language, Record<string, () => Promise<Catalog>>> = {
  es: import.meta.glob<Catalog>('../areas/*/i18n/es.json', { import: 'default' }),
  en: import.meta.glob<Catalog>('../areas/*/i18n/en.json', { import: 'default' }),
};
const areaLoaded = new Map<string, Promise<void>>();
const areasWanted = new Set<string>();

/**
 * Adds an area's own messages of a language (by default the current one) to i18next, once: the area's lazily loaded
 * pages await it with the cycle's part (see routes.tsx). A language switch loads every area wanted so far first.
 */
export function loadAreaMessages(area: string, lng: Language = currentLanguage()): Promise<void> {
  areasWanted.add(area);
  const key = `${lng} ${area}`;
  let loading = areaLoaded.get(key);
  if (!loading) {
    const load = areaLoaders[lng][`../areas/${area}/i18n/${lng}.json`];
    loading = load ? load().then((part) => { i18n.addResourceBundle(lng, 'translation', part, true, true); }) : Promise.resolve();
    loading.catch(() => areaLoaded.delete(key));
    areaLoaded.set(key, loading);
  }
  return loading;
}

export async function setLanguage(lng: Language): Promise<unknown> {
  await Promise.all([...(cycleWanted ? [loadCycleMessages(lng)] : []), ...[...areasWanted].map((a) => loadAreaMessages(a, lng))]);
  return i18n.changeLanguage(lng);
}

/** useTranslation with a `t` typed against the Spanish catalogue. */
export function useT(): { t: TFunction; language: Language } {
  const { t, i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage ?? instance.language;
  return { t: t as unknown as TFunction, language: isLanguage(lng) ? lng : DEFAULT_LANGUAGE };
}

export default i18n;
