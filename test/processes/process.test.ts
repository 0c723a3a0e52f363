import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { listStagesPast, createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { addDays, localDate, newId, now } from '../../src/shared/clock.ts';
import { iloDefaultRules } from '../../src/processes/process-rules.ts';
import { checkSettings, shiftDate } from '../../src/processes/process-settings.ts';

const calendar2027 = [
  { phase: 'preparation', startsOn: '2026-02-02', endsOn: '2026-03-13' },
  { phase: 'concertation', startsOn: '2026-03-16', endsOn: '2026-05-15' },
  { phase: 'coordination', startsOn: '2026-05-18', endsOn: '2026-06-05' },
  { phase: 'formalization', startsOn: '2026-06-08', endsOn: '2026-06-30' },
  { phase: 'execution', startsOn: '2027-01-01', endsOn: '2027-12-31' },
];

function newProcess(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Presupuesto Participativo 2027', fiscalYear: 2027, envelopeCents: 42_000_000, investmentBudgetCents: 280_000_000,
    calendar: calendar2027, rules: iloDefaultRules('2026-03-06'), ...overrides,
  };
}

async function countProcesses(t: TestApp) {
  return Number((await t.db.db.selectFrom('processes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describe.each(testDialects())('the yearly process on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
  });
  afterAll(async () => { await t.close(); });

  it('lets an administrator open a process with envelope, share, zone split, calendar and rules', async () => {
    const zones = await zoneIds(t.db);
    const res = await t.app.inject({
      method: 'POST', url: '/api/municipalities/ilo/processes', headers: as(admin),
      payload: newProcess({ zoneEnvelopes: [{ zoneId: zones[0]!.id, amountCents: 10_000_000 }, { zoneId: zones[1]!.id, amountCents: 12_000_000 }], reason: 'convocatoria 2027' }),
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ fiscalYear: 2027, phase: 'preparation', envelopeCents: 42_000_000, envelopeShare: 0.15 });
    expect(p.calendar.map((c: { phase: string }) => c.phase)).toEqual(['preparation', 'concertation', 'coordination', 'formalization', 'execution']);
    expect(p.zoneEnvelopes.map((z: { zoneName: string }) => z.zoneName)).toEqual(['Cercado de Ilo', 'Pampa Inalámbrica']);
    expect(p.rules.quotas.delegatesMinWomenShare).toBe(0.5);
    const bodies = await t.db.db.selectFrom('bodies').select(['kind', 'seats', 'min_women']).where('process_id', '=', p.id).orderBy('kind').execute();
    expect(bodies.map((b) => [b.kind, Number(b.seats), Number(b.min_women)])).toEqual([['delegates', 40, 20], ['directive_committee', 7, 3], ['oversight_committee', 6, 3]]);
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('entity_id', '=', p.id).orderBy('seq').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'process.create', actor_id: admin.userId, reason: 'convocatoria 2027' });
    const list = (await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo' })).json();
    expect(list.processes).toEqual([expect.objectContaining({ fiscalYear: 2027, phase: 'preparation' })]);
  });

  it.each([
    ['a second process for the same year', newProcess(), 409, 'PROCESS_YEAR_TAKEN', 'fiscalYear'],
    ['an envelope above the investment budget', newProcess({ fiscalYear: 2031, envelopeCents: 300_000_000 }), 400, 'ENVELOPE_OVER_INVESTMENT', 'envelopeCents'],
    ['phases out of order', newProcess({ fiscalYear: 2031, calendar: [calendar2027[1], calendar2027[0], ...calendar2027.slice(2)].map((c, i) => i === 0 ? { ...c, startsOn: '2026-03-01' } : c) }), 400, 'CALENDAR_ORDER', 'calendar.concertation'],
    ['a missing phase', newProcess({ fiscalYear: 2031, calendar: calendar2027.slice(0, 4) }), 400, 'VALIDATION', 'calendar'],
    ['a deadline outside Preparation', newProcess({ fiscalYear: 2031, rules: iloDefaultRules('2026-04-01') }), 400, 'VALIDATION', 'rules.registrationDeadline'],
    ['an unknown zone in the split', newProcess({ fiscalYear: 2031, zoneEnvelopes: [{ zoneId: 'nope', amountCents: 1 }] }), 400, 'UNKNOWN_REFERENCE', 'zoneEnvelopes'],
    ['a negative envelope', newProcess({ fiscalYear: 2031, envelopeCents: -5 }), 400, 'VALIDATION', 'envelopeCents'],
    ['an unknown ballot kind', newProcess({ fiscalYear: 2031, rules: { ...iloDefaultRules('2026-03-06'), ballotKind: 'lottery' } }), 400, 'VALIDATION', 'rules.ballotKind'],
  ])('refuses %s, writing nothing', async (_what, payload, status, code, field) => {
    const before = await countProcesses(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/processes', headers: as(admin), payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, field });
    expect(await countProcesses(t)).toBe(before);
  });

  it('keeps process management to the administrator of that municipality', async () => {
    for (const login of ['facilitador@ilo.gob.pe', 'agente@ilo.gob.pe', 'tecnico@ilo.gob.pe']) {
      const who = await signIn(t.app, login);
      const res = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/processes', headers: as(who), payload: newProcess({ fiscalYear: 2040 }) });
      expect(res.statusCode, login).toBe(403);
    }
    const other = await t.app.inject({ method: 'POST', url: '/api/municipalities/pacocha/processes', headers: as(admin), payload: newProcess({ fiscalYear: 2040 }) });
    expect(other.statusCode).toBe(403);
  });

  it("starts next year's process as a copy of this one, dates moved by a year", async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/processes' })).json().processes;
    const source = list.find((p: { fiscalYear: number }) => p.fiscalYear === 2027);
    const res = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${source.id}/copy`, headers: as(admin), payload: { fiscalYear: 2028 } });
    expect(res.statusCode).toBe(201);
    const copy = res.json();
    expect(copy).toMatchObject({ name: 'Presupuesto Participativo 2028', fiscalYear: 2028, envelopeCents: 42_000_000, copiedFromId: source.id, phase: 'preparation' });
    expect(copy.calendar[0]).toEqual({ phase: 'preparation', startsOn: '2027-02-02', endsOn: '2027-03-13' });
    expect(copy.rules.registrationDeadline).toBe('2027-03-06');
    expect(copy.zoneEnvelopes).toHaveLength(2);
  });

  it('changes settings in Preparation with a reason, and freezes them afterwards', async () => {
    const { processId } = await createProcessFixture(t.db, { fiscalYear: 2033 });
    const noReason = await t.app.inject({ method: 'PATCH', url: `/api/municipalities/ilo/processes/${processId}`, headers: as(admin, 'en'), payload: { envelopeCents: 50_000_000 } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/municipalities/ilo/processes/${processId}`, headers: as(admin), payload: { envelopeCents: 50_000_000, reason: 'ampliación aprobada por el concejo' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().envelopeCents).toBe(50_000_000);
    const { processId: later } = await createProcessFixture(t.db, { fiscalYear: 2034, phase: 'concertation' });
    const frozen = await t.app.inject({ method: 'PATCH', url: `/api/municipalities/ilo/processes/${later}`, headers: as(admin, 'en'), payload: { envelopeCents: 1, reason: 'a late change' } });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toBe('The process rules are frozen outside the Preparation phase (current phase: Concertation).');
  });
});

