import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { rowCounts, zoneIds } from '../support/fixtures.ts';
import { accountWithRole } from '../training/registrations.ts';
import { checkVoteExport, receiptHash, type BallotLogExport } from '../../src/voting/ballot-log.ts';
import { verifyAuditChains } from '../../src/audit/audit-log.ts';
import { trainingSession, voter, votingProcess } from './fixture.ts';

const TABLES = ['vote_voters', 'online_ballots', 'vote_idempotency', 'audit_log'] as const;
const HOUR = 3600_000;
const run = promisify(execFile);

/** Runs the built `concerta` command as a whole process; its exit code, stdout and stderr. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run('node', ['bin/concerta.js', ...args], { env: { ...process.env, LOG_LEVEL: 'silent' } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe.each(testDialects())('the integrity of the vote on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let fac1: Agent;
  let fac2: Agent;
  let iloId: string;
  let processId: string;
  let base: string;
  let zone: { id: string; name: string };
  let sessionId: string;
  let tableId: string;
  let url: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concerta-vote-'));
  const single = (project: string) => ({ parts: [{ pool: zone.id, projects: [project] }, { pool: 'municipality', projects: ['0004'] }] });
  const receipts: string[] = [];

  async function send(method: 'GET' | 'POST' | 'PUT', who: Agent | null, u: string, payload?: unknown, headers: Record<string, string> = {}) {
    return t.app.inject({ method, url: u, headers: { ...(who ? as(who) : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  }
  /** A request over its own HTTP connection to the listening server (many at once are many connections). */
  async function http(method: 'POST', who: Agent, u: string, payload: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${url}${u}`, { method, headers: { ...as(who), 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
    return { status: res.status, body: await res.json() as { receipt?: string; error?: { code: string } } };
  }
  const newVoter = () => voter(t.app, t.db, { municipalityId: iloId, processId, zoneId: zone.id, sessionId });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    fac1 = await signIn(t.app, 'facilitador@ilo.gob.pe');
    zone = (await zoneIds(t.db))[0]!;
    const p = await votingProcess(t.db, zone, admin.userId);
    ({ processId } = p);
    iloId = p.municipalityId;
    base = `/api/municipalities/ilo/processes/${processId}/vote`;
    sessionId = await trainingSession(t.db, iloId, processId, admin.userId);
    await accountWithRole(t.app, t.db, { name: 'Marta Facilitadora Ríos', email: 'marta@ilo.gob.pe', role: 'facilitator', municipalityId: iloId });
    fac2 = await signIn(t.app, 'marta@ilo.gob.pe', 'una-clave-larga');
    const open = await send('POST', admin, `${base}/open`, { closesAt: new Date(Date.now() + HOUR).toISOString(), allowChanges: true, reason: 'apertura de la votación' });
    expect(open.statusCode, open.body).toBe(201);
    const table = await send('POST', admin, `${base}/tables`, { name: 'Mesa 1', place: 'Colegio Miramar', facilitatorUserIds: [fac1.userId, fac2.userId] });
    tableId = table.json().id;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => { await t.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('answers a retried cast with the same Idempotency-Key by the same receipt, one ballot, and refuses the key for another ballot', async () => {
    const ana = await newVoter();
    const key = 'c0ffee00-1111-4222-8333-444455556666';
    const first = await send('POST', ana.agent, `${base}/ballot`, single('0001'), { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    const receipt = first.json().receipt as string;
    receipts.push(receipt);
    await (async () => {
      const before = await rowCounts(t.db, TABLES);
      const again = await send('POST', ana.agent, `${base}/ballot`, single('0001'), { 'idempotency-key': key });
      expect([again.statusCode, again.json()]).toEqual([201, first.json()]);
      // Several retries at once over their own connections: the same receipt each time.
      const burst = await Promise.all(Array.from({ length: 4 }, () => http('POST', ana.agent, `${base}/ballot`, single('0001'), { 'idempotency-key': key })));
      expect(burst.map((r) => [r.status, r.body.receipt])).toEqual(Array.from({ length: 4 }, () => [201, receipt]));
      const other = await send('POST', ana.agent, `${base}/ballot`, single('0003'), { 'idempotency-key': key, 'accept-language': 'en' });
      expect([other.statusCode, other.json().error.code, other.json().error.field]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED', 'idempotency-key']);
      expect(other.json().error.message).toContain('already used for another request');
      const newKey = await send('POST', ana.agent, `${base}/ballot`, single('0001'), { 'idempotency-key': 'another-key-0000000001' });
      expect([newKey.statusCode, newKey.json().error.code]).toEqual([409, 'ALREADY_VOTED']);
      const bad = await send('POST', ana.agent, `${base}/ballot`, single('0001'), { 'idempotency-key': 'short' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION');
      expect(await rowCounts(t.db, TABLES)).toEqual(before);
    })();
    // The record keeps neither the key nor the receipt in the clear, and names no ballot content.
    const rows = await t.db.db.selectFrom('vote_idempotency').selectAll().execute();
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    for (const secret of [key, receipt, receipt.replace(/-/g, ''), receiptHash(receipt), '0001']) expect(stored).not.toContain(secret);
    // Someone else using the same key is someone else's request.
    const bea = await newVoter();
    const beas = await send('POST', bea.agent, `${base}/ballot`, single('0003'), { 'idempotency-key': key });
    expect(beas.statusCode, beas.body).toBe(201);
    expect(beas.json().receipt).not.toBe(receipt);
    receipts.push(beas.json().receipt as string);
    // The first sending and its retries at the same moment, over their own connections: one ballot, one receipt for all.
    const cy = await newVoter();
    const together = await Promise.all(Array.from({ length: 5 }, () => http('POST', cy.agent, `${base}/ballot`, single('0001'), { 'idempotency-key': 'cy-first-and-retries-0001' })));
    expect(together.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(together.map((r) => r.body.receipt)).size).toBe(1);
    expect(await t.db.db.selectFrom('vote_voters').select('agent_id').where('agent_id', '=', cy.id).execute()).toHaveLength(1);
    receipts.push(together[0]!.body.receipt!);
  });

  it('keeps one ballot per agent when the same agent casts from many connections, online and at the table, at once', async () => {
    for (let round = 0; round < 3; round++) {
      const v = await newVoter();
      const online = () => http('POST', v.agent, `${base}/ballot`, single('0003'), { 'idempotency-key': `round-${round}-${Math.random().toString(36).slice(2)}-key` });
      const paper = (f: Agent) => http('POST', f, `${base}/tables/${tableId}/voters`, { dni: v.dni });
      const ballotsBefore = await rowCounts(t.db, ['online_ballots']);
      const answers = await Promise.all([online(), paper(fac1), online(), online(), paper(fac2), online(), online(), online()]);
      const accepted = answers.filter((a) => a.status === 201);
      expect(accepted, JSON.stringify(answers)).toHaveLength(1);
      for (const a of answers.filter((x) => x.status !== 201)) expect([a.status, a.body.error?.code]).toEqual([409, 'ALREADY_VOTED']);
      const voters = await t.db.db.selectFrom('vote_voters').select('channel').where('agent_id', '=', v.id).execute();
      expect(voters).toHaveLength(1);
      const wonOnline = accepted[0]!.body.receipt !== undefined;
      expect(voters[0]!.channel).toBe(wonOnline ? 'online' : 'paper');
      expect((await rowCounts(t.db, ['online_ballots'])).online_ballots).toBe(ballotsBefore.online_ballots! + (wonOnline ? 1 : 0));
      if (wonOnline) receipts.push(accepted[0]!.body.receipt!);
    }
  });

  it('publishes at the close an anonymous, hash-chained ballot log that recounts to the result and holds every receipt, and no voter', async () => {
    expect((await send('GET', null, `${base}/ballot-log`)).json().error.code).toBe('RESULTS_NOT_YET');
    // A changed ballot: only its final form is in the log.
    const cam = await newVoter();
    const cast = await send('POST', cam.agent, `${base}/ballot`, { parts: [{ pool: zone.id, projects: ['0002'] }] });
    receipts.push(cast.json().receipt as string);
    const changed = await send('PUT', cam.agent, `${base}/ballot`, { receipt: cast.json().receipt, parts: [{ pool: 'municipality', projects: ['0005'] }] });
    expect(changed.statusCode, changed.body).toBe(200);
    // Paper: the marked voters' ballots, typed twice (one blank).
    for (let i = 0; i < 2; i++) expect((await send('POST', fac1, `${base}/tables/${tableId}/voters`, { dni: (await newVoter()).dni })).statusCode).toBe(201);
    const marked = (await rowCounts(t.db, ['vote_voters'])).vote_voters! - receipts.length;
    expect(marked).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < marked; i++) {
      const content = i === 0 ? { kind: 'blank' } : { kind: 'valid', parts: [{ pool: zone.id, projects: ['0001'] }] };
      for (const f of [fac1, fac2]) expect((await send('POST', f, `${base}/tables/${tableId}/entries`, { serial: `P-${i}`, content })).statusCode).toBe(201);
    }
    await t.db.db.updateTable('votes').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('process_id', '=', processId).execute();
    const close = await send('POST', admin, `${base}/close`, { reason: 'cierre de la votación' });
    expect(close.statusCode, close.body).toBe(200);

    const res = await send('GET', null, `${base}/ballot-log`);
    expect(res.statusCode, res.body).toBe(200);
    const exp = res.json() as BallotLogExport;
    const check = checkVoteExport(exp, receipts[0]);
    expect(check.chain).toMatchObject({ ok: true, ballots: receipts.length + marked, receipts: receipts.length });
    expect([check.headMatches, check.anchor, check.recount.ok, check.receipt, check.ok]).toEqual([
      true, { seq: exp.anchor.seq, hash: exp.anchor.hash, entryHashOk: true, namesHead: true, namesResult: true }, true, { code: receipts[0], recorded: true }, true,
    ]);
    expect(check.recount).toMatchObject({ blank: 1, spoiled: 0, valid: receipts.length + marked - 1, countedAtClose: receipts.length + marked - 1 });
    expect(exp.entries.filter((e) => e.receipt).map((e) => e.receipt).sort()).toEqual(receipts.map(receiptHash).sort());
    // Cam's first ballot (0002) is nowhere; her final one is there once.
    expect(exp.entries.some((e) => e.ballot?.kind === 'valid' && e.ballot.parts.some((p) => p.projects.includes('0002')))).toBe(false);
    // The head is the vote's, and the close's audit entry (under the signed checkpoints) names it.
    const audit = await t.db.db.selectFrom('audit_log').select(['seq', 'data']).where('action', '=', 'vote.close').executeTakeFirstOrThrow();
    expect([Number(audit.seq), JSON.parse(audit.data).ballotLog.head]).toEqual([exp.anchor.seq, exp.head]);
    expect((await verifyAuditChains(t.db.db)).breaks).toEqual([]);
    // Nobody is named: no agent, user or voter tag, no time of casting.
    const agents = await t.db.db.selectFrom('vote_voters').select('agent_id').execute();
    const tags = await t.db.db.selectFrom('online_ballots').select(['voter_tag', 'cast_at']).execute();
    for (const s of [...agents.map((a) => a.agent_id), ...tags.flatMap((x) => [x.voter_tag!, x.cast_at]), cam.fullName, cam.agent.userId]) expect(res.body).not.toContain(s);

    // The receipt check says counted, not what.
    expect((await send('GET', null, `${base}/receipt?code=${receipts[0]}`)).json()).toMatchObject({ counted: true });

    // A forged export: one ballot changed, or the published head swapped, fails.
    const forged = structuredClone(exp);
    const victim = forged.entries.find((e) => e.ballot?.kind === 'valid')!;
    victim.ballot = { kind: 'blank' };
    expect(checkVoteExport(forged).chain.broken).toEqual({ seq: victim.seq, problem: 'hash_mismatch' });
    expect(checkVoteExport({ ...exp, head: 'f'.repeat(64) }).ok).toBe(false);
    expect(checkVoteExport(exp, 'AAAA-BBBB-CCCC-DDDD').receipt).toEqual({ code: 'AAAA-BBBB-CCCC-DDDD', recorded: false });

    // The same checks, by the command, as a whole process.
    const file = path.join(dir, 'ballot-log.json');
    fs.writeFileSync(file, res.body);
    const ok = await cli('verify-vote', file, '--receipt', receipts[1]!);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`ballot log: chain verifies (${exp.entries.length} entries: ${receipts.length + marked} ballots, ${receipts.length} receipts)`);
    expect(ok.stdout).toContain(`head: ${exp.head} (as published)`);
    expect(ok.stdout).toContain('matches the published result');
    expect(ok.stdout).toContain(`receipt ${receipts[1]}: recorded and counted`);
    const forgedFile = path.join(dir, 'forged.json');
    fs.writeFileSync(forgedFile, JSON.stringify(forged));
    const broken = await cli('verify-vote', forgedFile);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain(`ballot log: BROKEN at entry ${victim.seq}: hash_mismatch`);
    const notExport = path.join(dir, 'other.json');
    fs.writeFileSync(notExport, '{"hello":1}');
    const refused = await cli('verify-vote', notExport);
    expect([refused.code, refused.stderr.trim().split('\n').length]).toEqual([1, 1]);
    expect(refused.stderr).toContain('not a Concerta ballot log export');
  }, 60_000);
});

describe('the demo vote', () => {
  let t: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concerta-demo-vote-'));
  beforeAll(async () => { t = await createTestApp('sqlite', { full: true }); }, 120_000);
  afterAll(async () => { await t.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('has a ballot log with its published head, which `concerta verify-vote` checks as a whole process', async () => {
    const p = await t.db.db.selectFrom('votes').innerJoin('processes', 'processes.id', 'votes.process_id').select(['processes.id', 'processes.fiscal_year'])
      .where('votes.status', '=', 'closed').executeTakeFirstOrThrow();
    expect(p.fiscal_year).toBe(2007);
    const res = await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${p.id}/vote/ballot-log` });
    expect(res.statusCode, res.body).toBe(200);
    const exp = res.json() as BallotLogExport;
    expect(exp.entries.length).toBeGreaterThan(50);
    const file = path.join(dir, 'ilo_2007_ballot-log.json');
    fs.writeFileSync(file, res.body);
    const out = await cli('verify-vote', file);
    expect(out.code, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toMatch(/ballot log: chain verifies \(\d+ entries: \d+ ballots, 8 receipts\)/);
    expect(out.stdout).toContain(`head: ${exp.head} (as published)`);
    expect(out.stdout).toMatch(/recount: \d+ valid, [1-9]\d* blank, [1-9]\d* spoiled ballots; matches the published result/);
    expect(out.stdout.trim().split('\n').at(-1)).toBe('vote verified');
    const unknown = await cli('verify-vote', file, '--receipt', 'AAAA-BBBB-CCCC-DDDD');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('receipt AAAA-BBBB-CCCC-DDDD: NOT in the log');
  }, 60_000);
});
