/** The real Pabulib files (../shared/pabulib from the repository root, or PABULIB_DIR), read once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePabulib, type PbInstance, type Result } from '../src/index.ts';

export const PABULIB_DIR = process.env['PABULIB_DIR'] ?? resolve(import.meta.dirname, '../../..', '../shared/pabulib');

export const corpusFiles: string[] = readdirSync(PABULIB_DIR)
  .filter((f) => f.endsWith('.pb'))
  .sort();

const cache = new Map<string, { text: string; parsed: Result<PbInstance> }>();

export function corpus(file: string): { text: string; parsed: Result<PbInstance> } {
  let entry = cache.get(file);
  if (!entry) {
    const text = readFileSync(join(PABULIB_DIR, file), 'utf8');
    entry = { text, parsed: parsePabulib(text) };
    cache.set(file, entry);
  }
  return entry;
}
