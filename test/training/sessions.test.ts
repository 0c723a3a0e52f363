import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { addDays, localDate, newId, now } from '../../src/shared/clock.ts';
import { localTime } from '../../src/training/training.ts';
import { SAMPLES, multipartBody } from '../files/multipart.ts';
import { accountWithRole, inMinutes, insertAgent, insertZone } from './registrations.ts';

async function count(t: TestApp, table: 'training_sessions' | 'training_materials' | 'notifications'): Promise<number> {
  const r = await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Audit entries of the municipalities (sign-ins go to the platform scope). */
async function countAudit(t: TestApp): Promise<number> {
  const r = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('scope', '!=', 'platform').executeTakeFirstOrThrow();
  return Number(r.n);
}

async function snapshot(t: TestApp) {
  return {
    sessions: await count(t, 'training_sessions'), materials: await count(t, 'training_materials'),
    notifications: await count(t, 'notifications'), audit: await countAudit(t),
  };
}

describe.each(testDialects())('training sessions on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let facilitator: Agent;
  let iloId: string;
  let processId: string;
  let base: string;
  let zones: { id: string; code: string; name: string }[];
  let pacochaZone: string;
  let pacochaFacilitatorId: string;
  let pacochaFileId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    iloId = await municipalityId(t.db);
    zones = await zoneIds(t.db);
    ({ processId } = await createProcessFixture(t.db, { rules: { minTrainingSessions: 2 } }));
    base = `/api/municipalities/ilo/processes/${processId}/trainings`;
    const z1 = zones[0]!.id;
    const z2 = zones[1]!.id;
    // Approved agents: two with a contact in Z01 and Z02, one without any; then some who must never be invited.
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: z1, fullName: 'Ana Torres', email: 'ana@example.pe' });
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: z2, fullName: 'Juan Pari', phone: '987654321', source: 'in_person' });
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: z1, fullName: 'Sin Contacto' });
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: z1, fullName: 'En Espera', email: 'espera@example.pe', status: 'pending' });
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: z1, fullName: 'Rechazada', email: 'rechazada@example.pe', status: 'rejected' });
    const other = await createProcessFixture(t.db, { fiscalYear: 2026 });
    await insertAgent(t.db, { municipalityId: iloId, processId: other.processId, zoneId: z1, fullName: 'Otro Proceso', email: 'otro@example.pe' });

    const pacochaId = await municipalityId(t.db, 'pacocha');
    pacochaZone = await insertZone(t.db, pacochaId, 'P01', 'Pacocha Centro');
    pacochaFacilitatorId = await accountWithRole(t.app, t.db, { name: 'Facilitador Pacocha', email: 'facilitador@pacocha.gob.pe', role: 'facilitator', municipalityId: pacochaId });
    pacochaFileId = newId();
    await t.db.db.insertInto('files').values({
      municipality_id: pacochaId, id: pacochaFileId, filename: 'pacocha.pdf', content_type: 'application/pdf', size_bytes: SAMPLES.pdf.length,
      sha256: '0'.repeat(64), content: SAMPLES.pdf, uploaded_at: now(), uploaded_by: admin.userId,
    }).execute();
  });
  afterAll(async () => { await t.close(); });

  const session = (over: Record<string, unknown> = {}) => ({
    topic: 'Presupuesto participativo: reglas y fases', place: 'Auditorio municipal, Jr. Zepita 412',
    startsAt: inMinutes(3 * 24 * 60), endsAt: inMinutes(3 * 24 * 60 + 120), facilitatorUserId: facilitator.userId, allowDuplicate: true, ...over,
  });

  it('schedules a session, queues a Spanish invitation to every approved agent with a contact, and audits it', async () => {
    const res = await t.app.inject({ method: 'POST', url: base, headers: as(facilitator), payload: session({ reason: 'calendario de capacitación' }) });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.notificationsQueued).toBe(2);
    const s = body.session;
    expect(s).toMatchObject({
      processId, topic: 'Presupuesto participativo: reglas y fases', facilitator: { userId: facilitator.userId, name: 'Lucía Condori Apaza' },
      zone: null, materials: [], attendanceCount: 0, status: 'upcoming', checkInOpen: false,
      localDate: localDate(s.startsAt), localStartTime: localTime(s.startsAt),
    });

    const sent = await t.db.db.selectFrom('notifications').selectAll().where('related_id', '=', s.id).orderBy('recipient').execute();
    expect(sent.map((n) => [n.channel, n.recipient, n.topic])).toEqual([
      ['sms', '987654321', 'training.scheduled'],
      ['email', 'ana@example.pe', 'training.scheduled'],
    ].sort((a, b) => a[1]!.localeCompare(b[1]!)));
    expect(sent[0]!.subject).toBe('Capacitación del Presupuesto Participativo: Presupuesto participativo: reglas y fases');
    expect(sent.every((n) => n.body.includes('Municipalidad Provincial de Ilo') && n.body.includes('Lugar: Auditorio municipal'))).toBe(true);

    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'training.create').where('entity_id', '=', s.id).orderBy('seq').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ scope: iloId, actor_id: facilitator.userId, entity_type: 'training_session', reason: 'calendario de capacitación' });
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ processId, notificationsQueued: 2, facilitatorName: 'Lucía Condori Apaza' });

    const list = await t.app.inject({ method: 'GET', url: base });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ process: { id: processId, fiscalYear: 2027, phase: 'preparation' }, rules: { minTrainingSessions: 2, trainingRequiredToVote: true } });
    expect(list.json().sessions.map((x: { id: string }) => x.id)).toContain(s.id);
    const one = await t.app.inject({ method: 'GET', url: `${base}/${s.id}` });
    expect(one.json()).toEqual(s);
  });

  it('previews a session before scheduling it: the invitations it would send, and sessions it seems to repeat, writing nothing', async () => {
    const when = { startsAt: inMinutes(9 * 24 * 60), endsAt: inMinutes(9 * 24 * 60 + 120) };
    const first = { topic: 'Priorización de proyectos', place: 'Casa de la Cultura', ...when, facilitatorUserId: facilitator.userId };
    const before = await t.db.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const preview = await t.app.inject({ method: 'POST', url: `${base}/preview`, headers: as(admin), payload: first });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ invitations: 2, alreadyOver: false, duplicates: [] });
    expect((await t.app.inject({ method: 'GET', url: base })).json().sessions.some((x: { topic: string }) => x.topic === first.topic)).toBe(false);
    const after = await t.db.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const created = await t.app.inject({ method: 'POST', url: base, headers: as(admin), payload: first });
    expect(created.json().notificationsQueued).toBe(2);

    // The same session typed again (accents and case aside), or another one in the same room at the same time: a warning.
    const again = { ...first, topic: 'PRIORIZACION de proyectos ' };
    const warned = (await t.app.inject({ method: 'POST', url: `${base}/preview`, headers: as(admin), payload: again })).json();
    expect(warned.duplicates).toEqual([expect.objectContaining({ id: created.json().session.id, topic: 'Priorización de proyectos' })]);
    const sameRoom = { ...first, topic: 'Otro tema', startsAt: inMinutes(9 * 24 * 60 + 60), endsAt: inMinutes(9 * 24 * 60 + 180) };
    expect((await t.app.inject({ method: 'POST', url: `${base}/preview`, headers: as(admin), payload: sameRoom })).json().duplicates).toHaveLength(1);
    const later = { ...first, topic: 'Otro tema', startsAt: inMinutes(9 * 24 * 60 + 150), endsAt: inMinutes(9 * 24 * 60 + 240) };
    expect((await t.app.inject({ method: 'POST', url: `${base}/preview`, headers: as(admin), payload: later })).json().duplicates).toEqual([]);

    const refused = await t.app.inject({ method: 'POST', url: base, headers: as(admin, 'en'), payload: again });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'TRAINING_DUPLICATE', field: 'startsAt' });
    expect(refused.json().error.message).toMatch(/^There is already a similar session that day: “Priorización de proyectos” at Casa de la Cultura/);
    const sessions = (await t.app.inject({ method: 'GET', url: base })).json().sessions.filter((x: { topic: string }) => /prioriz/i.test(x.topic));
    expect(sessions).toHaveLength(1);
    const confirmed = await t.app.inject({ method: 'POST', url: base, headers: as(admin), payload: { ...again, allowDuplicate: true } });
    expect(confirmed.statusCode).toBe(201);
    const audit = await t.db.db.selectFrom('audit_log').select('data').where('entity_id', '=', confirmed.json().session.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ duplicateOf: [created.json().session.id] });

    // A session already over: recorded as held, nobody invited; the preview says so. Dates outside the cycle are refused.
    const past = await t.app.inject({ method: 'POST', url: `${base}/preview`, headers: as(admin), payload: { ...first, topic: 'Sesión de ayer', startsAt: inMinutes(-26 * 60), endsAt: inMinutes(-25 * 60) } });
    expect(past.json()).toMatchObject({ invitations: 0, alreadyOver: true });
    const far = await t.app.inject({ method: 'POST', url: `${base}/preview`, headers: as(admin), payload: { ...first, startsAt: '2030-03-10T18:00:00-05:00', endsAt: '2030-03-10T20:00:00-05:00' } });
    expect(far.statusCode).toBe(400);
    expect(far.json().error).toMatchObject({ code: 'VALIDATION', field: 'startsAt' });
    const citizenAgent = await signIn(t.app, 'agente@ilo.gob.pe');
    expect((await t.app.inject({ method: 'POST', url: `${base}/preview`, headers: as(citizenAgent), payload: first })).statusCode).toBe(403);
  });

  it('invites only the agents of the zone for a zone session, with a volunteer facilitator', async () => {
    const res = await t.app.inject({ method: 'POST', url: base, headers: as(admin), payload: session({ facilitatorUserId: undefined, facilitatorName: 'Carmen Ríos (ONG Labor)', zoneId: zones[0]!.id }) });
    expect(res.statusCode).toBe(201);
    expect(res.json().notificationsQueued).toBe(1);
    expect(res.json().session).toMatchObject({ facilitator: { userId: null, name: 'Carmen Ríos (ONG Labor)' }, zone: { id: zones[0]!.id, name: 'Cercado de Ilo' } });
    const sent = await t.db.db.selectFrom('notifications').select('recipient').where('related_id', '=', res.json().session.id).execute();
    expect(sent.map((n) => n.recipient)).toEqual(['ana@example.pe']);
  });

  it('queues nothing for a session typed in after it took place', async () => {
    const res = await t.app.inject({ method: 'POST', url: base, headers: as(admin), payload: session({ startsAt: inMinutes(-5 * 24 * 60), endsAt: inMinutes(-5 * 24 * 60 + 90) }) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ notificationsQueued: 0, session: { status: 'ended' } });
  });

  it('accepts local times with their offset and stores the instant in UTC', async () => {
    // A day within the process's cycle (sessions outside it are refused).
    const day = addDays(localDate(), 10);
    const next = addDays(day, 1);
    const res = await t.app.inject({ method: 'POST', url: base, headers: as(admin), payload: session({ startsAt: `${day}T18:00:00-05:00`, endsAt: `${day}T20:30:00-05:00` }) });
    expect(res.statusCode).toBe(201);
    expect(res.json().session).toMatchObject({ startsAt: `${day}T23:00:00.000Z`, endsAt: `${next}T01:30:00.000Z`, localDate: day, localStartTime: '18:00', localEndTime: '20:30' });
  });

  it.each([
    ['an end before the start', () => session({ startsAt: inMinutes(600), endsAt: inMinutes(500) }), 400, 'TRAINING_ENDS_BEFORE_START', 'endsAt', /terminar después de empezar/],
    ['an end equal to the start', () => { const at = inMinutes(600); return session({ startsAt: at, endsAt: at }); }, 400, 'TRAINING_ENDS_BEFORE_START', 'endsAt', /terminar/],
    ['an unknown zone', () => session({ zoneId: newId() }), 400, 'UNKNOWN_REFERENCE', 'zoneId', /una zona que no existe/],
    ['a zone of another municipality', () => session({ zoneId: pacochaZone }), 400, 'UNKNOWN_REFERENCE', 'zoneId', /una zona que no existe/],
    ['an unknown facilitator', () => session({ facilitatorUserId: newId() }), 400, 'UNKNOWN_REFERENCE', 'facilitatorUserId', /El campo «facilitador» nombra un facilitador que no existe/],
    ['a user who is not a facilitator', () => session({ facilitatorUserId: '__tecnico__' }), 400, 'UNKNOWN_REFERENCE', 'facilitatorUserId', /El campo «facilitador» nombra un facilitador que no existe/],
    ['a facilitator of another municipality', () => session({ facilitatorUserId: pacochaFacilitatorId }), 400, 'UNKNOWN_REFERENCE', 'facilitatorUserId', /El campo «facilitador» nombra un facilitador que no existe/],
    ['both a facilitator user and a name', () => session({ facilitatorName: 'Carmen Ríos' }), 400, 'FACILITATOR_CHOICE', 'facilitatorUserId', /no ambos/],
    ['no facilitator', () => session({ facilitatorUserId: undefined }), 400, 'FACILITATOR_CHOICE', 'facilitatorUserId', /facilitador/],
    ['a material file of another municipality', () => session({ materialFileIds: [pacochaFileId] }), 400, 'UNKNOWN_REFERENCE', 'materialFileIds', /un archivo que no existe/],
    ['a date without offset', () => session({ startsAt: '2030-03-10 18:00' }), 400, 'VALIDATION', 'startsAt', /formato/],
    ['an unknown field', () => session({ capacity: 40 }), 400, 'VALIDATION', 'capacity', /desconocido/],
    ['a missing topic', () => session({ topic: undefined }), 400, 'VALIDATION', 'topic', /obligatorio/],
  ] as const)('refuses %s with a coded error, writing nothing', async (_what, payload, status, code, field, message) => {
    let body: Record<string, unknown> = payload();
    if (body.facilitatorUserId === '__tecnico__') {
      const tecnico = await signIn(t.app, 'tecnico@ilo.gob.pe');
      body = { ...body, facilitatorUserId: tecnico.userId };
    }
    const before = await snapshot(t);
    const res = await t.app.inject({ method: 'POST', url: base, headers: as(admin), payload: body });
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, field });
    expect(res.json().error.message).toMatch(message);
    expect(await snapshot(t)).toEqual(before);
  });

  it('explains a wrong time order in English too', async () => {
    const res = await t.app.inject({ method: 'POST', url: base, headers: as(admin, 'en'), payload: session({ startsAt: '2030-03-10T20:00:00-05:00', endsAt: '2030-03-10T18:00:00-05:00' }) });
    expect(res.json().error.message).toBe('The session must end after it starts (starts 2030-03-10 20:00, ends 2030-03-10 18:00).');
  });

  it('lets only the administrator and facilitators of this municipality manage sessions', async () => {
    const before = await snapshot(t);
    expect((await t.app.inject({ method: 'POST', url: base, payload: session() })).statusCode).toBe(401);
    for (const login of ['agente@ilo.gob.pe', 'tecnico@ilo.gob.pe', 'vigilancia@ilo.gob.pe']) {
      const who = await signIn(t.app, login);
      const res = await t.app.inject({ method: 'POST', url: base, headers: as(who), payload: session() });
      expect(res.statusCode, login).toBe(403);
    }
    const pacochaFacilitator = await signIn(t.app, 'facilitador@pacocha.gob.pe', 'una-clave-larga');
    const res = await t.app.inject({ method: 'POST', url: base, headers: as(pacochaFacilitator), payload: session({ facilitatorUserId: pacochaFacilitatorId }) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await snapshot(t)).toEqual(before);
  });

  it('never reaches a process or session of another municipality', async () => {
    const pacocha = await createProcessFixture(t.db, { slug: 'pacocha' });
    const through = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${pacocha.processId}/trainings`, headers: as(admin), payload: session() });
    expect(through.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${pacocha.processId}/trainings` })).statusCode).toBe(404);
    const pacochaFacilitator = await signIn(t.app, 'facilitador@pacocha.gob.pe', 'una-clave-larga');
    const created = await t.app.inject({
      method: 'POST', url: `/api/municipalities/pacocha/processes/${pacocha.processId}/trainings`, headers: as(pacochaFacilitator),
      payload: session({ facilitatorUserId: pacochaFacilitatorId, zoneId: pacochaZone }),
    });
    expect(created.statusCode).toBe(201);
    const sid = created.json().session.id;
    expect((await t.app.inject({ method: 'GET', url: `${base}/${sid}` })).statusCode).toBe(404);
    const patch = await t.app.inject({ method: 'PATCH', url: `${base}/${sid}`, headers: as(admin), payload: { topic: 'Intruso' } });
    expect(patch.statusCode).toBe(404);
  });

  it('edits a session, auditing what changed, and refuses a bad edit without changing anything', async () => {
    const created = (await t.app.inject({ method: 'POST', url: base, headers: as(admin), payload: session({ zoneId: zones[2]!.id }) })).json().session;
    const url = `${base}/${created.id}`;
    const res = await t.app.inject({ method: 'PATCH', url, headers: as(facilitator), payload: { place: 'Casa comunal de Alto Ilo', zoneId: null, facilitatorName: 'Voluntario ONG', reason: 'cambio de local' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ place: 'Casa comunal de Alto Ilo', zone: null, facilitator: { userId: null, name: 'Voluntario ONG' }, topic: created.topic });
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'training.update').where('entity_id', '=', created.id).orderBy('seq').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe('cambio de local');
    expect(JSON.parse(audit[0]!.data)).toMatchObject({
      changed: ['place', 'facilitatorId', 'facilitatorName', 'zoneId'],
      before: { place: created.place, zoneId: zones[2]!.id, facilitatorId: facilitator.userId },
      after: { place: 'Casa comunal de Alto Ilo', zoneId: null, facilitatorId: null },
    });

    const before = await snapshot(t);
    const bad = await t.app.inject({ method: 'PATCH', url, headers: as(admin), payload: { endsAt: inMinutes(60) } });
    expect(bad.json().error).toMatchObject({ code: 'TRAINING_ENDS_BEFORE_START', field: 'endsAt' });
    const badZone = await t.app.inject({ method: 'PATCH', url, headers: as(admin), payload: { zoneId: pacochaZone } });
    expect(badZone.json().error).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'zoneId' });
    const both = await t.app.inject({ method: 'PATCH', url, headers: as(admin), payload: { facilitatorName: 'X Y', facilitatorUserId: facilitator.userId } });
    expect(both.json().error.code).toBe('FACILITATOR_CHOICE');
    expect(await snapshot(t)).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url })).json().place).toBe('Casa comunal de Alto Ilo');
  });

  it('attaches uploaded files as materials with public download links, and detaches them', async () => {
    const created = (await t.app.inject({ method: 'POST', url: base, headers: as(admin), payload: session() })).json().session;
    const { payload, headers } = multipartBody([{ name: 'file', filename: 'Guía del agente participante.pdf', content: SAMPLES.pdf }]);
    const file = (await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/files', payload, headers: { ...as(facilitator), ...headers } })).json();
    const url = `${base}/${created.id}/materials`;

    const attached = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { fileId: file.id } });
    expect(attached.statusCode).toBe(200);
    const link = `/api/municipalities/ilo/files/${file.id}`;
    expect(attached.json().materials).toEqual([{ id: file.id, filename: 'Guía del agente participante.pdf', contentType: 'application/pdf', sizeBytes: SAMPLES.pdf.length, url: link }]);
    const again = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { fileId: file.id } });
    expect(again.json().materials).toHaveLength(1);
    const attachAudit = await t.db.db.selectFrom('audit_log').select('data').where('action', '=', 'training.material.attach').where('entity_id', '=', created.id).orderBy('seq').execute();
    expect(attachAudit.map((a) => JSON.parse(a.data).fileId)).toEqual([file.id]);

    const pub = (await t.app.inject({ method: 'GET', url: base })).json().sessions.find((x: { id: string }) => x.id === created.id);
    expect(pub.materials[0].url).toBe(link);
    expect((await t.app.inject({ method: 'GET', url: link })).rawPayload.equals(SAMPLES.pdf)).toBe(true);

    const before = await snapshot(t);
    for (const fileId of [pacochaFileId, newId()]) {
      const bad = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { fileId } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'fileId' });
    }
    const agent = await signIn(t.app, 'agente@ilo.gob.pe');
    expect((await t.app.inject({ method: 'POST', url, headers: as(agent), payload: { fileId: file.id } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `${url}/${file.id}`, headers: as(agent) })).statusCode).toBe(403);
    expect(await snapshot(t)).toEqual(before);

    const detached = await t.app.inject({ method: 'DELETE', url: `${url}/${file.id}`, headers: as(admin) });
    expect(detached.statusCode).toBe(200);
    expect(detached.json().materials).toEqual([]);
    expect(await t.db.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'training.material.detach').where('entity_id', '=', created.id).orderBy('seq').execute())
      .toEqual([{ actor_id: admin.userId }]);
    const twice = await t.app.inject({ method: 'DELETE', url: `${url}/${file.id}`, headers: as(admin) });
    expect(twice.statusCode).toBe(404);
    // Detached, the file is no longer shown publicly: staff still reach it, the public no longer does.
    expect((await t.app.inject({ method: 'GET', url: link })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: link, headers: as(facilitator) })).statusCode).toBe(200);
  });

  it('creates a session with materials in one step', async () => {
    const { payload, headers } = multipartBody([{ name: 'file', filename: 'cronograma.xlsx', content: SAMPLES.zip }]);
    const file = (await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/files', payload, headers: { ...as(admin), ...headers } })).json();
    const res = await t.app.inject({ method: 'POST', url: base, headers: as(admin), payload: session({ materialFileIds: [file.id, file.id] }) });
    expect(res.statusCode).toBe(201);
    expect(res.json().session.materials.map((m: { filename: string }) => m.filename)).toEqual(['cronograma.xlsx']);
  });

  it('freezes training once the process reaches formalization', async () => {
    const late = await createProcessFixture(t.db, { fiscalYear: 2025, phase: 'formalization' });
    const before = await snapshot(t);
    const res = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${late.processId}/trainings`, headers: as(admin), payload: session() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'TRAINING_FROZEN', details: { phase: 'formalization' } });
    expect(await snapshot(t)).toEqual(before);
  });
});
