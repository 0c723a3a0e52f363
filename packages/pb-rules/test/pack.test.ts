/**
 * The package stands alone: `npm pack` gives a tarball that installs in an empty folder, outside this
 * repository, and runs there (the library from its exports, and the `pb-rules` command), with the same
 * outcome as the sources give.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeOutcome, pabulibToElection, parsePabulibBytes } from '../src/index.ts';
import { corpusPath } from './corpus-files.ts';
import { assertBuilt, PACKAGE_DIR } from './built.ts';

const FILE = corpusPath('Netherlands_Assen_2024.pb');
let work = '';
let app = '';
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });

function expected(rule: string): { selected: readonly string[]; cost: string } {
  const parsed = parsePabulibBytes(readFileSync(FILE));
  if (!parsed.ok) throw new Error('parse');
  const converted = pabulibToElection(parsed.value);
  if (!converted.ok) throw new Error('convert');
  const outcome = computeOutcome(converted.value.election, rule);
  if (!outcome.ok) throw new Error('outcome');
  return { selected: outcome.value.selected, cost: outcome.value.cost.toDecimalString() };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pb-rules-pack-'));
  assertBuilt();
  // --ignore-scripts: dist/ is already built (prepack would rebuild it under the other test files).
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], PACKAGE_DIR)) as { filename: string; files: { path: string }[] }[];
  const tarball = join(work, packed[0]!.filename);
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pb-rules-consumer', private: true, type: 'module' }));
  npm(['install', '--offline', '--no-package-lock', tarball], app);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the built files, not the sources or the tests', () => {
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const files = execFileSync('tar', ['tzf', join(work, tarball)], { encoding: 'utf8' });
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/dist/browser/pb-rules.js');
    expect(files).toContain('package/bin/pb-rules.js');
    expect(files).not.toContain('package/src/');
    expect(files).not.toContain('package/test/');
  });

  it('imports from its exports in a fresh folder and computes an outcome', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { parsePabulibBytes, pabulibToElection, computeOutcome } from '@concerta/pb-rules';
      import { readPabulibFile } from '@concerta/pb-rules/pabulib-node';
      const pb = parsePabulibBytes(readFileSync(process.argv[1]));
      const e = pabulibToElection(pb.value).value.election;
      const o = computeOutcome(e, 'mes-add1').value;
      const fromFile = await readPabulibFile(process.argv[1]);
      console.log(JSON.stringify({ selected: o.selected, cost: o.cost.toDecimalString(), sameFile: fromFile.ok && fromFile.value.votes.length === pb.value.votes.length }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, FILE], { cwd: app, encoding: 'utf8' });
    const want = expected('mes-add1');
    expect(JSON.parse(out)).toEqual({ selected: want.selected, cost: want.cost, sameFile: true });
  });

  it('runs its pb-rules command', () => {
    const bin = join(app, 'node_modules/.bin/pb-rules');
    const out = execFileSync(process.execPath, [bin, 'outcome', FILE, '--rule', 'mes', '--json'], { cwd: app, encoding: 'utf8' });
    const want = expected('mes');
    expect(out).toBe(`{"selected":${JSON.stringify(want.selected)},"cost":${want.cost}}\n`);
  });
});
