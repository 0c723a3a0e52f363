import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, rowCounts, zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import { addDays, localDate } from '../../src/shared/clock.ts';

describe.each(testDialects())('the oversight committee election on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent, facilitator: Agent, tecnico: Agent;
  let processId: string;
  let base: string;
  const agents: Record<string, string> = {};
  const tables = ['committee_candidates', 'committee_elections', 'committee_votes', 'body_members'] as const;

  const post = (who: Agent | null, path: string, payload: unknown, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method: 'POST', url: path, headers: who ? as(who, lang) : { 'accept-language': lang }, payload: payload as object });
  const election = (counts: Record<string, number>, over: Record<string, unknown> = {}) => ({
    heldOn: localDate(), place: 'Auditorio municipal de Ilo', reason: 'conteo de la sesión de formalización, acta N.° 3',
    counts: Object.entries(counts).map(([name, votes]) => ({ agentId: agents[name]!, votes })), ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    tecnico = await signIn(t.app, 'tecnico@ilo.gob.pe');
    const iloId = await municipalityId(t.db);
    const zones = await zoneIds(t.db);
    // Six seats, three for women (Ilo's default rules).
    ({ processId } = await createProcessFixture(t.db, { phase: 'formalization' }));
    base = `/api/municipalities/ilo/processes/${processId}/oversight-committee`;
    const people: [string, 'female' | 'male', 'approved' | 'pending'][] = [
      ['m1', 'male', 'approved'], ['m2', 'male', 'approved'], ['m3', 'male', 'approved'], ['m4', 'male', 'approved'],
      ['w1', 'female', 'approved'], ['w2', 'female', 'approved'], ['w3', 'female', 'approved'], ['pending', 'female', 'pending'],
    ];
    for (const [name, sex, status] of people) {
      agents[name] = (await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, fullName: `Agente ${name}`, sex, status })).id;
    }
    const other = await createProcessFixture(t.db, { phase: 'formalization', fiscalYear: 2026 });
    agents.foreign = (await insertAgent(t.db, { municipalityId: iloId, processId: other.processId, zoneId: zones[0]!.id, fullName: 'Agente de otro año' })).id;
  });
  afterAll(async () => { await t.close(); });

  it('registers the approved agents who stand, and refuses the others with a coded error, writing nothing', async () => {
    const first = await post(facilitator, `${base}/candidates`, { agentId: agents.m1, consent: 'aceptó postular en la sesión de formalización' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ seats: 6, minWomen: 3, election: null, candidates: [{ agentId: agents.m1, name: 'Agente m1', votes: null }] });
    const before = await rowCounts(t.db, tables);
    const pending = await post(admin, `${base}/candidates`, { agentId: agents.pending, consent: 'aceptó postular en la sesión' }, 'en');
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error).toMatchObject({ code: 'NOT_AN_APPROVED_AGENT', field: 'agentId', message: 'Agente pending is not an approved participating agent of this process.' });
    expect((await post(admin, `${base}/candidates`, { agentId: agents.foreign, consent: 'aceptó postular en la sesión' })).json().error).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'agentId' });
    expect((await post(admin, `${base}/candidates`, { agentId: agents.m1, consent: 'aceptó postular en la sesión' })).json().error).toMatchObject({ code: 'COMMITTEE_ALREADY_CANDIDATE' });
    expect((await post(admin, `${base}/candidates`, { agentId: agents.m2, consent: '' })).json().error).toMatchObject({ code: 'VALIDATION', field: 'consent' });
    expect((await post(tecnico, `${base}/candidates`, { agentId: agents.m2, consent: 'aceptó postular en la sesión' })).statusCode).toBe(403);
    expect((await post(null, `${base}/candidates`, { agentId: agents.m2, consent: 'aceptó postular en la sesión' })).statusCode).toBe(401);
    expect(await rowCounts(t.db, tables)).toEqual(before);
  });

  it('refuses an election with more seats than candidates, too few women, negative or missing counts, or a later date', async () => {
    for (const name of ['m2', 'm3', 'm4', 'w1']) {
      expect((await post(admin, `${base}/candidates`, { agentId: agents[name], consent: 'aceptó postular en la sesión de formalización' })).statusCode).toBe(201);
    }
    const before = await rowCounts(t.db, tables);
    const few = await post(admin, `${base}/election`, election({ m1: 1, m2: 2, m3: 3, m4: 4, w1: 5 }), 'en');
    expect(few.statusCode).toBe(409);
    expect(few.json().error).toMatchObject({ code: 'COMMITTEE_TOO_FEW_CANDIDATES', message: 'There are 5 candidates for 6 seats: at least as many must stand as there are seats.' });
    expect((await post(admin, `${base}/candidates`, { agentId: agents.w2, consent: 'aceptó postular en la sesión de formalización' })).statusCode).toBe(201);
    const women = await post(admin, `${base}/election`, election({ m1: 1, m2: 2, m3: 3, m4: 4, w1: 5, w2: 6 }));
    expect(women.json().error).toMatchObject({ code: 'COMMITTEE_TOO_FEW_WOMEN' });
    expect((await post(admin, `${base}/candidates`, { agentId: agents.w3, consent: 'aceptó postular en la sesión de formalización' })).statusCode).toBe(201);
    const negative = await post(admin, `${base}/election`, election({ m1: 1, m2: -2, m3: 3, m4: 4, w1: 5, w2: 6, w3: 0 }), 'en');
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error).toMatchObject({ code: 'VALIDATION', field: 'counts.1.votes' });
    expect(negative.json().error.message).toContain('cannot be negative');
    const missing = await post(admin, `${base}/election`, election({ m1: 1, m2: 2, m3: 3, m4: 4, w1: 5, w2: 6 }));
    expect(missing.json().error).toMatchObject({ code: 'COMMITTEE_COUNTS_MISMATCH', field: 'counts' });
    const outsider = await post(admin, `${base}/election`, election({ m1: 1, m2: 2, m3: 3, m4: 4, w1: 5, w2: 6, w3: 0, pending: 3 }));
    expect(outsider.json().error).toMatchObject({ code: 'COMMITTEE_COUNTS_MISMATCH' });
    const later = await post(admin, `${base}/election`, election({ m1: 1, m2: 2, m3: 3, m4: 4, w1: 5, w2: 6, w3: 0 }, { heldOn: addDays(localDate(), 2) }));
    expect(later.json().error).toMatchObject({ code: 'COMMITTEE_HELD_LATER', field: 'heldOn' });
    expect((await post(tecnico, `${base}/election`, election({ m1: 1 }))).statusCode).toBe(403);
    // Only the two candidates registered in between were written.
    expect(await rowCounts(t.db, tables)).toEqual({ ...before, committee_candidates: before.committee_candidates! + 2, audit: before.audit! + 2 });
  });

  it('holds Formalization until the committee is elected, then seats the most voted under the women quota, shown on the quota page', async () => {
    const phase = `/api/municipalities/ilo/processes/${processId}/phase`;
    let check = (await t.app.inject({ method: 'GET', url: phase, headers: as(admin, 'en') })).json();
    expect(check.failures.find((f: { code: string }) => f.code === 'COMMITTEE_NOT_ELECTED').message).toBe('the oversight committee is not complete (0 of 6 members elected)');
    // The four men are the most voted; only three seats may go to men, so w2 (2 votes) and w3 (1 vote) join w1.
    const res = await post(facilitator, `${base}/election`, election({ m1: 40, m2: 35, m3: 30, m4: 25, w1: 20, w2: 2, w3: 1 }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.election).toMatchObject({ place: 'Auditorio municipal de Ilo', heldOn: localDate() });
    const elected = c.candidates.filter((x: { elected: boolean }) => x.elected).map((x: { name: string }) => x.name);
    expect(elected).toEqual(['Agente m1', 'Agente m2', 'Agente m3', 'Agente w1', 'Agente w2', 'Agente w3']);
    expect(c.candidates.find((x: { name: string }) => x.name === 'Agente m4')).toMatchObject({ votes: 25, elected: false, rank: 4 });
    expect(c.members).toHaveLength(6);
    const quotas = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}/quotas` })).json();
    expect(quotas.bodies.find((b: { kind: string }) => b.kind === 'oversight_committee')).toMatchObject({ seats: 6, filled: 6, women: 3, men: 3, status: 'met' });
    check = (await t.app.inject({ method: 'GET', url: phase, headers: as(admin, 'en') })).json();
    expect(check.failures.map((f: { code: string }) => f.code)).not.toContain('COMMITTEE_NOT_ELECTED');
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'reason']).where('action', 'in', ['committee.elect', 'body.elect']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['body.elect', 'body.elect', 'body.elect', 'body.elect', 'body.elect', 'body.elect', 'committee.elect']);
    expect(audit.every((a) => a.reason === 'conteo de la sesión de formalización, acta N.° 3')).toBe(true);
    const again = await post(admin, `${base}/election`, election({ m1: 1, m2: 2, m3: 3, m4: 4, w1: 5, w2: 6, w3: 0 }));
    expect(again.json().error).toMatchObject({ code: 'COMMITTEE_ALREADY_ELECTED' });
  });

  it('elects during Formalization only', async () => {
    const { processId: other } = await createProcessFixture(t.db, { phase: 'coordination', fiscalYear: 2029 });
    const res = await post(admin, `/api/municipalities/ilo/processes/${other}/oversight-committee/candidates`, { agentId: agents.m1, consent: 'aceptó postular en la sesión' }, 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('The oversight committee is elected during Formalization (current phase: Coordination).');
    const page = await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}/oversight-committee?lang=en` });
    expect(page.json().rule).toMatch(/^The candidates with the most votes/);
  });
});
