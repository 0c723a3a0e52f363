import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/app.ts';
import { seedDemo } from '../../src/seed.ts';
import { verifyAuditChains } from '../../src/audit/audit-log.ts';
import { loadAuditKey } from '../../src/audit/audit-signing.ts';
import { checkVoteExport, receiptHash, type BallotLogExport } from '../../src/voting/ballot-log.ts';
import { as, signIn, TEST_LOG_N, testConfig, type Agent } from '../support/app.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/db.ts';
import { zoneIds } from '../support/fixtures.ts';
import { trainingSession, voter, votingProcess } from './fixture.ts';

const VOTERS = 40;
const KILL_AFTER = 12;
const WORKERS = 8;

/** The built server (`npm run build`) as a child process on the given database; resolves with its URL once it listens. */
async function startServer(databaseUrl: string, keyFile: string): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn('node', ['bin/concerta.js', 'serve', '--no-demo'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '', LOG_LEVEL: 'silent', AUDIT_KEY_FILE: keyFile },
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Concerta is running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  child.removeAllListeners('exit');
  return { child, url };
}

async function stop(child: ChildProcessWithoutNullStreams, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/**
 * The server killed (SIGKILL) in the middle of a stream of online casts, restarted on the same database: every
 * ballot whose receipt was answered is there, none twice, the casts cut short are retried with their idempotency key,
 * and the ballot log and the audit log verify.
 */
describe.each(testDialects())('a server killed while ballots stream in, on %s', (dialect) => {
  let db: TestDatabase;
  let admin: Agent;
  let processId: string;
  let base: string;
  let zoneId: string;
  let voters: { id: string; agent: Agent }[];
  let server: { child: ChildProcessWithoutNullStreams; url: string } | null = null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concerta-crash-'));
  const keyFile = path.join(dir, 'audit-signing-key.pem');

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seedDemo(db, { passwordLogN: TEST_LOG_N });
    // The process, its vote and its voters (signed in: sessions live in the database) are set up in this process.
    const app = await build({ db, config: testConfig(), passwordLogN: TEST_LOG_N, logger: false });
    await app.ready();
    admin = await signIn(app, 'admin@ilo.gob.pe');
    const zone = (await zoneIds(db))[0]!;
    zoneId = zone.id;
    const p = await votingProcess(db, zone, admin.userId);
    processId = p.processId;
    base = `/api/municipalities/ilo/processes/${processId}/vote`;
    const sessionId = await trainingSession(db, p.municipalityId, processId, admin.userId);
    const open = await app.inject({ method: 'POST', url: `${base}/open`, headers: as(admin), payload: { closesAt: new Date(Date.now() + 3600_000).toISOString(), allowChanges: false, reason: 'apertura de la votación' } });
    expect(open.statusCode, open.body).toBe(201);
    voters = [];
    for (let i = 0; i < VOTERS; i++) voters.push(await voter(app, db, { municipalityId: p.municipalityId, processId, zoneId, sessionId }));
    await app.close();
  }, 120_000);
  afterAll(async () => {
    if (server) await stop(server.child, 'SIGTERM');
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every ballot whose receipt was answered, once, and both logs verify', async () => {
    const cast = async (url: string, v: { id: string; agent: Agent }, i: number) => {
      const res = await fetch(`${url}${base}/ballot`, {
        method: 'POST', headers: { ...as(v.agent), 'content-type': 'application/json', 'idempotency-key': `crash-cast-${v.id}` },
        body: JSON.stringify({ parts: [{ pool: zoneId, projects: [['0001', '0002', '0003'][i % 3]] }, { pool: 'municipality', projects: [i % 2 ? '0004' : '0005'] }] }),
      });
      const body = await res.json() as { receipt?: string };
      if (res.status !== 201 || !body.receipt) throw new Error(`cast answered ${res.status}: ${JSON.stringify(body)}`);
      return body.receipt;
    };
    const receipts = new Map<string, string>();
    const interrupted = new Set<number>();

    server = await startServer(db.location, keyFile);
    const first = server;
    let killed: Promise<void> | null = null;
    let next = 0;
    await Promise.all(Array.from({ length: WORKERS }, async () => {
      while (killed === null && next < voters.length) {
        const i = next++;
        try {
          receipts.set(voters[i]!.id, await cast(first.url, voters[i]!, i));
        } catch {
          interrupted.add(i); // cut off by the kill: whether it committed, nobody was told
          continue;
        }
        if (receipts.size >= KILL_AFTER && killed === null) killed = stop(first.child, 'SIGKILL');
      }
    }));
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    const answeredBeforeKill = new Map(receipts);
    expect(answeredBeforeKill.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(answeredBeforeKill.size).toBeLessThan(VOTERS);
    // Casts were in flight when the server died (their outcome unknown to their voters until retried).
    expect(interrupted.size).toBeGreaterThan(0);

    // Restarted on the same database: the casts cut short are retried with their key, the rest are cast.
    server = await startServer(db.location, keyFile);
    for (const [i, v] of voters.entries()) {
      if (receipts.has(v.id)) continue;
      receipts.set(v.id, await cast(server.url, v, i));
    }
    // A retry of a cast answered before the kill gets the same receipt after the restart.
    for (const v of voters.filter((x) => answeredBeforeKill.has(x.id)).slice(0, 3)) {
      expect(await cast(server.url, v, voters.indexOf(v))).toBe(answeredBeforeKill.get(v.id));
    }

    // Every voter once, every answered receipt once.
    const voted = await db.db.selectFrom('vote_voters').select('agent_id').where('process_id', '=', processId).execute();
    expect(voted.map((r) => r.agent_id).sort()).toEqual(voters.map((v) => v.id).sort());
    const stored = await db.db.selectFrom('online_ballots').select('receipt_hash').execute();
    expect(stored.map((r) => r.receipt_hash).sort()).toEqual([...receipts.values()].map(receiptHash).sort());

    // The close, on the restarted server: the ballot log holds every receipt answered, and both logs verify.
    await db.db.updateTable('votes').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('process_id', '=', processId).execute();
    const close = await fetch(`${server.url}${base}/close`, { method: 'POST', headers: { ...as(admin), 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'cierre de la votación' }) });
    expect(close.status, await close.clone().text()).toBe(200);
    const exp = await (await fetch(`${server.url}${base}/ballot-log`)).json() as BallotLogExport;
    const check = checkVoteExport(exp);
    expect([check.ok, check.chain.ballots, check.chain.receipts]).toEqual([true, VOTERS, VOTERS]);
    expect(exp.entries.flatMap((e) => (e.receipt ? [e.receipt] : [])).sort()).toEqual([...receipts.values()].map(receiptHash).sort());
    await stop(server.child, 'SIGTERM');
    server = null;
    const key = loadAuditKey(testConfig({ auditKeyFile: keyFile, auditSigningKey: null }), { create: false });
    expect(key).not.toBeNull();
    const report = await verifyAuditChains(db.db, { key });
    expect(report.breaks).toEqual([]);
    expect(report.checkpoints).toBeGreaterThan(0);
    const casts = await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'vote.cast_online').executeTakeFirstOrThrow();
    expect(Number(casts.n)).toBe(VOTERS);
  }, 60_000);
});
