import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, rowCounts, zoneIds } from '../support/fixtures.ts';
import { newId, now } from '../../src/shared/clock.ts';
import { inMinutes, insertAgent, insertOrganization } from '../training/registrations.ts';
import { countWorkshopAttendees, workshopVotesByProposal } from '../../src/workshops/workshops.queries.ts';

const TABLES = ['workshops', 'workshop_attendance', 'workshop_minutes', 'workshop_agreements', 'workshop_minutes_signers', 'workshop_votes'] as const;

describe.each(testDialects())('workshops on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let facilitator: Agent;
  let agent: Agent;
  let iloId: string;
  let processId: string;
  let base: string;
  let zones: { id: string; code: string; name: string }[];
  let axisId: string;
  let objectiveId: string;
  type Person = { id: string; dni: string; fullName: string };
  let ana: Person; let juan: Person; let pedro: Person; let pending: Person; let otherZone: Person;

  /** Rows of the workshops tables and the municipalities' audit entries: what "nothing written" means. */
  const snapshot = () => rowCounts(t.db, TABLES);

  const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', who: Agent | null, url: string, payload?: unknown, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method, url, headers: who ? as(who, lang) : { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });

  const workshop = (over: Record<string, unknown> = {}) => ({
    title: 'Taller de priorización del Cercado',
    agenda: '1. Registro de asistencia\n2. Propuestas de la zona\n3. Votación\n4. Acta',
    place: 'Auditorio municipal',
    startsAt: inMinutes(-60),
    endsAt: inMinutes(60),
    zoneId: zones[0]!.id,
    ...over,
  });

  async function newWorkshop(over: Record<string, unknown> = {}, pid = processId): Promise<string> {
    const res = await send('POST', facilitator, `/api/municipalities/ilo/processes/${pid}/workshops`, workshop(over));
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id;
  }

  async function proposal(pid: string, title: string, status: 'submitted' | 'withdrawn' = 'submitted'): Promise<string> {
    const id = newId();
    const number = Number((await t.db.db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).where('process_id', '=', pid).executeTakeFirstOrThrow()).n) + 1;
    await t.db.db.insertInto('proposals').values({
      municipality_id: iloId, id, process_id: pid, number, status, author_agent_id: ana.id, author_organization_id: null, source: 'paper',
      current_version: 1, submitted_at: now(), submitted_by: facilitator.userId, updated_at: now(),
    }).execute();
    await t.db.db.insertInto('proposal_versions').values({
      municipality_id: iloId, proposal_id: id, version: 1, title, description: 'Obra del sector', zone_id: zones[0]!.id, axis_id: axisId,
      objective_id: objectiveId, problem: 'No hay', beneficiaries_count: 100, beneficiary_groups: 'vecinos', cost_cents: 50_000_00, location: 'Ilo',
      created_at: now(), created_by: facilitator.userId, reason: null,
    }).execute();
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    agent = await signIn(t.app, 'agente@ilo.gob.pe');
    iloId = await municipalityId(t.db);
    zones = await zoneIds(t.db);
    ({ processId } = await createProcessFixture(t.db, { phase: 'concertation' }));
    base = `/api/municipalities/ilo/processes/${processId}/workshops`;
    axisId = newId();
    objectiveId = newId();
    await t.db.db.insertInto('thematic_axes').values({ municipality_id: iloId, id: axisId, code: 'EJ3', name: 'Desarrollo económico', description: '', created_at: now() }).execute();
    await t.db.db.insertInto('plan_objectives').values({ municipality_id: iloId, id: objectiveId, axis_id: axisId, code: 'OE3.1', title: 'Pesca artesanal', description: '', created_at: now() }).execute();
    const mk = (over: Partial<Parameters<typeof insertAgent>[1]>) => insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, ...over });
    ana = await mk({ fullName: 'Ana Torres Quispe', dni: '41000001' });
    juan = await mk({ fullName: 'Juan Pari Mamani', sex: 'male', dni: '41000002' });
    pedro = await mk({ fullName: 'Pedro Mamani Cutipa', dni: '40567890', sex: 'male', userId: agent.userId });
    pending = await mk({ fullName: 'Elena Pendiente', status: 'pending' });
    otherZone = await mk({ fullName: 'Rosa Ccama del Valle', zoneId: zones[6]!.id });
  });
  afterAll(async () => { await t.close(); });

  it('lets a facilitator schedule a workshop of a zone, public at once, audited', async () => {
    const res = await send('POST', facilitator, base, workshop({ reason: 'cronograma de talleres' }));
    expect(res.statusCode, res.body).toBe(201);
    const w = res.json();
    expect(w).toMatchObject({ title: 'Taller de priorización del Cercado', zone: { id: zones[0]!.id, name: 'Cercado de Ilo' }, axis: null, status: 'in_progress', attendanceCount: 0, minutesVersion: null });
    const list = await t.app.inject({ method: 'GET', url: base });
    expect(list.statusCode).toBe(200);
    expect(list.json().open).toBe(true);
    expect(list.json().workshops.map((x: { id: string }) => x.id)).toContain(w.id);
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('entity_id', '=', w.id).orderBy('seq').execute();
    expect(audit.map((a) => [a.action, a.actor_id, a.reason])).toEqual([['workshop.create', facilitator.userId, 'cronograma de talleres']]);
  });

  it('takes a thematic workshop (an axis, no zone), and a workshop of both', async () => {
    const thematic = await send('POST', admin, base, workshop({ zoneId: null, axisId, title: 'Taller temático de pesca artesanal' }));
    expect(thematic.statusCode, thematic.body).toBe(201);
    expect(thematic.json()).toMatchObject({ zone: null, axis: { id: axisId, name: 'Desarrollo económico' } });
    const both = await send('POST', admin, base, workshop({ axisId }));
    expect(both.json()).toMatchObject({ zone: { id: zones[0]!.id }, axis: { id: axisId } });
  });

  it('lets only administrators and facilitators manage workshops: an agent and an anonymous visitor are refused, nothing written', async () => {
    const before = await snapshot();
    expect((await send('POST', agent, base, workshop())).statusCode).toBe(403);
    expect((await send('POST', null, base, workshop())).statusCode).toBe(401);
    const id = await newWorkshop();
    const mid = await snapshot();
    expect((await send('PATCH', agent, `${base}/${id}`, { title: 'Otro título' })).statusCode).toBe(403);
    expect((await send('POST', agent, `${base}/${id}/attendance`, { agentIds: [ana.id] })).statusCode).toBe(403);
    expect((await send('POST', agent, `${base}/${id}/minutes`, { summary: 'Resumen del taller', agreements: [], signerAgentIds: [pedro.id] })).statusCode).toBe(403);
    expect((await send('PUT', agent, `${base}/${id}/votes`, { votes: [{ proposalId: 'x', votes: 1 }] })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${base}/${id}/sheet`, headers: as(agent) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${base}/${id}/attendance`, headers: as(agent) })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(mid);
    expect(mid.workshops).toBe(before.workshops! + 1);
  });

  it('refuses bad workshops with a coded error naming the field, nothing written', async () => {
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ zoneId: 'no-such-zone' }, 'UNKNOWN_REFERENCE', 'zoneId'],
      [{ zoneId: null, axisId: 'no-such-axis' }, 'UNKNOWN_REFERENCE', 'axisId'],
      [{ zoneId: null }, 'WORKSHOP_NEEDS_ZONE_OR_AXIS', 'zoneId'],
      [{ startsAt: inMinutes(60), endsAt: inMinutes(0) }, 'WORKSHOP_ENDS_BEFORE_START', 'endsAt'],
      [{ title: 'x' }, 'VALIDATION', 'title'],
    ];
    for (const [over, code, field] of cases) {
      const res = await send('POST', facilitator, base, workshop(over), 'en');
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error, JSON.stringify(over)).toMatchObject({ code, field });
    }
    const end = await send('POST', facilitator, base, workshop({ startsAt: inMinutes(60), endsAt: inMinutes(0) }), 'en');
    expect(end.json().error.message).toMatch(/^The workshop must end after it starts/);
    const id = await newWorkshop();
    const mid = await snapshot();
    const bad = await send('PATCH', facilitator, `${base}/${id}`, { endsAt: inMinutes(-120) });
    expect(bad.json().error.code).toBe('WORKSHOP_ENDS_BEFORE_START');
    expect(await snapshot()).toEqual(mid);
    expect(mid.workshops).toBe(before.workshops! + 1);
  });

  it('changes a workshop with its reason in the audit log', async () => {
    const id = await newWorkshop();
    const res = await send('PATCH', facilitator, `${base}/${id}`, { place: 'Local comunal del sector 3', reason: 'el auditorio está en obras' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().place).toBe('Local comunal del sector 3');
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'reason']).where('entity_id', '=', id).where('action', '=', 'workshop.update').orderBy('seq').execute();
    expect(audit).toEqual([{ action: 'workshop.update', reason: 'el auditorio está en obras' }]);
  });

  it('refuses every write outside Concertation, nothing written', async () => {
    const prep = await createProcessFixture(t.db, { fiscalYear: 2030, phase: 'preparation' });
    const url = `/api/municipalities/ilo/processes/${prep.processId}/workshops`;
    const before = await snapshot();
    const res = await send('POST', facilitator, url, workshop(), 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'WORKSHOPS_NOT_OPEN' });
    expect(res.json().error.message).toContain('Concertation');
    // A workshop scheduled in Concertation is frozen once the process has moved on.
    const id = await newWorkshop();
    await send('POST', facilitator, `${base}/${id}/attendance`, { agentIds: [ana.id] });
    const after = await snapshot();
    await t.db.db.updateTable('processes').set({ phase: 'coordination' }).where('id', '=', processId).execute();
    try {
      for (const [method, path, payload] of [
        ['PATCH', '', { title: 'Título corregido' }],
        ['POST', '/attendance', { agentIds: [juan.id] }],
        ['DELETE', `/attendance/${ana.id}`, undefined],
        ['POST', '/check-in', { dni: juan.dni }],
        ['POST', '/minutes', { summary: 'Resumen del taller', agreements: [], signerAgentIds: [ana.id] }],
        ['PUT', '/votes', { votes: [{ proposalId: 'x', votes: 1 }] }],
      ] as const) {
        const r = await send(method, facilitator, `${base}/${id}${path}`, payload);
        expect(r.json().error?.code, `${method} ${path}`).toBe('WORKSHOPS_NOT_OPEN');
      }
    } finally {
      await t.db.db.updateTable('processes').set({ phase: 'concertation' }).where('id', '=', processId).execute();
    }
    expect(await snapshot()).toEqual(after);
    expect(after.workshops).toBe(before.workshops! + 1);
  });

  it("takes attendance with training's rules: approved agents of the process only, by checklist or DNI, one delegate per organization", async () => {
    const id = await newWorkshop();
    const url = `${base}/${id}/attendance`;
    const before = await snapshot();
    const refused = await send('POST', facilitator, url, { agentIds: [ana.id, pending.id] });
    expect(refused.json().error).toMatchObject({ code: 'NOT_AN_APPROVED_AGENT', field: 'agentIds' });
    expect(await snapshot()).toEqual(before);
    const ok = await send('POST', facilitator, url, { agentIds: [ana.id, juan.id] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ added: [ana.id, juan.id], attendanceCount: 2 });
    // The agent checks in with their own DNI; not someone else's.
    expect((await send('POST', agent, `${base}/${id}/check-in`, { dni: ana.dni })).json().error.code).toBe('CHECK_IN_OWN_DNI_ONLY');
    const self = await send('POST', agent, `${base}/${id}/check-in`, { dni: pedro.dni });
    expect(self.json()).toMatchObject({ agent: { id: pedro.id }, recorded: true, attendanceCount: 3 });
    const orgId = await insertOrganization(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id });
    const titular = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, fullName: 'Carmen Titular', organizationId: orgId, delegateRole: 'titular' });
    const substitute = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, fullName: 'Mario Suplente', organizationId: orgId, delegateRole: 'substitute' });
    expect((await send('POST', facilitator, url, { agentIds: [titular.id] })).statusCode).toBe(200);
    const both = await send('POST', facilitator, `${base}/${id}/check-in`, { dni: substitute.dni });
    expect(both.json().error).toMatchObject({ code: 'DELEGATE_COUNTERPART_ATTENDED', field: 'dni' });
    const list = await t.app.inject({ method: 'GET', url, headers: as(facilitator) });
    expect(list.json().attendees.map((a: { fullName: string }) => a.fullName).sort()).toEqual(['Ana Torres Quispe', 'Carmen Titular', 'Juan Pari Mamani', 'Pedro Mamani Cutipa']);
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['workshop.attendance.record', 'workshop.attendance.check_in']));
    // Workshop attendance counts as participation.
    expect(await countWorkshopAttendees(t.db.db, iloId, processId)).toBeGreaterThanOrEqual(4);
  });

  it('signs minutes by attendees only, shows them publicly with names but no DNI, and keeps every corrected version', async () => {
    const id = await newWorkshop();
    await send('POST', facilitator, `${base}/${id}/attendance`, { agentIds: [ana.id, juan.id] });
    const minutes = { summary: 'Se presentaron las propuestas del Cercado y se votó.', agreements: ['Priorizar el malecón.', 'Pedir el expediente del mercado.'], signerAgentIds: [ana.id, juan.id] };
    const before = await snapshot();
    const absent = await send('POST', facilitator, `${base}/${id}/minutes`, { ...minutes, signerAgentIds: [ana.id, otherZone.id] }, 'en');
    expect(absent.statusCode).toBe(409);
    expect(absent.json().error).toMatchObject({ code: 'WORKSHOP_SIGNER_ABSENT', field: 'signerAgentIds' });
    expect(absent.json().error.message).toContain('Rosa Ccama del Valle');
    expect((await send('POST', facilitator, `${base}/${id}/minutes`, { ...minutes, signerAgentIds: [] })).json().error).toMatchObject({ code: 'VALIDATION', field: 'signerAgentIds' });
    expect(await snapshot()).toEqual(before);

    const signed = await send('POST', facilitator, `${base}/${id}/minutes`, minutes);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().minutes).toHaveLength(1);
    // Signed minutes are read-only: a correction is a new version, which needs its reason.
    const mid = await snapshot();
    const noReason = await send('POST', facilitator, `${base}/${id}/minutes`, { ...minutes, summary: 'Resumen corregido del taller.' });
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(await snapshot()).toEqual(mid);
    const corrected = await send('POST', facilitator, `${base}/${id}/minutes`, { ...minutes, agreements: ['Priorizar el malecón costero.'], signerAgentIds: [ana.id], reason: 'se omitió la palabra costero' });
    expect(corrected.statusCode, corrected.body).toBe(201);

    const pub = await t.app.inject({ method: 'GET', url: `${base}/${id}` });
    expect(pub.statusCode).toBe(200);
    const body = pub.json();
    expect(body.workshop.minutesVersion).toBe(2);
    expect(body.minutes.map((m: { version: number }) => m.version)).toEqual([2, 1]);
    expect(body.minutes[0]).toMatchObject({ agreements: ['Priorizar el malecón costero.'], signers: [{ fullName: 'Ana Torres Quispe' }], reason: 'se omitió la palabra costero', signedByName: expect.any(String) });
    expect(body.minutes[1].agreements).toEqual(minutes.agreements);
    expect(body.minutes[1].signers.map((s: { fullName: string }) => s.fullName)).toEqual(['Ana Torres Quispe', 'Juan Pari Mamani']);
    expect(pub.body).not.toContain(ana.dni);
    expect(pub.body).not.toContain(juan.dni);
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'reason']).where('entity_id', '=', id).where('action', 'like', 'workshop.minutes.%').orderBy('seq').execute();
    expect(audit).toEqual([{ action: 'workshop.minutes.sign', reason: null }, { action: 'workshop.minutes.correct', reason: 'se omitió la palabra costero' }]);
    // A signer's attendance stays.
    const remove = await send('DELETE', facilitator, `${base}/${id}/attendance/${ana.id}`);
    expect(remove.json().error).toMatchObject({ code: 'WORKSHOP_SIGNER_ATTENDANCE' });
  });

  it("records the room's votes per proposal, replaces a count only with a reason, and sums them over the process's workshops", async () => {
    const first = await newWorkshop();
    const second = await newWorkshop({ title: 'Segundo taller del Cercado' });
    const p1 = await proposal(processId, 'Malecón costero');
    const p2 = await proposal(processId, 'Mercado central');
    const withdrawn = await proposal(processId, 'Propuesta retirada', 'withdrawn');
    const other = await createProcessFixture(t.db, { fiscalYear: 2031, phase: 'concertation' });
    const foreign = await proposal(other.processId, 'De otro proceso');
    const before = await snapshot();
    for (const [votes, code, field] of [
      [[{ proposalId: p1, votes: -3 }], 'VALIDATION', 'votes.0.votes'],
      [[{ proposalId: p1, votes: 4 }, { proposalId: withdrawn, votes: 2 }], 'WORKSHOP_VOTE_PROPOSAL', 'votes'],
      [[{ proposalId: foreign, votes: 2 }], 'WORKSHOP_VOTE_PROPOSAL', 'votes'],
      [[{ proposalId: 'nope', votes: 2 }], 'WORKSHOP_VOTE_PROPOSAL', 'votes'],
      [[{ proposalId: p1, votes: 2 }, { proposalId: p1, votes: 3 }], 'VALIDATION', 'votes'],
    ] as const) {
      const res = await send('PUT', facilitator, `${base}/${first}/votes`, { votes });
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.json().error, JSON.stringify(votes)).toMatchObject({ code });
      expect(res.json().error.field).toContain(field.split('.')[0]);
    }
    expect(await snapshot()).toEqual(before);

    const ok = await send('PUT', facilitator, `${base}/${first}/votes`, { votes: [{ proposalId: p1, votes: 12 }, { proposalId: p2, votes: 5 }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().votes.map((v: { title: string; votes: number }) => [v.title, v.votes])).toEqual([['Malecón costero', 12], ['Mercado central', 5]]);
    await send('PUT', facilitator, `${base}/${second}/votes`, { votes: [{ proposalId: p1, votes: 7 }] });
    expect(await workshopVotesByProposal(t.db.db, iloId, processId)).toEqual(new Map([[p1, 19], [p2, 5]]));

    const mid = await snapshot();
    const noReason = await send('PUT', facilitator, `${base}/${first}/votes`, { votes: [{ proposalId: p1, votes: 10 }] });
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(await snapshot()).toEqual(mid);
    const fixed = await send('PUT', facilitator, `${base}/${first}/votes`, { votes: [{ proposalId: p1, votes: 10 }], reason: 'recuento de las cédulas del taller' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(await workshopVotesByProposal(t.db.db, iloId, processId)).toEqual(new Map([[p1, 17], [p2, 5]]));
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'reason', 'data']).where('entity_id', '=', first).where('action', '=', 'workshop.votes.correct').orderBy('seq').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe('recuento de las cédulas del taller');
    expect(JSON.parse(audit[0]!.data as string).votes).toEqual([{ proposalId: p1, votes: 10, before: 12 }]);
    const pub = await t.app.inject({ method: 'GET', url: `${base}/${first}` });
    expect(pub.json().votes.map((v: { votes: number }) => v.votes)).toEqual([10, 5]);
    expect(await workshopVotesByProposal(t.db.db, iloId, other.processId)).toEqual(new Map());
  });

  it("gives staff the printable sheet: the zone's approved agents, or everyone's for a thematic workshop", async () => {
    const zoned = await newWorkshop();
    const sheet = await t.app.inject({ method: 'GET', url: `${base}/${zoned}/sheet`, headers: as(facilitator) });
    expect(sheet.statusCode, sheet.body).toBe(200);
    const names = sheet.json().agents.map((a: { fullName: string }) => a.fullName);
    expect(names).toContain('Ana Torres Quispe');
    expect(names).not.toContain('Rosa Ccama del Valle');
    expect(names).not.toContain('Elena Pendiente');
    expect(sheet.json()).toMatchObject({ municipalityName: expect.any(String), workshop: { id: zoned, place: 'Auditorio municipal' } });
    const thematic = await newWorkshop({ zoneId: null, axisId });
    const all = await t.app.inject({ method: 'GET', url: `${base}/${thematic}/sheet`, headers: as(admin) });
    expect(all.json().agents.map((a: { fullName: string }) => a.fullName)).toContain('Rosa Ccama del Valle');
    // And as PDF, one page per few dozen agents, for staff only.
    const pdf = await t.app.inject({ method: 'GET', url: `${base}/${zoned}/sheet.pdf`, headers: as(facilitator) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf.rawPayload);
    expect(doc.getTitle()).toBe('Hoja de asistencia: Taller de priorización del Cercado');
    expect(doc.getPageCount()).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: `${base}/${zoned}/sheet.pdf`, headers: as(agent) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${base}/${zoned}/sheet.pdf` })).statusCode).toBe(401);
  });

  it('keeps the process in Concertation while a workshop already held has no signed minutes', async () => {
    const p = await createProcessFixture(t.db, { fiscalYear: 2032, phase: 'concertation' });
    const url = `/api/municipalities/ilo/processes/${p.processId}/workshops`;
    const create = await send('POST', facilitator, url, workshop({ title: 'Taller sin acta', startsAt: inMinutes(-240), endsAt: inMinutes(-180) }));
    expect(create.statusCode, create.body).toBe(201);
    // One still in progress is not due yet.
    await send('POST', facilitator, url, workshop({ title: 'Taller en curso' }));
    const move = () => send('POST', admin, `/api/municipalities/ilo/processes/${p.processId}/phase`, { to: 'coordination', reason: 'cronograma cumplido' }, 'en');
    const refused = await move();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('1 workshop(s) already held without signed minutes: «Taller sin acta»');
    const agentId = (await insertAgent(t.db, { municipalityId: iloId, processId: p.processId, zoneId: zones[0]!.id, fullName: 'Lucía Firmante' })).id;
    const w = create.json().id;
    await send('POST', facilitator, `${url}/${w}/attendance`, { agentIds: [agentId] });
    expect((await send('POST', facilitator, `${url}/${w}/minutes`, { summary: 'Acta del taller ya realizado.', agreements: ['Priorizar el malecón.'], signerAgentIds: [agentId] })).statusCode).toBe(201);
    const again = await move();
    expect(again.json().error?.message ?? '').not.toContain('without signed minutes');
  });
});
