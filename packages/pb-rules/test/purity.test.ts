import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

describe('the core runs in a browser', () => {
  it('uses no Node-only API outside src/node and src/cli', () => {
    const offenders: string[] = [];
    for (const file of files(SRC)) {
      const rel = relative(SRC, file);
      if (rel.startsWith('node/') || rel.startsWith('cli/')) continue;
      const text = readFileSync(file, 'utf8');
      for (const pattern of [/from ['"]node:/, /from ['"](fs|path|os|stream|child_process)['"]/, /\bprocess\./, /\bBuffer\b/, /\brequire\(/, /from ['"]commander['"]/]) {
        if (pattern.test(text)) offenders.push(`${rel}: ${pattern}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('imports local files with explicit .ts extensions', () => {
    const bad: string[] = [];
    for (const file of files(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/from ['"](\.[^'"]*)['"]/g)) if (!m[1]!.endsWith('.ts')) bad.push(`${relative(SRC, file)}: ${m[1]}`);
    }
    expect(bad).toEqual([]);
  });
});
