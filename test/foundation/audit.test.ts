import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/db.ts';
import { appendAudit, canonicalJson, describeBreak, entryHash, PLATFORM_SCOPE, verifyAuditChains } from '../../src/audit/audit-log.ts';
import { listCheckpoints, parsePublishedCheckpoints, writeCheckpoints } from '../../src/audit/audit-checkpoints.ts';
import { loadAuditKey, newSigningKeyPem, parseSigningKey } from '../../src/audit/audit-signing.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
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
    expect(report).toEqual({ scopes: 2, entries: 7, checkpoints: 0, breaks: [] });
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

describe.each(testDialects())('audit checkpoints on %s', (dialect) => {
  let db: TestDatabase;
  const key = parseSigningKey(newSigningKeyPem());
  beforeAll(async () => { db = await createTestDatabase(dialect); });
  afterAll(async () => { await db.drop(); });

  /** A chain of `n` entries in its own scope, its head signed. */
  async function signedChain(scope: string, n = 10) {
    for (let i = 0; i < n; i++) {
      await appendAudit(db.db, dialect, { scope, actorId: null, action: 'thing.do', entityType: 'thing', entityId: `t${i}`, data: { i } });
    }
    const run = await writeCheckpoints(db.db, key);
    expect(run.written.filter((h) => h.scope === scope).map((h) => h.seq)).toEqual([n]);
  }
  const breaksOf = async (scope: string, opts: Parameters<typeof verifyAuditChains>[1] = {}) =>
    (await verifyAuditChains(db.db, { key, ...opts })).breaks.filter((b) => b.scope === scope);

  it('passes an intact log, and signs a head again only once it has moved', async () => {
    await signedChain('intact');
    expect((await writeCheckpoints(db.db, key)).written).toEqual([]);
    await appendAudit(db.db, dialect, { scope: 'intact', actorId: null, action: 'thing.undo', entityType: 'thing' });
    expect((await writeCheckpoints(db.db, key)).written.map((h) => [h.scope, h.seq])).toEqual([['intact', 11]]);
    const report = await verifyAuditChains(db.db, { key });
    expect(report).toEqual({ scopes: 1, entries: 11, checkpoints: 2, breaks: [] });
  });

  it('names a cut tail: the newest three entries deleted after a checkpoint', async () => {
    await signedChain('cut');
    await db.db.deleteFrom('audit_log').where('scope', '=', 'cut').where('seq', '>=', 8).execute();
    const breaks = await breaksOf('cut');
    expect(breaks).toEqual([expect.objectContaining({ scope: 'cut', seq: 8, problem: 'tail_cut', through: 10 })]);
    expect(describeBreak(breaks[0]!)).toMatch(/^BROKEN chain cut at entry 8: tail cut: entries 8\.\.10 missing \(checkpoint signed at .+\)$/);
    // Nor is the shortened chain signed over, even after new entries.
    await appendAudit(db.db, dialect, { scope: 'cut', actorId: null, action: 'thing.do', entityType: 'thing' });
    const run = await writeCheckpoints(db.db, key);
    expect(run.written.filter((h) => h.scope === 'cut')).toEqual([]);
    expect(run.refused).toContainEqual(expect.objectContaining({ scope: 'cut', problem: 'tail_cut', seq: 9, through: 10 }));
  });

  it('names the newest entry rewritten with its hash recomputed', async () => {
    await signedChain('rewrite');
    const row = await db.db.selectFrom('audit_log').selectAll().where('scope', '=', 'rewrite').where('seq', '=', 10).executeTakeFirstOrThrow();
    const data = { i: 9, forged: true };
    const hash = entryHash({
      scope: 'rewrite', seq: 10, at: row.at, actorId: row.actor_id, action: row.action, entityType: row.entity_type,
      entityId: row.entity_id, reason: 'reescrito', data, prevHash: row.prev_hash,
    });
    await db.db.updateTable('audit_log').set({ data: canonicalJson(data), reason: 'reescrito', hash })
      .where('scope', '=', 'rewrite').where('seq', '=', 10).execute();
    const breaks = await breaksOf('rewrite');
    expect(breaks).toEqual([expect.objectContaining({ scope: 'rewrite', seq: 10, problem: 'entry_rewritten', from: 1 })]);
    expect(describeBreak(breaks[0]!)).toContain('BROKEN chain rewrite at entry 10: entry 10 rewritten');
  });

  it('narrows a rewrite to the entries after the last checkpoint that still matches', async () => {
    await signedChain('narrow', 5);
    for (let i = 0; i < 5; i++) await appendAudit(db.db, dialect, { scope: 'narrow', actorId: null, action: 'thing.do', entityType: 'thing', data: { i } });
    await writeCheckpoints(db.db, key);
    // Rewrite entry 7 and recompute every hash after it: the chain itself verifies again.
    const rows = await db.db.selectFrom('audit_log').selectAll().where('scope', '=', 'narrow').where('seq', '>=', 7).orderBy('seq').execute();
    let prevHash = rows[0]!.prev_hash;
    for (const r of rows) {
      const data = r.seq === 7 ? { i: 99 } : JSON.parse(r.data) as Record<string, unknown>;
      const hash = entryHash({ scope: 'narrow', seq: Number(r.seq), at: r.at, actorId: r.actor_id, action: r.action, entityType: r.entity_type, entityId: r.entity_id, reason: r.reason, data, prevHash });
      await db.db.updateTable('audit_log').set({ data: canonicalJson(data), prev_hash: prevHash, hash }).where('scope', '=', 'narrow').where('seq', '=', r.seq).execute();
      prevHash = hash;
    }
    const breaks = await breaksOf('narrow');
    expect(breaks).toEqual([expect.objectContaining({ seq: 10, problem: 'entry_rewritten', from: 6 })]);
    expect(describeBreak(breaks[0]!)).toMatch(/the change lies in entries 6\.\.10$/);
  });

  it('names a tampered signature, and a checkpoint signed by another key', async () => {
    await signedChain('sig');
    const cp = await db.db.selectFrom('audit_checkpoints').selectAll().where('scope', '=', 'sig').executeTakeFirstOrThrow();
    const flipped = (cp.signature[0] === 'A' ? 'B' : 'A') + cp.signature.slice(1);
    await db.db.updateTable('audit_checkpoints').set({ signature: flipped }).where('scope', '=', 'sig').execute();
    let breaks = await breaksOf('sig');
    expect(breaks).toEqual([expect.objectContaining({ scope: 'sig', seq: 10, problem: 'bad_signature' })]);
    expect(describeBreak(breaks[0]!)).toContain('bad signature on the checkpoint of entry 10');
    // The tail cut and a fresh checkpoint forged with the forger's own key: still a bad signature.
    const forger = parseSigningKey(newSigningKeyPem());
    await db.db.deleteFrom('audit_log').where('scope', '=', 'sig').where('seq', '>=', 8).execute();
    await db.db.deleteFrom('audit_checkpoints').where('scope', '=', 'sig').execute();
    await writeCheckpoints(db.db, forger);
    breaks = await breaksOf('sig');
    expect(breaks).toEqual([expect.objectContaining({ seq: 7, problem: 'bad_signature', checkpoint: expect.objectContaining({ keyId: forger.id }) })]);
    await db.db.deleteFrom('audit_checkpoints').where('key_id', '=', forger.id).execute();
  });

  it('catches a rewrite of the checkpoint table itself against a published copy', async () => {
    await signedChain('copied');
    const copy = await listCheckpoints(db.db, 'copied', 100);
    await db.db.deleteFrom('audit_log').where('scope', '=', 'copied').where('seq', '>=', 8).execute();
    await db.db.deleteFrom('audit_checkpoints').where('scope', '=', 'copied').execute();
    expect(await breaksOf('copied')).toEqual([]); // the table alone no longer knows
    const breaks = await breaksOf('copied', { published: [...copy, ...copy] });
    expect(breaks).toEqual([
      expect.objectContaining({ seq: 8, problem: 'tail_cut', through: 10, checkpoint: expect.objectContaining({ source: 'published' }) }),
      expect.objectContaining({ seq: 10, problem: 'checkpoint_missing' }),
    ]);
    expect(describeBreak(breaks[0]!)).toContain('tail cut: entries 8..10 missing (published checkpoint signed at');
  });

  it('refuses to check checkpoints without the key', async () => {
    await expect(verifyAuditChains(db.db)).rejects.toThrow(/its key is needed/);
  });
});

