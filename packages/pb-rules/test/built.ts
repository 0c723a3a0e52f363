/**
 * The package as published is its dist/, built by `npm run build` (here: `pretest`; at the repository
 * root: `npm ci`, `npm run build` and `npm test`). Tests of the built files read it and never rebuild it,
 * so that test files running side by side never see it half written.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PACKAGE_DIR = resolve(import.meta.dirname, '..');
export const BROWSER_BUNDLE = join(PACKAGE_DIR, 'dist/browser/pb-rules.js');

export function assertBuilt(): void {
  for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/cli/bin.js', 'dist/browser/pb-rules.js']) {
    if (!existsSync(join(PACKAGE_DIR, file))) throw new Error(`${file} missing: run npm run build in packages/pb-rules first`);
  }
}
