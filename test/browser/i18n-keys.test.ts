// Pure checks of the web app's translation catalogues (no browser): both languages have the same keys, no empty
// message, the same {{placeholders}}, and every literal key the sources (web/src/**/*.ts, *.tsx) pass to t() exists.
// Each language has several parts: `i18n/<lang>.json` (the shell, in the first download), and the PB cycle's, loaded
// with its pages: `i18n/<lang>.common.json` (shared by several areas) and every area's `areas/<area>/i18n/<lang>.json`.
// The pages loaded up front may use only the first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const webSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'src');
const LANGUAGES = ['es', 'en'] as const;
const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'];

type Catalogue = { [key: string]: string | Catalogue };

/** Areas with messages of their own (a folder `areas/<area>/i18n/`). */
const AREAS_WITH_MESSAGES = fs
  .readdirSync(path.join(webSrc, 'areas'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(webSrc, 'areas', e.name, 'i18n')))
  .map((e) => e.name);

/** Every part of a language's messages, by a name for the reports: 'shell', 'common', 'area:<name>'. */
const PARTS: { name: string; file: (lang: string) => string }[] = [
  { name: 'shell', file: (lang) => path.join(webSrc, 'i18n', `${lang}.json`) },
  { name: 'common', file: (lang) => path.join(webSrc, 'i18n', `${lang}.common.json`) },
  ...AREAS_WITH_MESSAGES.map((area) => ({ name: `area:${area}`, file: (lang: string) => path.join(webSrc, 'areas', area, 'i18n', `${lang}.json`) })),
];

function loadPart(lang: string, part: string): Catalogue {
  const file = PARTS.find((p) => p.name === part)!.file(lang);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Catalogue;
}

/** All parts of a language, as i18next sees them once merged (deep). */
function load(lang: string): Catalogue {
  const merge = (into: Catalogue, from: Catalogue): Catalogue => {
    for (const [k, v] of Object.entries(from)) {
      const here = into[k];
      into[k] = typeof v === 'object' && typeof here === 'object' ? merge({ ...here }, v) : v;
    }
    return into;
  };
  return PARTS.reduce((all, part) => merge(all, loadPart(lang, part.name)), {} as Catalogue);
}

/**
 * Sources bundled in the first download (imported eagerly by web/src/routes.tsx: the shell areas, and every area's
 * routes.tsx through web/src/areas/index.ts): they may only use the shell catalogue, since the cycle's messages
 * arrive later.
 */
const EAGER_SOURCES = ['main.tsx', 'routes.tsx', 'areas/index.ts', 'areas/public', 'areas/auth', 'areas/account',
  ...fs.readdirSync(path.join(webSrc, 'areas')).map((area) => `areas/${area}/routes.tsx`), 'components/Layout.tsx',
  'components/LanguageSwitch.tsx', 'components/RoleList.tsx', 'components/PhaseProgress.tsx', 'components/Status.tsx',
  'components/TextField.tsx', 'components/SearchField.tsx', 'lib'];

