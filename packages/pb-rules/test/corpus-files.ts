/**
 * Real Pabulib files for the tests: the package's own small corpus (test/corpus, always there), and the
 * shared corpus of 46 files (../shared/pabulib from the repository root, or PABULIB_DIR), an extra when
 * present. Without it the tests that need it are skipped, except under CI=true, where it is required.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import { parsePabulibBytes, type PbInstance, type Result } from '../src/index.ts';

export const OWN_DIR = resolve(import.meta.dirname, 'corpus');
export const ownFiles: string[] = readdirSync(OWN_DIR)
  .filter((f) => f.endsWith('.pb'))
  .sort();

export const SHARED_DIR = process.env['PABULIB_DIR'] ?? resolve(import.meta.dirname, '../../../../shared/pabulib');
export const sharedAvailable = existsSync(SHARED_DIR);
export const sharedFiles: string[] = sharedAvailable
  ? readdirSync(SHARED_DIR)
      .filter((f) => f.endsWith('.pb'))
      .sort()
  : [];

/** `describe` for tests on the shared corpus: skipped when it is absent, a failure under CI=true. */
export const describeShared = (() => {
  if (!sharedAvailable) {
    const message = `shared Pabulib corpus not found at ${SHARED_DIR} (set PABULIB_DIR)`;
    if (process.env['CI'] === 'true') throw new Error(`${message}: it is required under CI=true.`);
    console.warn(`[shared corpus tests skipped] ${message}`);
  }
  return describe.skipIf(!sharedAvailable);
})();

/** Path of a corpus file: the package's own copy when there is one, else the shared corpus. */
export function corpusPath(file: string): string {
  const own = join(OWN_DIR, file);
  return existsSync(own) ? own : join(SHARED_DIR, file);
}

interface Entry {
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly parsed: Result<PbInstance>;
}

const cache = new Map<string, Entry>();

/** A corpus file read and parsed once per test file. */
export function corpus(file: string): Entry {
  let entry = cache.get(file);
  if (!entry) {
    const bytes = readFileSync(corpusPath(file));
    entry = { bytes, text: new TextDecoder().decode(bytes), parsed: parsePabulibBytes(bytes) };
    cache.set(file, entry);
  }
  return entry;
}