describe('the audit signing key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concerta-key-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is created once, on first start, in a file only its owner reads', () => {
    const file = path.join(dir, 'data', 'audit-signing-key.pem');
    expect(loadAuditKey({ auditSigningKey: null, auditKeyFile: file }, { create: false })).toBeNull();
    const first = loadAuditKey({ auditSigningKey: null, auditKeyFile: file }, { create: true });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadAuditKey({ auditSigningKey: null, auditKeyFile: file }, { create: true }).id).toBe(first.id);
    expect(loadAuditKey({ auditSigningKey: null, auditKeyFile: file }, { create: false })?.id).toBe(first.id);
  });

  it('is read from AUDIT_SIGNING_KEY as PEM (newlines written \\n) or base64 PKCS8, and must be Ed25519', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const settings = (k: string) => ({ auditSigningKey: k, auditKeyFile: path.join(dir, 'unused.pem') });
    const a = loadAuditKey(settings(pem), { create: true });
    expect(loadAuditKey(settings(der), { create: true }).id).toBe(a.id);
    expect(loadAuditKey(settings(pem.replace(/\n/g, '\\n')), { create: true }).id).toBe(a.id);
    expect(fs.existsSync(path.join(dir, 'unused.pem'))).toBe(false);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadAuditKey(settings(rsa), { create: true })).toThrow(/must be an Ed25519 key/);
  });
});