/** Flattens nested messages into dotted keys; a value that is neither a string nor an object is reported. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, dotted)) out.set(k, v);
    } else {
      out.set(dotted, value);
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Keys named literally in t('…') / t("…") calls, and template keys t(`a.${x}`) as prefixes. */
function keysUsedIn(source: string): { literal: string[]; prefixes: string[] } {
  const literal = [...source.matchAll(/\bt\(\s*(['"])([^'"\n]+?)\1/g)].map((m) => m[2]!);
  const prefixes = [...source.matchAll(/\bt\(\s*`([^`$\n]*)\$\{/g)].map((m) => m[1]!);
  return { literal, prefixes };
}

const catalogues = Object.fromEntries(LANGUAGES.map((lang) => [lang, flatten(load(lang))])) as Record<
  (typeof LANGUAGES)[number],
  Map<string, unknown>
>;

/** A key exists if it is a message, or if its plural forms are (i18next picks key_one / key_other by count). */
function exists(keys: Map<string, unknown>, key: string): boolean {
  return keys.has(key) || PLURAL_SUFFIXES.some((suffix) => keys.has(`${key}_${suffix}`));
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

describe('web translation catalogues (es, en)', () => {
  it('have exactly the same keys', () => {
    const es = [...catalogues.es.keys()].sort();
    const en = [...catalogues.en.keys()].sort();
    expect(en.filter((k) => !catalogues.es.has(k)), 'keys only in en.json').toEqual([]);
    expect(es.filter((k) => !catalogues.en.has(k)), 'keys only in es.json').toEqual([]);
    expect(es.length).toBeGreaterThan(20);
  });

  it('have no empty or non-string message', () => {
    for (const lang of LANGUAGES) {
      const bad = [...catalogues[lang]].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(bad, `empty or non-string messages in ${lang}.json`).toEqual([]);
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    const mismatched = [...catalogues.es]
      .filter(([key, value]) => {
        const other = catalogues.en.get(key);
        return typeof value === 'string' && typeof other === 'string' && placeholders(value).join() !== placeholders(other).join();
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('contain every key the sources pass to t()', () => {
    const files = sourceFiles(webSrc);
    expect(files.filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(5);
    const missing: string[] = [];
    let used = 0;
    for (const file of files) {
      const { literal, prefixes } = keysUsedIn(fs.readFileSync(file, 'utf8'));
      used += literal.length + prefixes.length;
      for (const key of literal) {
        for (const lang of LANGUAGES) {
          if (!exists(catalogues[lang], key)) missing.push(`${path.relative(webSrc, file)}: '${key}' (${lang})`);
        }
      }
      // t(`phase.${phase}`): at least the namespace must exist (the type checker checks each value).
      for (const prefix of prefixes) {
        for (const lang of LANGUAGES) {
          if (![...catalogues[lang].keys()].some((k) => k.startsWith(prefix))) {
            missing.push(`${path.relative(webSrc, file)}: '${prefix}…' (${lang})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(used).toBeGreaterThan(30);
  });

  it('do not let a part overwrite another (no key in two parts)', () => {
    expect(AREAS_WITH_MESSAGES.length, 'areas with messages of their own').toBeGreaterThan(5);
    for (const lang of LANGUAGES) {
      const seen = new Map<string, string>();
      const twice: string[] = [];
      for (const part of PARTS) {
        for (const key of flatten(loadPart(lang, part.name)).keys()) {
          const first = seen.get(key);
          if (first) twice.push(`${key} (${first}, ${part.name})`);
          else seen.set(key, part.name);
        }
      }
      expect(twice, `${lang}: keys in two parts`).toEqual([]);
    }
  });

  it('give every area with messages both languages and a typed catalogue declaration', () => {
    for (const area of AREAS_WITH_MESSAGES) {
      for (const file of ['es.json', 'en.json', 'catalog.ts']) {
        expect(fs.existsSync(path.join(webSrc, 'areas', area, 'i18n', file)), `areas/${area}/i18n/${file}`).toBe(true);
      }
      expect(fs.readFileSync(path.join(webSrc, 'areas', area, 'i18n', 'catalog.ts'), 'utf8')).toContain(`${area}: typeof es;`);
    }
  });

  it('give the pages of the first download only shell messages (the cycle part is loaded later)', () => {
    const shell = flatten(loadPart('es', 'shell'));
    const eager = sourceFiles(webSrc).filter((f) => EAGER_SOURCES.some((e) => path.relative(webSrc, f).startsWith(e)));
    expect(eager.length).toBeGreaterThan(8);
    const wrong: string[] = [];
    for (const file of eager) {
      const { literal, prefixes } = keysUsedIn(fs.readFileSync(file, 'utf8'));
      for (const key of literal) if (!exists(shell, key)) wrong.push(`${path.relative(webSrc, file)}: '${key}'`);
      for (const prefix of prefixes) if (![...shell.keys()].some((k) => k.startsWith(prefix))) wrong.push(`${path.relative(webSrc, file)}: '${prefix}…'`);
    }
    expect(wrong).toEqual([]);
  });

  it("give an area's pages only the words that travel with them: their area's, the shared part, the areas they declare in `uses`", () => {
    // The shared part (web/vite.config.ts, virtual:concerta-i18n-shared): every area's process.*, staff.*, common.*, files.*.
    const SHARED_TOP = ['process', 'staff', 'common', 'files'];
    const base = new Map([...flatten(loadPart('es', 'shell')), ...flatten(loadPart('es', 'common'))]);
    const partOf = (area: string) => (AREAS_WITH_MESSAGES.includes(area) ? flatten(loadPart('es', `area:${area}`)) : new Map<string, unknown>());
    for (const area of AREAS_WITH_MESSAGES) for (const [k, v] of partOf(area)) if (SHARED_TOP.includes(k.split('.')[0]!)) base.set(k, v);
    const wrong: string[] = [];
    for (const area of fs.readdirSync(path.join(webSrc, 'areas'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
      const routes = path.join(webSrc, 'areas', area, 'routes.tsx');
      const uses = fs.existsSync(routes) ? [...(/uses: \[([^\]]*)\]/.exec(fs.readFileSync(routes, 'utf8'))?.[1] ?? '').matchAll(/'([a-z]+)'/g)].map((m) => m[1]!) : [];
      const known = new Map([...base, ...partOf(area), ...uses.flatMap((u) => [...partOf(u)])]);
      for (const file of sourceFiles(path.join(webSrc, 'areas', area))) {
        const source = fs.readFileSync(file, 'utf8');
        // A component of another area brings that area's words: the area must be in `uses` (its api.ts brings none).
        for (const m of source.matchAll(/(?:from |import\()'\.\.\/([a-z]+)\/([A-Za-z-]+)'/g)) {
          if (m[2] !== 'api' && m[1] !== 'files' && AREAS_WITH_MESSAGES.includes(m[1]!) && !uses.includes(m[1]!)) wrong.push(`${path.relative(webSrc, file)}: shows ${m[1]}/${m[2]} without uses: ['${m[1]}']`);
        }
        const { literal, prefixes } = keysUsedIn(source);
        for (const key of literal) if (!exists(known, key)) wrong.push(`${path.relative(webSrc, file)}: '${key}'`);
        for (const prefix of prefixes) if (![...known.keys()].some((k) => k.startsWith(prefix))) wrong.push(`${path.relative(webSrc, file)}: '${prefix}…'`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('scan finds keys the way the sources write them', () => {
    const sample = `t('a.b'); t("c.d", { n: 1 }); t(\`phase.\${p}\`); format('x.y'); at('no.no')`;
    expect(keysUsedIn(sample)).toEqual({ literal: ['a.b', 'c.d'], prefixes: ['phase.'] });
  });
});
