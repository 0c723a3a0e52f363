import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * `virtual:concerta-i18n-shared/<lang>`: the part of every area's messages that pages of other areas show, read from
 * the areas' `i18n/<lang>.json` at build time: the public process frame's menu (`process.*`), the staff menus
 * (`staff.*`), the words shared by several areas (`common.*`) and the file upload's (`files.*`, used by many forms). It travels with the common messages; the rest of
 * an area's messages comes with its pages (see web/src/i18n `loadAreaMessages`).
 */
const SHARED_KEYS = ['process', 'staff', 'common', 'files'] as const;
function sharedMessages(): Plugin {
  const prefix = 'virtual:concerta-i18n-shared/';
  const areasDir = path.join(fileURLToPath(new URL('.', import.meta.url)), 'src', 'areas');
  return {
    name: 'concerta-i18n-shared',
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null;
      const lang = id.slice(prefix.length + 1);
      const parts = fs.readdirSync(areasDir).sort().flatMap((area) => {
        const file = path.join(areasDir, area, 'i18n', `${lang}.json`);
        if (!fs.existsSync(file)) return [];
        this.addWatchFile(file);
        const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        const picked = Object.fromEntries(SHARED_KEYS.filter((k) => k in all).map((k) => [k, all[k]]));
        return Object.keys(picked).length > 0 ? [picked] : [];
      });
      return `export default ${JSON.stringify(parts)};`;
    },
  };
}

// The web shell lives in web/; the API server serves web/dist in production (SPA fallback to index.html).
const root = fileURLToPath(new URL('.', import.meta.url));
// The API server the dev server sends /api to: `npm run dev` runs both, on PORT (default 3000).
const api = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every built text file worth compressing, at the highest levels:
 * the server sends the smallest the browser accepts (@fastify/static `preCompressed`), so a phone on a slow link
 * downloads about a quarter of the bytes, and nothing is compressed per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'concerta-precompress',
    apply: 'build',
    configResolved(config) { outDir = path.resolve(config.root, config.build.outDir); },
    closeBundle() {
      const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json|txt)$/.test(f))) {
        const content = fs.readFileSync(file);
        if (content.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * dist/sw.js: web/src/sw.ts (Workbox's routing and strategies) bundled with esbuild after the app is built, with the
 * precache list Workbox expects in `self.__WB_MANIFEST`: the app shell and the files index.html loads, each with a
 * revision (the hash of its content), so a new release replaces them.
 */
function serviceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'concerta-service-worker',
    apply: 'build',
    configResolved(config) { outDir = path.resolve(config.root, config.build.outDir); },
    async closeBundle() {
      const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
      const files = ['index.html', ...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!)];
      const manifest = files.map((f) => ({
        url: `/${f}`,
        revision: f.startsWith('assets/') ? null : createHash('sha256').update(fs.readFileSync(path.join(outDir, f))).digest('hex').slice(0, 16),
      }));
      await esbuild({
        entryPoints: [path.join(root, 'src', 'sw.ts')],
        outfile: path.join(outDir, 'sw.js'),
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'es2020',
        define: { 'self.__WB_MANIFEST': JSON.stringify(manifest), 'process.env.NODE_ENV': '"production"' },
        logLevel: 'warning',
      });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), sharedMessages(), serviceWorker(), precompress()],
  // React code, Preact's runtime: its compatibility layer runs the same components, react-router and react-i18next at
  // about a tenth of react-dom's size, which alone took most of the first-load budget of a cheap phone.
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps are written (the bundle test reads them) but not referenced, and the server does not serve them.
    sourcemap: 'hidden',
    // dist/.vite/manifest.json: the server reads it to tell the browser, in the page itself, which chunks a page needs.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
    },
  },
});
