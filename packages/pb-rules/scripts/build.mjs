#!/usr/bin/env node
/**
 * `npm run build` of @concerta/pb-rules: dist/ holds one ES module per source file with its declarations
 * (tsc, tsconfig.build.json), and dist/browser/pb-rules.js the core as one minified ES module for the
 * browser (esbuild; the core has no Node API, a test checks it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

/** tsc of the nearest node_modules (the package's own, or the workspace root's). */
function findTsc(dir) {
  for (let d = dir; ; d = dirname(d)) {
    const tsc = join(d, 'node_modules/typescript/bin/tsc');
    if (existsSync(tsc)) return tsc;
    if (dirname(d) === d) throw new Error('TypeScript not found: npm install first');
  }
}

rmSync(join(pkg, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [findTsc(pkg), '-p', join(pkg, 'tsconfig.build.json')], { stdio: 'inherit' });
await build({
  absWorkingDir: pkg,
  entryPoints: ['dist/index.js'],
  outfile: 'dist/browser/pb-rules.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
