import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPageHints } from '../../src/http/page-hints.ts';

const dist = path.resolve(import.meta.dirname, '../../web/dist');
const manifest = path.join(dist, '.vite', 'manifest.json');

/** The links a citizen's first pages carry (src/http/page-hints.ts), read from the built app's manifest. */
describe.skipIf(!fs.existsSync(manifest) && !process.env.CI)('page hints', () => {
  const hints = loadPageHints(dist);
  const chunks = JSON.parse(fs.existsSync(manifest) ? fs.readFileSync(manifest, 'utf8') : '{}') as Record<string, { file: string }>;

  it('announces a process page’s code, its messages in the chosen language and its data', () => {
    const tags = hints.tags('/m/ilo/p/0b6f2a1c-7d2e-4a35-9b9e-1f7f1a2b3c4d', '', 'es');
    expect(tags).toContain(`<link rel="modulepreload" href="/${chunks['src/areas/processes/ProcessLayout.tsx']!.file}">`);
    expect(tags).toContain(`<link rel="modulepreload" href="/${chunks['src/areas/processes/i18n/es.json']!.file}">`);
    expect(tags).not.toContain(chunks['src/areas/processes/i18n/en.json']!.file);
    expect(tags).toContain('<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/municipalities/ilo/processes/0b6f2a1c-7d2e-4a35-9b9e-1f7f1a2b3c4d">');
    expect(tags.indexOf('/api/')).toBeLessThan(tags.indexOf('modulepreload'));
    expect(hints.tags('/m/ilo/p/x1', '', 'en')).toContain(chunks['src/areas/processes/i18n/en.json']!.file);
  });

  it('announces the registry’s first page only when the list is not filtered', () => {
    expect(hints.tags('/m/ilo/p/p1/registry', '', 'es')).toContain('href="/api/municipalities/ilo/processes/p1/registry?limit=50"');
    expect(hints.tags('/m/ilo/p/p1/registry', 'status=approved', 'es')).not.toContain('/registry?limit=50');
    expect(hints.tags('/m/ilo/p/p1/registry', '', 'es')).toContain(chunks['src/areas/registration/RegistryPage.tsx']!.file);
  });

  it('writes nothing for other pages, or for a path that is not made of ids and slugs', () => {
    expect(hints.tags('/', '', 'es')).toBe('');
    expect(hints.tags('/m/ilo/staff/p/p1', '', 'es')).toBe('');
    expect(hints.tags('/m/ilo/p/"><script>alert(1)</script>', '', 'es')).toBe('');
    expect(hints.tags('/m/ilo/p/%22%3E%3Cscript%3E', '', 'es')).toBe('');
  });
});
