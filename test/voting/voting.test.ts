import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeOutcome, pabulibToElection, parsePabulib } from '@concerta/pb-rules';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { rowCounts, zoneIds } from '../support/fixtures.ts';
import { accountWithRole, insertAgent } from '../training/registrations.ts';
import { voteResults } from '../../src/voting/voting.queries.ts';
import { trainingSession, voter, votingProcess } from './fixture.ts';

const TABLES = ['votes', 'polling_tables', 'polling_table_facilitators', 'vote_voters', 'online_ballots', 'paper_entries'] as const;
const HOUR = 3600_000;

describe.each(testDialects())('the vote on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let fac1: Agent;
  let fac2: Agent;
  let iloId: string;
  let processId: string;
  let base: string;
  let zone: { id: string; name: string };
  let otherZone: { id: string; name: string };
  let sessionId: string;
  const single = (pool: string, project: string) => ({ parts: [{ pool, projects: [project] }] });

  async function send(method: 'GET' | 'POST' | 'PUT' | 'PATCH', who: Agent | null, url: string, payload?: unknown, lang: 'es' | 'en' = 'es') {
    return t.app.inject({ method, url, ...(who ? { headers: as(who, lang) } : { headers: { 'accept-language': lang } }), ...(payload === undefined ? {} : { payload: payload as object }) });
  }
  async function unchanged(run: () => Promise<unknown>): Promise<void> {
    const before = await rowCounts(t.db, TABLES);
    await run();
    expect(await rowCounts(t.db, TABLES)).toEqual(before);
  }
  async function pastCloseTime(pid = processId): Promise<void> {
    await t.db.db.updateTable('votes').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('process_id', '=', pid).execute();
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    fac1 = await signIn(t.app, 'facilitador@ilo.gob.pe');
    const zones = await zoneIds(t.db);
    zone = zones[0]!;
    otherZone = zones[1]!;
    const p = await votingProcess(t.db, zone, admin.userId);
    ({ processId } = p);
    iloId = p.municipalityId;
    base = `/api/municipalities/ilo/processes/${processId}/vote`;
    sessionId = await trainingSession(t.db, iloId, processId, admin.userId);
    await accountWithRole(t.app, t.db, { name: 'Marta Facilitadora Ríos', email: 'marta@ilo.gob.pe', role: 'facilitator', municipalityId: iloId });
    fac2 = await signIn(t.app, 'marta@ilo.gob.pe', 'una-clave-larga');
  });
  afterAll(async () => { await t.close(); });

  it('takes no ballot before the vote opens, and opens it only in Formalization, once, with a closing time ahead', async () => {
    const early = await voter(t.app, t.db, { municipalityId: iloId, processId, zoneId: zone.id, sessionId });
    await unchanged(async () => {
      const res = await send('POST', early.agent, `${base}/ballot`, single(zone.id, '0001'), 'en');
      expect([res.statusCode, res.json().error.code, res.json().error.message]).toEqual([409, 'VOTE_NOT_OPENED', 'The vote of this process has not opened yet.']);
    });
    const page = await send('GET', null, base);
    expect(page.json()).toMatchObject({ vote: null, turnout: { voted: 0 } });
    expect(page.json().turnout.eligible).toBeGreaterThan(0);

    const other = await votingProcess(t.db, zone, admin.userId, {}, 2030);
    await t.db.db.updateTable('processes').set({ phase: 'coordination' }).where('id', '=', other.processId).execute();
    const wrongPhase = await send('POST', admin, `/api/municipalities/ilo/processes/${other.processId}/vote/open`, { closesAt: new Date(Date.now() + HOUR).toISOString(), allowChanges: false, reason: 'apertura de la votación' });
    expect([wrongPhase.statusCode, wrongPhase.json().error.code]).toEqual([409, 'PHASE_CLOSED']);
    const past = await send('POST', admin, `${base}/open`, { closesAt: new Date(Date.now() - HOUR).toISOString(), allowChanges: true, reason: 'apertura de la votación' });
    expect([past.statusCode, past.json().error.code, past.json().error.field]).toEqual([400, 'VOTE_CLOSE_IN_PAST', 'closesAt']);
    expect((await send('POST', fac1, `${base}/open`, { closesAt: new Date(Date.now() + HOUR).toISOString(), allowChanges: true, reason: 'apertura de la votación' })).statusCode).toBe(403);

    // Before the open, the vote settings may still change (outside Preparation only those).
    const before = await send('PATCH', admin, `/api/municipalities/ilo/processes/${processId}`, { rules: { ...(await processRules()), maxChoices: null, ballotKind: 'single' }, reason: 'confirmamos la cédula de opción única' });
    expect(before.statusCode, before.body).toBe(200);
    const envelope = await send('PATCH', admin, `/api/municipalities/ilo/processes/${processId}`, { envelopeCents: 1, reason: 'no se puede cambiar ya' });
    expect(envelope.json().error.code).toBe('PROCESS_SETTINGS_FROZEN');

    const open = await send('POST', admin, `${base}/open`, { closesAt: new Date(Date.now() + HOUR).toISOString(), allowChanges: true, reason: 'apertura de la votación' });
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json()).toMatchObject({ status: 'open', allowChanges: true, takingBallots: true, settings: { ballotKind: 'single', outcomeRule: 'greedy' } });
    expect(open.json().envelopes.map((e: { key: string; projects: { number: number }[] }) => [e.key, e.projects.map((p) => p.number)])).toEqual([[zone.id, [1, 2, 3]], ['municipality', [4, 5]]]);
    await unchanged(async () => {
      const again = await send('POST', admin, `${base}/open`, { closesAt: new Date(Date.now() + HOUR).toISOString(), allowChanges: false, reason: 'otra apertura' });
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'VOTE_ALREADY_OPENED']);
    });
    const audit = await t.db.db.selectFrom('audit_log').select(['actor_id', 'reason']).where('action', '=', 'vote.open').execute();
    expect(audit).toEqual([{ actor_id: admin.userId, reason: 'apertura de la votación' }]);
  });

  async function processRules() {
    return (await send('GET', null, `/api/municipalities/ilo/processes/${processId}`)).json().rules;
  }

  it('freezes the vote settings once the vote is open', async () => {
    const rules = await processRules();
    for (const change of [{ ballotKind: 'approval', maxChoices: 2 }, { outcomeRule: 'mes' }, { trainingRequiredToVote: false }]) {
      await unchanged(async () => {
        const res = await send('PATCH', admin, `/api/municipalities/ilo/processes/${processId}`, { rules: { ...rules, ...change }, reason: 'cambio de reglas de votación' }, 'en');
        expect([res.statusCode, res.json().error.code]).toEqual([409, 'VOTE_SETTINGS_FROZEN']);
        expect(res.json().error.message).toContain('can no longer change');
      });
    }
  });

  it('tells an agent whether they may vote and why not, and refuses the untrained and the unregistered', async () => {
    const untrained = await voter(t.app, t.db, { municipalityId: iloId, processId, zoneId: zone.id, sessionId, trained: false });
    const me = await send('GET', untrained.agent, `${base}/me`);
    expect(me.json()).toMatchObject({ voteStatus: 'open', eligible: false, reason: 'not_trained', trainingRequired: true, sessionsAttended: 0, sessionsRequired: 1, voted: null });
    await unchanged(async () => {
      const res = await send('POST', untrained.agent, `${base}/ballot`, single(zone.id, '0001'));
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'VOTER_NOT_TRAINED']);
    });
    const stranger = await signIn(t.app, 'agente@ilo.gob.pe');
    expect((await send('GET', stranger, `${base}/me`)).json()).toMatchObject({ eligible: false, reason: 'not_registered' });
    await unchanged(async () => {
      expect((await send('POST', stranger, `${base}/ballot`, single(zone.id, '0001'))).json().error.code).toBe('VOTER_NOT_REGISTERED');
    });
  });

  it('takes one online ballot per agent, checked against the kind, with a receipt the voter can check and use to change it', async () => {
    const ana = await voter(t.app, t.db, { municipalityId: iloId, processId, zoneId: zone.id, sessionId });
    const me = await send('GET', ana.agent, `${base}/me`);
    expect(me.json()).toMatchObject({ eligible: true, reason: null, ballotKind: 'single' });
    expect(me.json().envelopes.map((e: { key: string }) => e.key)).toEqual([zone.id, 'municipality']);

    await unchanged(async () => {
      const two = await send('POST', ana.agent, `${base}/ballot`, { parts: [{ pool: zone.id, projects: ['0001', '0003'] }] }, 'en');
      expect([two.statusCode, two.json().error.code, two.json().error.details.rule]).toEqual([400, 'BALLOT_BREAKS_RULES', 'TOO_MANY_CHOICES']);
      expect(two.json().error.message).toBe(`The ballot breaks the rules of the vote (${zone.name}): 2 projects chosen, at most 1 allowed.`);
      const unknown = await send('POST', ana.agent, `${base}/ballot`, single(zone.id, '0004'));
      expect(unknown.json().error).toMatchObject({ code: 'BALLOT_BREAKS_RULES', details: { rule: 'UNKNOWN_PROJECT' } });
      const notOffered = await send('POST', ana.agent, `${base}/ballot`, single(otherZone.id, '0001'));
      expect([notOffered.statusCode, notOffered.json().error.code]).toEqual([400, 'BALLOT_ENVELOPE_NOT_OFFERED']);
      const empty = await send('POST', ana.agent, `${base}/ballot`, { parts: [{ pool: zone.id, projects: [] }] });
      expect(empty.json().error.code).toBe('BALLOT_EMPTY');
    });

    const cast = await send('POST', ana.agent, `${base}/ballot`, { parts: [{ pool: zone.id, projects: ['0002'] }, { pool: 'municipality', projects: ['0005'] }] });
    expect(cast.statusCode, cast.body).toBe(201);
    const receipt = cast.json().receipt as string;
    expect(receipt).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    // Only its hash is kept.
    const stored = await t.db.db.selectFrom('online_ballots').select(['receipt_hash', 'content']).execute();
    expect(stored.some((b) => b.receipt_hash.includes(receipt.replace(/-/g, '')))).toBe(false);
    expect(stored.map((b) => b.content).join()).not.toContain(ana.id);

    await unchanged(async () => {
      const again = await send('POST', ana.agent, `${base}/ballot`, single(zone.id, '0001'), 'en');
      expect([again.statusCode, again.json().error.code, again.json().error.message]).toEqual([409, 'ALREADY_VOTED', `${ana.fullName} has already voted online: one agent, one ballot.`]);
    });
    // Anyone with the code learns that the ballot was recorded, never what it says (no proof of a vote to a buyer).
    const check = await send('GET', null, `${base}/receipt?code=${receipt.toLowerCase()}`);
    expect(check.json()).toEqual({ counted: false, changes: 0, castAt: cast.json().castAt });
    expect(check.body).not.toContain('0002');
    expect((await send('GET', null, `${base}/receipt?code=AAAA-BBBB-CCCC-DDDD`)).json().error.code).toBe('VOTE_RECEIPT_UNKNOWN');
    // The voter, signed in, sees their own ballot with the code.
    expect((await send('GET', ana.agent, `${base}/ballot?receipt=${receipt}`)).json()).toMatchObject({ parts: [{ pool: zone.id, projects: ['0002'] }, { pool: 'municipality', projects: ['0005'] }] });

    const changed = await send('PUT', ana.agent, `${base}/ballot`, { receipt, parts: [{ pool: zone.id, projects: ['0001'] }, { pool: 'municipality', projects: ['0004'] }] });
    expect(changed.json()).toMatchObject({ changes: 1 });
    expect((await send('GET', ana.agent, `${base}/ballot?receipt=${receipt}`)).json().parts[0].projects).toEqual(['0001']);
    // Someone else holding Ana's code, even one who voted online too, neither sees nor changes her ballot.
    const someoneElse = await voter(t.app, t.db, { municipalityId: iloId, processId, zoneId: zone.id, sessionId });
    expect((await send('POST', someoneElse.agent, `${base}/ballot`, single(zone.id, '0003'))).statusCode).toBe(201);
    await unchanged(async () => {
      const res = await send('PUT', someoneElse.agent, `${base}/ballot`, { receipt, parts: [{ pool: zone.id, projects: ['0003'] }] });
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'VOTE_RECEIPT_UNKNOWN']);
      const look = await send('GET', someoneElse.agent, `${base}/ballot?receipt=${receipt}`);
      expect([look.statusCode, look.json().error.code]).toEqual([404, 'VOTE_RECEIPT_UNKNOWN']);
    });
    expect((await send('GET', ana.agent, `${base}/me`)).json().voted).toMatchObject({ channel: 'online' });
    const audit = await t.db.db.selectFrom('audit_log').select('data').where('action', '=', 'vote.cast_online').execute();
    expect(audit.map((a) => a.data).join()).not.toContain('0002');
  });

  it('lets one of two ballots sent at the same moment through, and refuses the other with a coded error', async () => {
    const rosa = await voter(t.app, t.db, { municipalityId: iloId, processId, zoneId: zone.id, sessionId });
    const [a, b] = await Promise.all([
      send('POST', rosa.agent, `${base}/ballot`, single(zone.id, '0001')),
      send('POST', rosa.agent, `${base}/ballot`, single(zone.id, '0003')),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('ALREADY_VOTED');
    const rows = await t.db.db.selectFrom('vote_voters').selectAll().where('agent_id', '=', rosa.id).execute();
    expect(rows).toHaveLength(1);
    const winner = [a, b].find((r) => r.statusCode === 201)!.json().receipt as string;
    expect((await send('GET', null, `${base}/receipt?code=${winner}`)).statusCode).toBe(200);
  });

  let tableId: string;
  let paperVoters: { id: string; dni: string; fullName: string }[];

  it('sets up polling tables with two facilitators at least, who mark voters by DNI against the list', async () => {
    const one = await send('POST', admin, `${base}/tables`, { name: 'Mesa 1', place: 'Colegio Miramar', facilitatorUserIds: [fac1.userId] });
    expect([one.statusCode, one.json().error.code]).toEqual([400, 'TABLE_NEEDS_TWO_FACILITATORS']);
    const res = await send('POST', admin, `${base}/tables`, { name: 'Mesa 1', place: 'Colegio Miramar', facilitatorUserIds: [fac1.userId, fac2.userId] });
    expect(res.statusCode, res.body).toBe(201);
    tableId = res.json().id;
    expect((await send('POST', admin, `${base}/tables`, { name: 'Mesa 1', place: 'Otro', facilitatorUserIds: [fac1.userId, fac2.userId] })).json().error.code).toBe('TABLE_NAME_TAKEN');

    paperVoters = [];
    for (let i = 0; i < 5; i++) paperVoters.push(await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zone.id, fullName: `Papel ${i} Mamani` }));
    for (const v of paperVoters) await t.db.db.insertInto('training_attendance').values({ municipality_id: iloId, session_id: sessionId, agent_id: v.id, method: 'facilitator', recorded_at: new Date().toISOString(), recorded_by: admin.userId }).execute();
    const untrained = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zone.id, fullName: 'Sin Capacitación' });
    const url = `${base}/tables/${tableId}/voters`;
    await unchanged(async () => {
      expect((await send('POST', fac1, url, { dni: '99999999' })).json().error.code).toBe('VOTER_NOT_ON_LIST');
      expect((await send('POST', fac1, url, { dni: untrained.dni })).json().error.code).toBe('VOTER_NOT_TRAINED');
      expect((await send('POST', admin, url, { dni: paperVoters[0]!.dni })).json().error.code).toBe('NOT_TABLE_FACILITATOR');
    });
    // Two facilitators mark the same person at the same moment: one mark.
    const [a, b] = await Promise.all([send('POST', fac1, url, { dni: paperVoters[0]!.dni }), send('POST', fac2, url, { dni: paperVoters[0]!.dni })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    for (const v of paperVoters.slice(1)) expect((await send('POST', fac1, url, { dni: v.dni })).statusCode).toBe(201);
    // An agent who voted online cannot vote on paper, and the other way round.
    const online = await t.db.db.selectFrom('vote_voters').innerJoin('agents', 'agents.id', 'vote_voters.agent_id').select('agents.dni').where('channel', '=', 'online').executeTakeFirstOrThrow();
    await unchanged(async () => {
      const res = await send('POST', fac2, url, { dni: online.dni }, 'en');
      expect(res.json().error).toMatchObject({ code: 'ALREADY_VOTED' });
      expect(res.json().error.message).toContain('has already voted online');
    });
    const page = (await send('GET', null, base)).json();
    expect(page.turnout).toMatchObject({ online: 3, paper: 5, voted: 8, tables: [{ id: tableId, name: 'Mesa 1', voters: 5 }] });
  });

  it('counts a paper ballot when two facilitators type it alike; mismatches wait to be resolved; blank and spoiled apart', async () => {
    const url = `${base}/tables/${tableId}/entries`;
    const valid = (project: string) => ({ kind: 'valid', parts: [{ pool: zone.id, projects: [project] }] });
    expect((await send('POST', fac1, url, { serial: 'A-001', content: valid('0001') })).json()).toMatchObject({ state: 'awaiting_second', content: null });
    await unchanged(async () => {
      const same = await send('POST', fac1, url, { serial: 'A-001', content: valid('0001') }, 'en');
      expect([same.statusCode, same.json().error.code]).toEqual([409, 'PAPER_SAME_TYPIST']);
      const twoZones = await send('POST', fac2, url, { serial: 'A-001', content: { kind: 'valid', parts: [{ pool: zone.id, projects: ['0001'] }, { pool: otherZone.id, projects: ['0001'] }] } });
      expect(twoZones.json().error.code).toBe('BALLOT_TWO_ZONES');
      const tooMany = await send('POST', fac2, url, { serial: 'A-001', content: { kind: 'valid', parts: [{ pool: zone.id, projects: ['0001', '0002'] }] } });
      expect(tooMany.json().error.details.rule).toBe('TOO_MANY_CHOICES');
    });
    expect((await send('POST', fac2, url, { serial: 'A-001', content: valid('0001') })).json()).toMatchObject({ state: 'counted' });
    expect((await send('POST', fac2, url, { serial: 'A-001', content: valid('0001') })).json().error.code).toBe('PAPER_ALREADY_COUNTED');

    await send('POST', fac1, url, { serial: 'A-002', content: valid('0003') });
    expect((await send('POST', fac2, url, { serial: 'A-002', content: valid('0002') })).json()).toMatchObject({ state: 'mismatch' });
    for (const [serial, content] of [['A-003', { kind: 'blank' }], ['A-004', { kind: 'spoiled' }], ['A-005', valid('0003')]] as const) {
      await send('POST', fac2, url, { serial, content });
      expect((await send('POST', fac1, url, { serial, content })).json().state).toBe('counted');
    }
    // Five voters marked at the table: a sixth ballot cannot be.
    await unchanged(async () => {
      expect((await send('POST', fac1, url, { serial: 'A-006', content: valid('0003') })).json().error.code).toBe('PAPER_MORE_BALLOTS_THAN_VOTERS');
    });
    const detail = (await send('GET', fac1, `${base}/tables/${tableId}`)).json();
    expect(detail.figures).toEqual({ typed: 5, counted: 4, valid: 2, blank: 1, spoiled: 1, mismatches: 1, awaitingSecond: 0 });
    expect(detail.tally).toBeNull();
    expect(detail.ballots.find((b: { serial: string }) => b.serial === 'A-002').entries.map((e: { enteredByName: string }) => e.enteredByName)).toEqual(['Lucía Condori Apaza', 'Marta Facilitadora Ríos']);
    const pdf = await t.app.inject({ method: 'GET', url: `${base}/tables/${tableId}/sheet.pdf`, headers: as(fac2) });
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const outsider = await voter(t.app, t.db, { municipalityId: iloId, processId, zoneId: zone.id, sessionId });
    expect((await send('GET', outsider.agent, `${base}/tables/${tableId}`)).statusCode).toBe(403);
  });

  it('keeps the results hidden until the close, in every answer', async () => {
    const res = await send('GET', null, `${base}/results`, undefined, 'en');
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'RESULTS_NOT_YET']);
    const pb = await send('GET', null, `${base}/results/municipality.pb`);
    expect([pb.statusCode, pb.json().error.code]).toEqual([409, 'RESULTS_NOT_YET']);
    const page = await send('GET', null, base);
    expect(page.body).not.toMatch(/"votes"|"funded"|"points"/);
    expect((await send('GET', admin, `${base}/tables/${tableId}`)).json().tally).toBeNull();
    expect(await voteResults(t.db.db, iloId, processId)).toBeNull();
    const gate = (await send('GET', admin, `/api/municipalities/ilo/processes/${processId}/phase`)).json();
    expect(gate.failures.map((f: { code: string }) => f.code)).toContain('VOTE_NOT_CLOSED');
  });

  it('closes at its time, once every paper ballot is settled, and counts each envelope by the outcome rule', async () => {
    await unchanged(async () => {
      const early = await send('POST', admin, `${base}/close`, { reason: 'cierre de la votación' });
      expect([early.statusCode, early.json().error.code]).toEqual([409, 'VOTE_NOT_DUE']);
    });
    await pastCloseTime();
    const late = await voter(t.app, t.db, { municipalityId: iloId, processId, zoneId: zone.id, sessionId });
    await unchanged(async () => {
      expect((await send('POST', late.agent, `${base}/ballot`, single(zone.id, '0001'))).json().error.code).toBe('VOTE_CLOSED');
      expect((await send('POST', fac1, `${base}/tables/${tableId}/voters`, { dni: late.dni })).json().error.code).toBe('VOTE_CLOSED');
      const pending = await send('POST', admin, `${base}/close`, { reason: 'cierre de la votación' });
      expect([pending.statusCode, pending.json().error.code, pending.json().error.details]).toEqual([409, 'VOTE_PAPER_PENDING', { count: 1 }]);
      const noReason = await send('POST', fac1, `${base}/tables/${tableId}/resolve`, { serial: 'A-002', content: { kind: 'valid', parts: [{ pool: zone.id, projects: ['0003'] }] } });
      expect(noReason.statusCode).toBe(400);
      const notMismatch = await send('POST', fac1, `${base}/tables/${tableId}/resolve`, { serial: 'A-001', content: { kind: 'blank' }, reason: 'revisado contra el papel' });
      expect(notMismatch.json().error.code).toBe('PAPER_NOT_IN_MISMATCH');
    });
    const resolved = await send('POST', fac1, `${base}/tables/${tableId}/resolve`, { serial: 'A-002', content: { kind: 'valid', parts: [{ pool: zone.id, projects: ['0003'] }] }, reason: 'revisado contra el papel: marca en el proyecto 3' });
    expect(resolved.json()).toMatchObject({ state: 'resolved' });

    const close = await send('POST', admin, `${base}/close`, { reason: 'cierre de la votación' });
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json()).toMatchObject({ status: 'closed', takingBallots: false });
    const again = await send('POST', admin, `${base}/close`, { reason: 'cierre de la votación' });
    expect(again.json().error.code).toBe('VOTE_ALREADY_CLOSED');
    await unchanged(async () => {
      expect((await send('POST', fac2, `${base}/tables/${tableId}/entries`, { serial: 'A-009', content: { kind: 'blank' } })).json().error.code).toBe('VOTE_ALREADY_CLOSED');
    });

    // Zone: online 0001 (Ana, changed), 0003 (another voter) and 0001 or 0003 (Rosa, whichever request won); paper 0001, 0003 (resolved), 0003.
    const results = await send('GET', null, `${base}/results`, undefined, 'en');
    expect(results.statusCode, results.body).toBe(200);
    const r = results.json();
    expect(r.turnout).toMatchObject({ online: 3, paper: 5, voted: 8, blank: 1, spoiled: 1 });
    const zoneResult = r.envelopes.find((e: { key: string }) => e.key === zone.id);
    expect(zoneResult.ballots).toBe(6);
    const votesOf = (n: number) => zoneResult.projects.find((p: { number: number }) => p.number === n).votes;
    expect(votesOf(1) + votesOf(2) + votesOf(3)).toBe(6);
    expect(votesOf(2)).toBe(0);
    // Greedy within S/ 100,000: the most voted of 1 (S/ 60,000) and 3 (S/ 30,000) first, then the other fits too.
    expect(zoneResult.projects.filter((p: { funded: boolean }) => p.funded).map((p: { number: number }) => p.number).sort()).toEqual([1, 3]);
    expect(zoneResult.spentCents).toBe(90_000_00);
    expect(zoneResult.projects[0].explanation[0]).toMatch(/[a-z]/);
    const district = r.envelopes.find((e: { key: string }) => e.key === 'municipality');
    expect(district.ballots).toBe(1);
    expect(district.projects.filter((p: { funded: boolean }) => p.funded).map((p: { number: number }) => p.number)).toEqual([4]);
    const es = (await send('GET', null, `${base}/results`, undefined, 'es')).json();
    expect(es.envelopes[0].projects[0].explanation[0]).not.toEqual(zoneResult.projects[0].explanation[0]);

    const exported = await voteResults(t.db.db, iloId, processId);
    expect(exported!.envelopes.find((e) => e.key === zone.id)!.funded.map((p) => p.number).sort()).toEqual([1, 3]);
    expect(exported!.envelopes.find((e) => e.key === zone.id)!.alternates.map((p) => p.number)).toEqual([2]);
    expect(exported!.turnout).toMatchObject({ voted: 8, blank: 1, spoiled: 1 });

    const tally = (await send('GET', fac1, `${base}/tables/${tableId}`)).json().tally;
    expect(tally.filter((x: { pool: string }) => x.pool === zone.id).map((x: { votes: number }) => x.votes)).toEqual([1, 0, 2]);

    const audit = await t.db.db.selectFrom('audit_log').select(['actor_id', 'reason', 'data']).where('action', '=', 'vote.close').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.userId, reason: 'cierre de la votación' });
    const gate = (await send('GET', admin, `/api/municipalities/ilo/processes/${processId}/phase`)).json();
    expect(gate.failures.map((f: { code: string }) => f.code)).not.toContain('VOTE_NOT_CLOSED');
    const check = await send('GET', null, `/api/municipalities/ilo/processes/${processId}/vote/receipt?code=AAAA-AAAA-AAAA-AAAA`);
    expect(check.statusCode).toBe(404);
  });

  it('exports each envelope\'s anonymous ballots in Pabulib format, from which another tool recomputes the same winners', async () => {
    const results = (await send('GET', null, `${base}/results`)).json();
    for (const envelope of results.envelopes) {
      const res = await t.app.inject({ method: 'GET', url: envelope.pabulibUrl });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.body).not.toContain('Votante');
      const parsed = parsePabulib(res.body);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const election = pabulibToElection(parsed.value);
      expect(election.ok).toBe(true);
      if (!election.ok) return;
      expect(election.value.election.ballots).toHaveLength(envelope.ballots);
      expect(election.value.rule).toBe('greedy');
      const outcome = computeOutcome(election.value.election, results.outcomeRule, { ties: { kind: 'declared' } });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const funded = envelope.projects.filter((p: { funded: boolean }) => p.funded).map((p: { projectId: string }) => p.projectId);
      expect([...outcome.value.selected].sort()).toEqual([...funded].sort());
    }
    expect((await send('GET', null, `${base}/results/nowhere.pb`)).statusCode).toBe(404);
  });
});