describe.each(testDialects())('published audit checkpoints on %s', (dialect) => {
  let t: TestApp;
  const pem = newSigningKeyPem();
  const key = parseSigningKey(pem);
  beforeAll(async () => { t = await createTestApp(dialect, { config: { auditSigningKey: pem } }); });
  afterAll(async () => { await t.close(); });

  it('answers without a session with the signed heads and the public key, and no personal data', async () => {
    const ilo = await t.db.db.selectFrom('municipalities').select(['id']).where('slug', '=', 'ilo').executeTakeFirstOrThrow();
    await writeCheckpoints(t.db.db, key);
    const res = await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/audit/checkpoints' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ municipality: 'ilo', scope: ilo.id, algorithm: 'Ed25519', keyId: key.id, publicKey: key.publicPem });
    expect(body.checkpoints).toHaveLength(1);
    const head = await t.db.db.selectFrom('audit_log').select(['seq', 'hash']).where('scope', '=', ilo.id).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const [cp] = body.checkpoints;
    expect(cp).toMatchObject({ seq: Number(head.seq), hash: head.hash, keyId: key.id });
    expect(Object.keys(cp).sort()).toEqual(['at', 'hash', 'keyId', 'seq', 'signature']);
    // Anyone can check it with the published key and the documented message, without Concerta's code.
    const message = `{"at":${JSON.stringify(cp.at)},"hash":"${cp.hash}","scope":"${ilo.id}","seq":${cp.seq},"type":"concerta.audit.checkpoint"}`;
    expect(verify(null, Buffer.from(message), createPublicKey(body.publicKey), Buffer.from(cp.signature, 'base64'))).toBe(true);
    // No one's name, email or DNI.
    const people = await t.db.db.selectFrom('users').select(['name', 'email', 'dni']).execute();
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) for (const v of [p.name, p.email, p.dni]) if (v) expect(res.body).not.toContain(v);
    // A kept copy of the answer is what `verify --against` reads.
    const copy = parsePublishedCheckpoints(res.body);
    expect(copy).toEqual([{ scope: ilo.id, ...cp }]);
    expect((await verifyAuditChains(t.db.db, { key, published: copy })).breaks).toEqual([]);
  });

  it('answers 404 for an unknown municipality', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/municipalities/nowhere/audit/checkpoints' });
    expect(res.statusCode).toBe(404);
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

  it('serve signs every chain head at start, with a key file only its owner reads', async () => {
    const child = spawn('node', ['bin/concerta.js', 'serve', '--no-demo'], { env: { ...env, PORT: '0', WEB_DIST: '', LOG_LEVEL: 'silent' } });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('Concerta is running')) resolve(); });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    expect(out).toMatch(/audit checkpoints signed with key [0-9a-f]{16} \(.*audit-signing-key\.pem\)/);
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(fs.statSync(path.join(dir, 'audit-signing-key.pem')).mode & 0o777).toBe(0o600);
    const h = openDatabase(dbFile);
    const scopes = await h.db.selectFrom('audit_log').select('scope').distinct().execute();
    const signed = await h.db.selectFrom('audit_checkpoints').select('scope').execute();
    await h.close();
    expect(signed.map((r) => r.scope).sort()).toEqual(scopes.map((r) => r.scope).sort());
    const verify = await cli('audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(new RegExp(`intact: \\d+ entries in ${scopes.length} chains, ${scopes.length} signed checkpoints agree`));
  }, 60_000);

  it('audit checkpoint signs the heads that moved, on demand', async () => {
    expect((await cli('audit', 'checkpoint')).stdout).toMatch(/^checkpoints written: 0 \(key [0-9a-f]{16}\)$/m);
    const h = openDatabase(dbFile);
    const entry = await appendAudit(h.db, 'sqlite', { scope: PLATFORM_SCOPE, actorId: null, action: 'thing.do', entityType: 'thing' });
    await h.close();
    const r = await cli('audit', 'checkpoint');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`signed chain platform at entry ${entry.seq}\ncheckpoints written: 1`);
  }, 60_000);

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

  it('names a cut tail and exits 2, also when the checkpoint table was cut too, against a published copy', async () => {
    const h = openDatabase(dbFile);
    // The longest chain; its head was signed by the server at start.
    const { scope, end } = await h.db.selectFrom('audit_log').select((eb) => ['scope', eb.fn.max('seq').as('end')]).groupBy('scope')
      .orderBy('end', 'desc').limit(1).executeTakeFirstOrThrow().then((r) => ({ scope: r.scope, end: Number(r.end) }));
    expect(end).toBeGreaterThan(3);
    const copy = path.join(dir, 'published.json');
    fs.writeFileSync(copy, JSON.stringify({
      municipality: 'ilo', scope, algorithm: 'Ed25519', keyId: null, publicKey: null,
      checkpoints: (await listCheckpoints(h.db, scope, 100)).map(({ scope: _, ...c }) => c),
    }));
    await h.db.deleteFrom('audit_log').where('scope', '=', scope).where('seq', '>', end - 3).execute();
    await h.close();
    const line = `BROKEN chain ${scope} at entry ${end - 2}: tail cut: entries ${end - 2}..${end} missing`;
    let verify = await cli('audit', 'verify');
    expect(verify.code).toBe(2);
    expect(verify.stdout).toContain(line);
    const refused = await cli('audit', 'checkpoint');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(`not signed: ${line}`);
    // Whoever cut the tail also deletes its checkpoints: the published copy still names the cut.
    const h2 = openDatabase(dbFile);
    await h2.db.deleteFrom('audit_checkpoints').where('scope', '=', scope).execute();
    await h2.close();
    verify = await cli('audit', 'verify');
    expect(verify.stdout).not.toContain(line);
    verify = await cli('audit', 'verify', '--against', copy);
    expect(verify.code).toBe(2);
    expect(verify.stdout).toContain(`${line} (published checkpoint signed at`);
    expect(verify.stdout).toContain(`BROKEN chain ${scope} at entry ${end}: the published checkpoint of entry ${end} is missing from the checkpoint table`);
  }, 60_000);

  it('fails an unknown command with one line and a non-zero exit', async () => {
    const r = await cli('frobnicate');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