describe.each(testDialects())('moving phases on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let mId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    mId = await municipalityId(t.db);
  });
  afterAll(async () => { await t.close(); });

  async function addAgent(processId: string, status: 'pending' | 'approved', sex: 'female' | 'male', organizationId: string | null = null) {
    const zones = await zoneIds(t.db);
    const id = newId();
    await t.db.db.insertInto('agents').values({
      municipality_id: mId, id, process_id: processId, dni: String(10_000_000 + Math.floor(Math.random() * 89_999_999)), full_name: `Agente ${id.slice(0, 4)}`,
      sex, age_band: '30-44', zone_id: zones[0]!.id, phone: null, email: null, organization_id: organizationId, status, decision_reason: null,
      decided_at: null, decided_by: null, user_id: null, submitted_by: null, source: 'in_person', created_at: now(), updated_at: now(),
    }).execute();
    return id;
  }

  it('lists every failed precondition, in both languages, and moves nothing', async () => {
    const { processId } = await createProcessFixture(t.db, { fiscalYear: 2030, deadlineInDays: 3 });
    await addAgent(processId, 'pending', 'female');
    const check = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}/phase`, headers: as(admin) })).json();
    expect(check.ready).toBe(false);
    expect(check.failures.map((f: { code: string }) => f.code)).toEqual(['REGISTRATION_STILL_OPEN', 'REGISTRATIONS_PENDING', 'NO_APPROVED_AGENTS', 'DEFINITIVE_LIST_MISSING', 'NO_TRAINING_HELD']);
    const es = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${processId}/phase`, headers: as(admin), payload: { to: 'concertation', reason: 'cierre de la preparación' } });
    expect(es.statusCode).toBe(409);
    expect(es.json().error.message).toMatch(/^No se puede pasar a Concertación: la inscripción sigue abierta hasta el \d{1,2} de [a-záéíóú]+ de \d{4}; hay 1 inscripciones de agentes/);
    const en = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${processId}/phase`, headers: as(admin, 'en'), payload: { to: 'concertation', reason: 'closing preparation' } });
    expect(en.json().error.message).toMatch(/^Cannot move to Concertation: registration is open until/);
    const p = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}` })).json();
    expect(p.phase).toBe('preparation');
    expect(p.phaseMoves).toEqual([]);
  });

  it('refuses to skip a phase or go back', async () => {
    const { processId } = await createProcessFixture(t.db, { fiscalYear: 2031 });
    const skip = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${processId}/phase`, headers: as(admin), payload: { to: 'formalization', reason: 'apurar el proceso' } });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('PHASE_NOT_NEXT');
  });

  it('refuses when the accredited delegates miss the women quota', async () => {
    const { processId } = await createProcessFixture(t.db, { fiscalYear: 2032, deadlineInDays: -1, rules: { trainingRequiredToVote: false } });
    const zones = await zoneIds(t.db);
    const orgId = newId();
    await t.db.db.insertInto('organizations').values({
      municipality_id: mId, id: orgId, process_id: processId, name: 'Comité Vecinal Miramar', type: 'neighbourhood_committee', registry_number: '11002233',
      zone_id: zones[3]!.id, contact_phone: null, contact_email: null, status: 'approved', decision_reason: null, decided_at: now(), decided_by: admin.userId,
      submitted_by: null, source: 'in_person', created_at: now(), updated_at: now(),
    }).execute();
    await addAgent(processId, 'approved', 'male', orgId);
    await addAgent(processId, 'approved', 'male', orgId);
    await addAgent(processId, 'approved', 'female', orgId);
    const check = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}/phase`, headers: as(admin, 'en') })).json();
    expect(check.failures).toEqual([
      { code: 'DEFINITIVE_LIST_MISSING', params: {}, message: 'the definitive list of participating agents is not published', messages: { es: 'no se ha publicado la lista definitiva de agentes participantes', en: 'the definitive list of participating agents is not published' } },
      { code: 'QUOTA_NOT_MET', params: { body: 'delegates', women: 1, filled: 3, required: 2 }, message: 'the women quota in the accredited delegates is not met (1 of 3; 2 needed)', messages: { es: expect.any(String), en: 'the women quota in the accredited delegates is not met (1 of 3; 2 needed)' } },
    ]);
  });

  it('moves forward with a reason once everything holds, recorded in history and audit', async () => {
    const { processId } = await createProcessFixture(t.db, { fiscalYear: 2035, ...listStagesPast() });
    const agentId = await addAgent(processId, 'approved', 'female');
    // The lists: preliminary, no challenge in the window (already over), definitive.
    for (const stage of ['preliminary', 'definitive']) {
      const published = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${processId}/lists/${stage}`, headers: as(admin) });
      expect(published.statusCode).toBe(201);
    }
    const sessionId = newId();
    const yesterday = addDays(localDate(), -1);
    await t.db.db.insertInto('training_sessions').values({
      municipality_id: mId, id: sessionId, process_id: processId, topic: 'Ley 28056 y el ciclo del presupuesto participativo', place: 'Auditorio municipal',
      starts_at: `${yesterday}T14:00:00.000Z`, ends_at: `${yesterday}T17:00:00.000Z`, facilitator_id: null, facilitator_name: 'CEOP Ilo', zone_id: null, created_at: now(), created_by: admin.userId,
    }).execute();
    await t.db.db.insertInto('training_attendance').values({ municipality_id: mId, session_id: sessionId, agent_id: agentId, method: 'facilitator', recorded_at: now(), recorded_by: admin.userId }).execute();
    const check = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}/phase`, headers: as(admin) })).json();
    expect(check).toMatchObject({ from: 'preparation', to: 'concertation', ready: true, failures: [] });
    const facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    const denied = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${processId}/phase`, headers: as(facilitator), payload: { to: 'concertation', reason: 'inscripción cerrada' } });
    expect(denied.statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${processId}/phase`, headers: as(admin), payload: { to: 'concertation', reason: 'inscripción cerrada y capacitación realizada' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().phase).toBe('concertation');
    const p = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}` })).json();
    expect(p.phaseMoves).toEqual([expect.objectContaining({ seq: 1, from: 'preparation', to: 'concertation', movedByName: 'Rosa Quispe Mamani', reason: 'inscripción cerrada y capacitación realizada' })]);
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'process.phase_move').where('entity_id', '=', processId).orderBy('seq').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe('inscripción cerrada y capacitación realizada');
  });
});

describe('process settings rules', () => {
  const base = { name: 'x', envelopeCents: 100, investmentBudgetCents: 1000, calendar: calendar2027 as never, rules: iloDefaultRules('2026-03-06'), zoneEnvelopes: [] };
  it('accept consistent settings', () => expect(checkSettings(base)).toBeNull());
  it('refuse a zone split above the envelope', () => {
    expect(checkSettings({ ...base, zoneEnvelopes: [{ zoneId: 'a', amountCents: 60 }, { zoneId: 'b', amountCents: 41 }] })?.code).toBe('ZONE_SPLIT_OVER_ENVELOPE');
  });
  it('shift dates by years, 29 February included', () => {
    expect(shiftDate('2028-02-29', 1)).toBe('2029-02-28');
    expect(shiftDate('2026-03-06', 1)).toBe('2027-03-06');
  });
});
