import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, insertPlan, municipalityId, rowCounts, zoneIds } from '../support/fixtures.ts';
import { addDays, localDate, newId, now } from '../../src/shared/clock.ts';
import { SAMPLES, multipartBody } from '../files/multipart.ts';
import { insertAgent, insertOrganization, insertZone } from '../training/registrations.ts';
import { approvedAgentOfUser } from '../../src/registration/registration.queries.ts';
import { sentenceDate } from '../../src/shared/i18n.ts';

const TABLES = ['proposals', 'proposal_versions', 'proposal_pledges', 'proposal_attachments'] as const;

/** Rows of the proposals tables and the municipalities' audit entries: what "nothing written" means. */
const snapshot = (t: TestApp) => rowCounts(t.db, TABLES);

describe.each(testDialects())('proposals on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let facilitator: Agent;
  let agent: Agent;
  let iloId: string;
  let processId: string;
  let base: string;
  let zones: { id: string; code: string; name: string }[];
  let plan: { axisId: string; objectiveId: string; otherObjectiveId: string };
  let pacocha: { zoneId: string; axisId: string; objectiveId: string };
  let paperAgentId: string;
  let pendingAgentId: string;
  let organizationId: string;

  const content = (over: Record<string, unknown> = {}) => ({
    title: 'Pavimentación de la calle Los Pescadores',
    description: 'Pavimentación con concreto de 420 m de la calle Los Pescadores, con veredas y sardineles.',
    zoneId: zones[1]!.id,
    axisId: plan.axisId,
    objectiveId: plan.objectiveId,
    problem: 'La calle es de tierra: polvo todo el año y barro con las lloviznas de invierno.',
    beneficiariesCount: 850,
    beneficiaryGroups: 'familias del sector 3, escolares',
    costCents: 125_000_00,
    location: 'Calle Los Pescadores, cuadras 1 a 4, Pampa Inalámbrica',
    pledges: [
      { funderKind: 'community', funderName: 'Vecinos del sector 3', contribution: 'in_kind', description: 'mano de obra no calificada, 300 jornales', amountCents: 27_000_00 },
      { funderKind: 'company', funderName: 'Southern Perú', contribution: 'money', description: '', amountCents: 30_000_00 },
    ],
    ...over,
  });

  const post = (who: Agent | null, path: string, payload: unknown, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method: 'POST', url: path, headers: who ? as(who, lang) : { 'accept-language': lang }, payload: payload as object });
  const put = (who: Agent, path: string, payload: unknown, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method: 'PUT', url: path, headers: as(who, lang), payload: payload as object });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    agent = await signIn(t.app, 'agente@ilo.gob.pe');
    iloId = await municipalityId(t.db);
    zones = await zoneIds(t.db);
    plan = await insertPlan(t.db, iloId, 'EJ1');
    ({ processId } = await createProcessFixture(t.db, { phase: 'concertation' }));
    base = `/api/municipalities/ilo/processes/${processId}/proposals`;
    organizationId = await insertOrganization(t.db, { municipalityId: iloId, processId, zoneId: zones[1]!.id, name: 'Comité Vecinal Sector 3' });
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[1]!.id, fullName: 'Pedro Mamani Cutipa', userId: agent.userId, organizationId });
    paperAgentId = (await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[2]!.id, fullName: 'Rosa Quispe Apaza', source: 'in_person' })).id;
    pendingAgentId = (await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[2]!.id, fullName: 'En Espera', status: 'pending' })).id;
    const pacochaId = await municipalityId(t.db, 'pacocha');
    const pPlan = await insertPlan(t.db, pacochaId, 'PX');
    pacocha = { zoneId: await insertZone(t.db, pacochaId, 'P01', 'Pacocha Centro'), axisId: pPlan.axisId, objectiveId: pPlan.objectiveId };
  });
  afterAll(async () => { await t.close(); });

  it('lets an approved agent propose a project, public at once, numbered, audited with who and why', async () => {
    const res = await post(agent, base, content({ reason: 'acuerdo de la asamblea vecinal' }));
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      number: 1, status: 'submitted', source: 'online', currentVersion: 1, editable: true,
      author: { agent: { fullName: 'Pedro Mamani Cutipa' }, organization: null },
      current: { version: 1, title: 'Pavimentación de la calle Los Pescadores', costCents: 125_000_00, cofinancingCents: 57_000_00, zone: { id: zones[1]!.id } },
    });
    expect(p.current.pledges).toHaveLength(2);
    expect(p.current.objective.code).toBe('OEJ1.1');
    const anon = await t.app.inject({ method: 'GET', url: `${base}/${p.id}` });
    expect(anon.statusCode).toBe(200);
    expect(anon.json().editable).toBe(false);
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('entity_id', '=', p.id).orderBy('seq').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'proposal.submit', actor_id: agent.userId, reason: 'acuerdo de la asamblea vecinal' });
  });

  it('lets a delegate propose for their approved organization', async () => {
    const res = await post(agent, base, content({ title: 'Posta de salud del sector 3', onBehalfOfOrganization: true }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().author.organization).toEqual({ id: organizationId, name: 'Comité Vecinal Sector 3' });
  });

  it('refuses bad costs, pledges and references with coded errors in the request language, writing nothing', async () => {
    const before = await snapshot(t);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ costCents: 0 }, 'PROPOSAL_COST_NOT_POSITIVE', 'costCents'],
      [{ costCents: -500 }, 'PROPOSAL_COST_NOT_POSITIVE', 'costCents'],
      [{ costCents: 420_000_01 }, 'PROPOSAL_COST_OVER_ENVELOPE', 'costCents'],
      [{ costCents: 50_000_00 }, 'PLEDGES_OVER_COST', 'pledges'],
      [{ zoneId: 'no-such-zone' }, 'UNKNOWN_REFERENCE', 'zoneId'],
      [{ zoneId: pacocha.zoneId }, 'UNKNOWN_REFERENCE', 'zoneId'],
      [{ axisId: pacocha.axisId }, 'UNKNOWN_REFERENCE', 'axisId'],
      [{ objectiveId: pacocha.objectiveId }, 'UNKNOWN_REFERENCE', 'objectiveId'],
      [{ objectiveId: plan.otherObjectiveId }, 'OBJECTIVE_NOT_IN_AXIS', 'objectiveId'],
      [{ attachmentFileIds: ['nope'] }, 'UNKNOWN_REFERENCE', 'attachmentFileIds'],
    ];
    for (const [over, code, field] of cases) {
      const res = await post(agent, base, content(over), 'en');
      expect(res.json().error, JSON.stringify(over)).toMatchObject({ code, field });
    }
    const es = await post(agent, base, content({ costCents: 420_000_01 }));
    expect(es.statusCode).toBe(400);
    expect(es.json().error.message).toBe('El costo estimado (S/ 420,000.01) supera el presupuesto total del proceso (S/ 420,000.00).');
    const en = await post(agent, base, content({ costCents: 0 }), 'en');
    expect(en.json().error.message).toBe('The estimated cost must be greater than zero.');
    const missingObjective = await post(agent, base, { ...content(), objectiveId: undefined });
    expect(missingObjective.json().error).toMatchObject({ code: 'VALIDATION', field: 'objectiveId' });
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a proposal by someone who is not an approved agent of the process, and outside Concertation', async () => {
    const before = await snapshot(t);
    const citizen = await signIn(t.app, 'tecnico@ilo.gob.pe');
    const res = await post(citizen, base, content(), 'en');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('PROPOSER_NOT_APPROVED');
    expect((await post(null, base, content())).statusCode).toBe(401);
    const pending = await post(facilitator, `${base}/paper`, { ...content(), agentId: pendingAgentId });
    expect(pending.json().error).toMatchObject({ code: 'PAPER_AUTHOR_NOT_APPROVED', field: 'agentId' });
    const byAgent = await post(agent, `${base}/paper`, { ...content(), agentId: paperAgentId });
    expect(byAgent.statusCode).toBe(403);
    const prep = await createProcessFixture(t.db, { fiscalYear: 2031 });
    await insertAgent(t.db, { municipalityId: iloId, processId: prep.processId, zoneId: zones[1]!.id, userId: agent.userId });
    const early = await post(agent, `/api/municipalities/ilo/processes/${prep.processId}/proposals`, content(), 'en');
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'PROPOSALS_NOT_OPEN', message: 'Project proposals are submitted and edited during Concertation (current phase: Preparation).' });
    expect(await snapshot(t)).toEqual(before);
  });

  it('lets staff register a paper proposal on behalf of an approved agent, and correct it', async () => {
    const res = await post(facilitator, `${base}/paper`, { ...content({ title: 'Ampliación del colegio 43008', zoneId: zones[2]!.id }), agentId: paperAgentId, reason: 'formato entregado en mesa de partes' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ source: 'paper', author: { agent: { id: paperAgentId, fullName: 'Rosa Quispe Apaza' } } });
    const fixed = await put(admin, `${base}/${p.id}`, { ...content({ title: 'Ampliación del colegio 43008 Alto Ilo', zoneId: zones[2]!.id }), reason: 'error de tipeo' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const byOther = await put(agent, `${base}/${p.id}`, content());
    expect(byOther.json().error.code).toBe('PROPOSAL_NOT_AUTHOR');
  });

  it('keeps every version on edit, with attachments public once attached, and refuses others and late edits', async () => {
    const up = multipartBody([{ name: 'file', filename: 'plano.pdf', content: SAMPLES.pdf, contentType: 'application/pdf' }]);
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/files', payload: up.payload, headers: { ...as(agent), ...up.headers } });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const fileId = uploaded.json().id as string;
    expect((await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/files/${fileId}` })).statusCode).toBe(404);
    const created = (await post(agent, base, content({ title: 'Red de agua potable Miramar' }))).json();
    const edited = await put(agent, `${base}/${created.id}`, { ...content({ title: 'Red de agua potable y desagüe Miramar', costCents: 200_000_00 }), attachmentFileIds: [fileId], reason: 'agregamos el desagüe' });
    expect(edited.statusCode, edited.body).toBe(200);
    const e = edited.json();
    expect(e.currentVersion).toBe(2);
    expect(e.versions.map((v: { title: string }) => v.title)).toEqual(['Red de agua potable y desagüe Miramar', 'Red de agua potable Miramar']);
    expect(e.versions[0]).toMatchObject({ reason: 'agregamos el desagüe', costCents: 200_000_00, attachments: [{ id: fileId, filename: 'plano.pdf' }] });
    expect((await t.app.inject({ method: 'GET', url: e.current.attachments[0].url })).statusCode).toBe(200);

    const staffFile = multipartBody([{ name: 'file', filename: 'interno.pdf', content: SAMPLES.pdf, contentType: 'application/pdf' }]);
    const internal = (await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/files', payload: staffFile.payload, headers: { ...as(admin), ...staffFile.headers } })).json().id as string;
    const afterUpload = await snapshot(t);
    const notHis = await put(agent, `${base}/${created.id}`, { ...content(), attachmentFileIds: [internal] });
    expect(notHis.json().error).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'attachmentFileIds' });
    const other = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, userId: facilitator.userId });
    // The facilitator is now an approved agent of the process, and still not an author of this proposal.
    expect(await approvedAgentOfUser(t.db.db, iloId, processId, facilitator.userId)).toMatchObject({ id: other.id });
    const someoneElse = await put(facilitator, `${base}/${created.id}`, content(), 'en');
    expect(someoneElse.statusCode).toBe(403);
    expect(someoneElse.json().error).toMatchObject({ code: 'PROPOSAL_NOT_AUTHOR', message: `Only the authors of proposal no. ${created.number} may edit it.` });
    // The deadline passes: yesterday.
    const rules = (await t.db.db.selectFrom('processes').select('rules').where('id', '=', processId).executeTakeFirstOrThrow()).rules;
    const parsed = typeof rules === 'string' ? JSON.parse(rules) : rules;
    await t.db.db.updateTable('processes').set({ rules: JSON.stringify({ ...parsed, proposalDeadline: addDays(localDate(), -1) }) as never }).where('id', '=', processId).execute();
    const late = await put(agent, `${base}/${created.id}`, content(), 'en');
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'PROPOSAL_DEADLINE_PASSED', message: `The deadline to submit and edit proposals passed on ${sentenceDate(addDays(localDate(), -1), 'en')}.` });
    expect((await post(agent, base, content())).json().error.code).toBe('PROPOSAL_DEADLINE_PASSED');
    expect((await t.app.inject({ method: 'GET', url: `${base}/${created.id}`, headers: as(agent) })).json().editable).toBe(false);
    expect(await snapshot(t)).toEqual({ ...afterUpload });
    await t.db.db.updateTable('processes').set({ rules: JSON.stringify(parsed) as never }).where('id', '=', processId).execute();
  });

  it('lists proposals publicly, filtered by zone, axis and status and searched by words or number', async () => {
    const all = await t.app.inject({ method: 'GET', url: base });
    expect(all.statusCode).toBe(200);
    const list = all.json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect(list.open).toBe(true);
    expect(list.proposals.map((p: { number: number }) => p.number)).toEqual([...list.proposals.map((p: { number: number }) => p.number)].sort((a, b) => a - b));
    const byZone = (await t.app.inject({ method: 'GET', url: `${base}?zoneId=${zones[2]!.id}` })).json();
    expect(byZone.proposals.map((p: { current: { title: string } }) => p.current.title)).toEqual(['Ampliación del colegio 43008 Alto Ilo']);
    const search = (await t.app.inject({ method: 'GET', url: `${base}?q=${encodeURIComponent('AGUA potable')}` })).json();
    expect(search.proposals.map((p: { current: { title: string } }) => p.current.title)).toEqual(['Red de agua potable y desagüe Miramar']);
    expect((await t.app.inject({ method: 'GET', url: `${base}?q=2` })).json().proposals.map((p: { number: number }) => p.number)).toContain(2);
    expect((await t.app.inject({ method: 'GET', url: `${base}?q=43008` })).json().total).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: `${base}?axisId=${plan.axisId}&limit=2` })).json()).toMatchObject({ total: list.total, proposals: [{}, {}] });
    expect((await t.app.inject({ method: 'GET', url: `${base}?status=withdrawn` })).json().total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `${base}?q=${encodeURIComponent('100%_')}` })).json().total).toBe(0);
  });

  it('lets its authors withdraw a proposal with a reason; it stays public', async () => {
    const created = (await post(agent, base, content({ title: 'Contenedores de residuos sólidos' }))).json();
    const res = await post(agent, `${base}/${created.id}/withdraw`, { reason: 'se unió a la propuesta N.° 1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('withdrawn');
    expect((await t.app.inject({ method: 'GET', url: `${base}?status=withdrawn` })).json().total).toBe(1);
    expect((await put(agent, `${base}/${created.id}`, content())).json().error.code).toBe('PROPOSAL_WITHDRAWN');
  });

  it('tells the agent whether they may propose and lists their own and their organization\'s proposals', async () => {
    const mine = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}/my-proposals`, headers: as(agent) })).json();
    expect(mine.agent.fullName).toBe('Pedro Mamani Cutipa');
    expect(mine.organization.name).toBe('Comité Vecinal Sector 3');
    expect(mine.proposals.length).toBeGreaterThanOrEqual(3);
    const none = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}/my-proposals`, headers: as(admin) })).json();
    expect(none).toMatchObject({ agent: null, organization: null, proposals: [] });
  });

  it('hides another municipality\'s proposals and holds Concertation until the proposal deadline', async () => {
    const any = (await t.app.inject({ method: 'GET', url: base })).json().proposals[0].id as string;
    expect((await t.app.inject({ method: 'GET', url: `/api/municipalities/pacocha/processes/${processId}/proposals/${any}` })).statusCode).toBe(404);
    const check = await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}/phase`, headers: as(admin, 'en') });
    expect(check.statusCode).toBe(200);
    const deadline = check.json().failures.find((f: { code: string }) => f.code === 'PROPOSAL_DEADLINE_NOT_PASSED');
    expect(deadline.message).toMatch(/^the proposal deadline has not passed yet \(it is [A-Z][a-z]+ \d{1,2}, \d{4}\)$/);
    const move = await post(admin, `/api/municipalities/ilo/processes/${processId}/phase`, { to: 'coordination', reason: 'cronograma' });
    expect(move.statusCode).toBe(409);
    expect(JSON.stringify(move.json())).toContain('PROPOSAL_DEADLINE_NOT_PASSED');
  });
});
