import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/db.ts';
import { appendAudit, canonicalJson, verifyAuditChains } from '../../src/audit/audit-log.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const run = promisify(execFile);

describe.each(testDialects())('audit log on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(dialect); });
  afterAll(async () => { await db.drop(); });

  it('chains entries per scope and verifies them', async () => {
    for (let i = 0; i < 5; i++) {
      await appendAudit(db.db, dialect, { scope: 'm1', actorId: null, action: 'thing.do', entityType: 'thing', entityId: `t${i}`, reason: i === 2 ? 'porque sí' : null, data: { i } });
    }
    await appendAudit(db.db, dialect, { scope: 'm2', actorId: null, action: 'thing.do', entityType: 'thing' });
    await appendAudit(db.db, dialect, { scope: 'm2', actorId: null, action: 'thing.undo', entityType: 'thing' });
    const report = await verifyAuditChains(db.db);
    expect(report).toEqual({ scopes: 2, entries: 7, breaks: [] });
  });

  it('keeps concurrent appenders in one unbroken sequence', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => db.db.transaction().execute((trx) =>
      appendAudit(trx, dialect, { scope: 'busy', actorId: null, action: 'race', entityType: 'x', data: { i } }))));
    const seqs = (await db.db.selectFrom('audit_log').select('seq').where('scope', '=', 'busy').orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await verifyAuditChains(db.db)).breaks).toEqual([]);
  });

  it('catches a row altered directly in the database and names the entry', async () => {
    await db.db.updateTable('audit_log').set({ reason: 'reescrito' }).where('scope', '=', 'm1').where('seq', '=', 3).execute();
    const report = await verifyAuditChains(db.db);
    expect(report.breaks).toEqual([{ scope: 'm1', seq: 3, problem: 'hash_mismatch' }]);
  });

  it('catches a deleted entry as a gap', async () => {
    await db.db.deleteFrom('audit_log').where('scope', '=', 'm2').where('seq', '=', 1).execute();
    const report = await verifyAuditChains(db.db);
    expect(report.breaks).toContainEqual({ scope: 'm2', seq: 2, problem: 'sequence_gap' });
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
  });
});

describe('concerta CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concerta-cli-'));
  const dbFile = path.join(dir, 'cli.sqlite');
  const env = { ...process.env, DATABASE_URL: dbFile };
  const cli = (...args: string[]) => run('node', ['bin/concerta.js', ...args], { env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates, seeds the demo once, verifies the audit log and backs up', async () => {
    expect((await cli('migrate')).stdout).toMatch(/applied: 0001_foundation/);
    expect((await cli('migrate')).stdout).toMatch(/already up to date/);
    const seeded = await cli('seed', '--demo');
    expect(seeded.stdout).toMatch(/admin@ilo.gob.pe/);
    expect((await cli('seed', '--demo')).stdout).toMatch(/already loaded/);
    const verify = await cli('audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit log intact: \d+ entries in \d+ chains/);
    const target = path.join(dir, 'copy.sqlite');
    const b = await cli('backup', target);
    expect(b.code).toBe(0);
    const copy = openDatabase(target);
    const n = await copy.db.selectFrom('municipalities').select('slug').execute();
    await copy.close();
    expect(n.map((r) => r.slug).sort()).toEqual(['el-algarrobal', 'ilo', 'pacocha']);
    const again = await cli('backup', target);
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already exists/);
  }, 120_000);

  it('names the first broken entry and exits non-zero after tampering', async () => {
    const h = openDatabase(dbFile);
    await migrateToLatest(h);
    const victim = await h.db.selectFrom('audit_log').select(['scope', 'seq']).where('action', '=', 'membership.grant').orderBy('seq').limit(1).executeTakeFirstOrThrow();
    await h.db.updateTable('audit_log').set({ data: '{"role":"administrator","forged":true}' }).where('scope', '=', victim.scope).where('seq', '=', victim.seq).execute();
    await h.close();
    const verify = await cli('audit', 'verify');
    expect(verify.code).toBe(2);
    expect(verify.stdout).toContain(`BROKEN chain ${victim.scope} at entry ${victim.seq}: hash_mismatch`);
  }, 60_000);

  it('fails an unknown command with one line and a non-zero exit', async () => {
    const r = await cli('frobnicate');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
