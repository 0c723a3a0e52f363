import fs from 'node:fs';
import path from 'node:path';
import type { Lang } from '../shared/i18n.ts';

/**
 * What a citizen's page needs, announced in the page itself. On a phone with a slow link every round trip costs
 * hundreds of milliseconds, and a single-page app discovers its needs late: the main script must arrive and run before
 * it asks for the page's code, its messages and its data, each a further round trip. For the pages citizens open
 * first (a process, its registry), the server adds to `index.html` a `modulepreload` for each chunk the page will
 * import (found in Vite's build manifest, with their static imports) and a `preload` of the API answers the page asks
 * for first, so all of it travels while the main script is still downloading.
 *
 * The table below must follow the web app's routes (web/src/routes.tsx and the areas' routes.tsx): the slow-phone
 * browser test checks that these pages fetch no chunk that was not announced.
 */
interface PageNeeds {
  pattern: RegExp;
  /** Source modules (keys of the manifest, relative to web/) of the page's lazily loaded routes. */
  modules: readonly string[];
  /** Areas whose messages the page loads (the areas of its routes and those they use). */
  areas: readonly string[];
  /** API paths (after /api) the page asks for first, from the path's parameters. */
  api(params: string[], search: string): string[];
}

/** Path parameters are ids and slugs: anything else gets no hints (and so is never written into the page). */
const SEGMENT = '([A-Za-z0-9_-]{1,80})';
const processPath = (slug: string, id: string) => `/municipalities/${slug}/processes/${id}`;
const PROCESS_FRAME = ['src/areas/processes/ProcessLayout.tsx'];

const PAGES: readonly PageNeeds[] = [
  {
    pattern: new RegExp(`^/m/${SEGMENT}/p/${SEGMENT}/?$`),
    modules: [...PROCESS_FRAME, 'src/areas/processes/ProcessOverview.tsx'],
    areas: ['processes', 'communication'],
    api: ([slug, id]) => ['/auth/session', processPath(slug!, id!)],
  },
  {
    pattern: new RegExp(`^/m/${SEGMENT}/p/${SEGMENT}/registry/?$`),
    modules: [...PROCESS_FRAME, 'src/areas/registration/RegistryPage.tsx'],
    areas: ['processes', 'communication', 'registration'],
    // The registry's first page, as the page and its route's prefetch ask for it (REGISTRY_PAGE = 50), when unfiltered.
    api: ([slug, id], search) => ['/auth/session', processPath(slug!, id!), ...(search ? [] : [`${processPath(slug!, id!)}/registry?limit=50`])],
  },
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface PageHints {
  /** The `<link>` tags to add to the page's head, or '' when the path has none. */
  tags(pathname: string, search: string, lang: Lang): string;
}

/** Reads the build manifest of the web app in `dist`; without one (an old build), no hints. */
export function loadPageHints(dist: string): PageHints {
  const file = path.join(dist, '.vite', 'manifest.json');
  const manifest: Record<string, ManifestChunk> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const entryFiles = new Set(Object.values(manifest).filter((c) => c.isEntry).flatMap((c) => [c.file, ...(c.imports ?? []).map((i) => manifest[i]?.file)]));

  /** A module's chunk and every chunk it imports statically, less what the page's entry already loads. */
  const chunksOf = (key: string, into: Set<string>): void => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return;
    if (!entryFiles.has(chunk.file)) into.add(chunk.file);
    for (const imported of chunk.imports ?? []) chunksOf(imported, into);
  };
  const cache = new Map<string, string>();
  const moduleTags = (page: PageNeeds, lang: Lang): string => {
    const key = `${PAGES.indexOf(page)} ${lang}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const chunks = new Set<string>();
    for (const m of [`src/i18n/${lang}.cycle.ts`, ...page.areas.map((a) => `src/areas/${a}/i18n/${lang}.json`), ...page.modules]) chunksOf(m, chunks);
    const tags = [...chunks].map((f) => `<link rel="modulepreload" href="/${f}">`).join('');
    cache.set(key, tags);
    return tags;
  };

  return {
    tags(pathname, search, lang) {
      if (Object.keys(manifest).length === 0) return '';
      for (const page of PAGES) {
        const match = page.pattern.exec(pathname);
        if (!match) continue;
        const data = page.api(match.slice(1), search).map((p) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="/api${p}">`).join('');
        // The data first: the browser takes requests in this order when its six connections are busy.
        return data + moduleTags(page, lang);
      }
      return '';
    },
  };
}
