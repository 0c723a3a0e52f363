import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Concerta pins its runtime: the `node` devDependency puts Node 24 first on the PATH of every npm script, so the tests,
 * their workers and the `concerta` command run on it whatever Node the machine has.
 */
describe('runtime', () => {
  it('runs the tests on the pinned Node 24 LTS', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('satisfies the engines of the project and of every installed package', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: Record<string, string> | string[]; link?: boolean }>;
    };
    const unmet: string[] = [];
    for (const [where, pkg] of Object.entries(lock.packages)) {
      const range = pkg.engines && !Array.isArray(pkg.engines) ? pkg.engines.node : undefined;
      if (!range || !fs.existsSync(path.join(root, where || '.'))) continue;
      if (!semver.satisfies(process.version, range, { includePrerelease: true })) unmet.push(`${where || 'concerta'} wants node ${range}`);
    }
    expect(unmet).toEqual([]);
  });

  it('runs the concerta command on the pinned Node through npx', () => {
    const out = execFileSync('npx', ['--no-install', 'node', '-p', 'process.versions.node'], { cwd: root, encoding: 'utf8' });
    expect(out.trim().split('.')[0]).toBe('24');
    const help = execFileSync('npx', ['--no-install', 'concerta', '--help'], { cwd: root, encoding: 'utf8' });
    expect(help).toContain('outcome');
  });
});
