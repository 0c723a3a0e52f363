#!/usr/bin/env node
/**
 * `npm run build` (also run by `npm ci` through `prepare`, and by `npm start`): compiles the `concerta`
 * command to plain JavaScript in dist/server, so no TypeScript loader runs in production.
 *
 * esbuild bundles the server sources from src/cli/main.ts, one chunk per dynamic import (each command
 * loads only what it needs); installed packages stay external (node_modules), except the voting rules,
 * which are taken from their sources (tsconfig `paths`), so the server needs no build of the package.
 * When TypeScript is installed (a development install), the package @concerta/pb-rules is built too
 * (its dist/: ESM with declarations, and the browser bundle).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Modules that find files beside them (migrations next to src/db/migrate.ts) keep doing so once bundled:
 * `import.meta.url`, `dirname` and `filename` become those of the source file, which ships with the build.
 */
const sourceLocation = {
  name: 'source-location',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const contents = text
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};
const outdir = join(root, 'dist/server');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  plugins: [sourceLocation],
});

if (process.argv.includes('--server-only')) process.exit(0);
if (existsSync(join(root, 'node_modules/typescript'))) {
  execFileSync(process.execPath, [join(root, 'packages/pb-rules/scripts/build.mjs')], { stdio: 'inherit' });
}
