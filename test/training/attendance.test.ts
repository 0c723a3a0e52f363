import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { localDate, newId } from '../../src/shared/clock.ts';
import { countSessionsHeld, eligibleVoters, isTrained, trainedAgentIds } from '../../src/training/training.queries.ts';
import { accountWithRole, inMinutes, insertAgent, insertOrganization } from './registrations.ts';
import { sentenceDate } from '../../src/shared/i18n.ts';

const DAY = 24 * 60;

describe.each(testDialects())('attendance and check-in on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let facilitator: Agent;
  let agentAccount: Agent;
  let iloId: string;
  let processId: string;
  let base: string;
  let zone: string;
  type Person = { id: string; dni: string; fullName: string };
  let ana: Person; let juan: Person; let rosa: Person; let pedro: Person; let pending: Person; let rejected: Person; let otherProcess: Person;

  async function countRows(): Promise<number> {
    const r = await t.db.db.selectFrom('training_attendance').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async function countAudit(): Promise<number> {
    const r = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('scope', '=', iloId).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async function newSession(startInMinutes: number, minutes = 120, pid = processId): Promise<string> {
    const res = await t.app.inject({
      method: 'POST', url: `/api/municipalities/ilo/processes/${pid}/trainings`, headers: as(admin),
      payload: { topic: 'Taller de capacitación', place: 'Local comunal', startsAt: inMinutes(startInMinutes), endsAt: inMinutes(startInMinutes + minutes), facilitatorUserId: facilitator.userId, allowDuplicate: true },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().session.id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    agentAccount = await signIn(t.app, 'agente@ilo.gob.pe');
    iloId = await municipalityId(t.db);
    zone = (await zoneIds(t.db))[0]!.id;
    ({ processId } = await createProcessFixture(t.db, { rules: { minTrainingSessions: 2, trainingRequiredToVote: true } }));
    base = `/api/municipalities/ilo/processes/${processId}/trainings`;
    const mk = (over: Parameters<typeof insertAgent>[1] extends infer A ? Partial<A> : never) =>
      insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zone, ...over });
    ana = await mk({ fullName: 'Ana Torres' });
    juan = await mk({ fullName: 'Juan Pari', sex: 'male', source: 'in_person' });
    rosa = await mk({ fullName: 'Rosa Ccama' });
    // The demo agent account (DNI 40567890) is also an approved agent of the process.
    pedro = await mk({ fullName: 'Pedro Mamani Cutipa', dni: '40567890', sex: 'male', userId: agentAccount.userId });
    pending = await mk({ fullName: 'Elena Pendiente', status: 'pending' });
    rejected = await mk({ fullName: 'Raúl Rechazado', status: 'rejected', sex: 'male' });
    const other = await createProcessFixture(t.db, { fiscalYear: 2026 });
    otherProcess = await insertAgent(t.db, { municipalityId: iloId, processId: other.processId, zoneId: zone, fullName: 'Otra Persona' });
  });
  afterAll(async () => { await t.close(); });

  it('takes the titular or the substitute delegate of an organization at a session, never both', async () => {
    const orgId = await insertOrganization(t.db, { municipalityId: iloId, processId, zoneId: zone, name: 'Club de Madres Santa Rosa' });
    const titular = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zone, fullName: 'Carmen Titular Quispe', organizationId: orgId, delegateRole: 'titular' });
    const substitute = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zone, fullName: 'Mario Suplente Apaza', sex: 'male', organizationId: orgId, delegateRole: 'substitute' });
    const sid = await newSession(-30);
    const url = `${base}/${sid}/attendance`;
    const both = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { agentIds: [titular.id, substitute.id] } });
    expect([both.statusCode, both.json().error.code, both.json().error.field]).toEqual([409, 'DELEGATE_COUNTERPART_ATTENDED', 'agentIds']);
    expect(await t.db.db.selectFrom('training_attendance').select('agent_id').where('session_id', '=', sid).execute()).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { agentIds: [titular.id] } })).statusCode).toBe(200);
    const later = await t.app.inject({ method: 'POST', url, headers: as(facilitator, 'en'), payload: { agentIds: [substitute.id] } });
    expect(later.json().error).toMatchObject({
      code: 'DELEGATE_COUNTERPART_ATTENDED', message: 'Mario Suplente Apaza and Carmen Titular Quispe are the titular and substitute delegates of one organization: only one of them attends each session.',
    });
    const checkIn = await t.app.inject({ method: 'POST', url: `${base}/${sid}/check-in`, headers: as(facilitator), payload: { dni: substitute.dni } });
    expect([checkIn.statusCode, checkIn.json().error.code, checkIn.json().error.field]).toEqual([409, 'DELEGATE_COUNTERPART_ATTENDED', 'dni']);
    // Another session: the substitute stands in for the absent titular.
    const next = await newSession(-20);
    expect((await t.app.inject({ method: 'POST', url: `${base}/${next}/attendance`, headers: as(facilitator), payload: { agentIds: [substitute.id] } })).statusCode).toBe(200);
  });

  it('records attendance idempotently, adding only, and audits each change', async () => {
    const sid = await newSession(-30);
    const url = `${base}/${sid}/attendance`;
    const first = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { agentIds: [ana.id, juan.id, ana.id] } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ added: [ana.id, juan.id], alreadyRecorded: [], attendanceCount: 2 });
    const second = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { agentIds: [juan.id, rosa.id] } });
    expect(second.json()).toEqual({ added: [rosa.id], alreadyRecorded: [juan.id], attendanceCount: 3 });
    const auditBefore = await countAudit();
    const same = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { agentIds: [ana.id] } });
    expect(same.json()).toEqual({ added: [], alreadyRecorded: [ana.id], attendanceCount: 3 });
    expect(await countAudit()).toBe(auditBefore);

    const rows = await t.db.db.selectFrom('training_attendance').select(['agent_id', 'method', 'recorded_by']).where('session_id', '=', sid).execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.method === 'facilitator' && r.recorded_by === facilitator.userId)).toBe(true);
    const audit = await t.db.db.selectFrom('audit_log').select(['data', 'actor_id']).where('action', '=', 'training.attendance.record').where('entity_id', '=', sid).orderBy('seq').execute();
    expect(audit.map((a) => JSON.parse(a.data).agentIds)).toEqual([[ana.id, juan.id], [rosa.id]]);

    // Staff see names and trained status; the public sees the count only.
    const staff = await t.app.inject({ method: 'GET', url, headers: as(facilitator) });
    expect(staff.statusCode).toBe(200);
    expect(staff.json().attendees.map((a: { fullName: string }) => a.fullName)).toEqual(['Ana Torres', 'Juan Pari', 'Rosa Ccama']);
    expect(staff.json().attendees[0]).toMatchObject({ agentId: ana.id, dni: ana.dni, method: 'facilitator', recordedByName: 'Lucía Condori Apaza', trained: false, zone: { id: zone } });
    const pub = await t.app.inject({ method: 'GET', url: `${base}/${sid}` });
    expect(pub.json().attendanceCount).toBe(3);
    expect(pub.body).not.toContain('Ana Torres');
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url, headers: as(agentAccount) })).statusCode).toBe(403);

    // Removal is a correction: idempotent, with its reason in the audit log.
    const removed = await t.app.inject({ method: 'DELETE', url: `${url}/${juan.id}?reason=${encodeURIComponent('anotado por error')}`, headers: as(facilitator) });
    expect(removed.json()).toEqual({ removed: true, attendanceCount: 2 });
    const again = await t.app.inject({ method: 'DELETE', url: `${url}/${juan.id}`, headers: as(facilitator) });
    expect(again.json()).toEqual({ removed: false, attendanceCount: 2 });
    const removal = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'training.attendance.remove').where('entity_id', '=', sid).orderBy('seq').execute();
    expect(removal).toHaveLength(1);
    expect(removal[0]).toMatchObject({ reason: 'anotado por error', actor_id: facilitator.userId });
  });

  it.each([
    ['a pending agent', () => [ana.id, pending.id], 'Elena Pendiente'],
    ['a rejected agent', () => [rejected.id], 'Raúl Rechazado'],
    ['an agent of another process', () => [otherProcess.id], 'Otra Persona'],
  ])('refuses %s by name, recording nobody of the list', async (_what, ids, name) => {
    const sid = await newSession(-30);
    const before = [await countRows(), await countAudit()];
    const res = await t.app.inject({ method: 'POST', url: `${base}/${sid}/attendance`, headers: as(facilitator), payload: { agentIds: ids() } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'NOT_AN_APPROVED_AGENT', field: 'agentIds' });
    expect(res.json().error.message).toBe(`${name} no es un agente participante aprobado de este proceso.`);
    expect([await countRows(), await countAudit()]).toEqual(before);
  });

  it('refuses an unknown id, attendance before the session day, and people without the right', async () => {
    const today = await newSession(-30);
    const unknown = newId();
    const res = await t.app.inject({ method: 'POST', url: `${base}/${today}/attendance`, headers: as(facilitator, 'en'), payload: { agentIds: [unknown] } });
    expect(res.json().error.message).toBe(`${unknown} is not an approved participating agent of this process.`);

    const future = await newSession(3 * DAY);
    const before = [await countRows(), await countAudit()];
    const early = await t.app.inject({ method: 'POST', url: `${base}/${future}/attendance`, headers: as(facilitator), payload: { agentIds: [ana.id] } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'ATTENDANCE_TOO_EARLY' });
    expect(early.json().error.message).toContain(sentenceDate(localDate(inMinutes(3 * DAY)), 'es'));
    for (const login of ['agente@ilo.gob.pe', 'tecnico@ilo.gob.pe']) {
      const who = await signIn(t.app, login);
      const denied = await t.app.inject({ method: 'POST', url: `${base}/${today}/attendance`, headers: as(who), payload: { agentIds: [ana.id] } });
      expect(denied.statusCode, login).toBe(403);
      const deniedDelete = await t.app.inject({ method: 'DELETE', url: `${base}/${today}/attendance/${ana.id}`, headers: as(who) });
      expect(deniedDelete.statusCode, login).toBe(403);
    }
    const pacochaId = await municipalityId(t.db, 'pacocha');
    await accountWithRole(t.app, t.db, { name: 'Facilitadora Pacocha', email: 'fac2@pacocha.gob.pe', role: 'facilitator', municipalityId: pacochaId });
    const foreign = await signIn(t.app, 'fac2@pacocha.gob.pe', 'una-clave-larga');
    const cross = await t.app.inject({ method: 'POST', url: `${base}/${today}/attendance`, headers: as(foreign), payload: { agentIds: [ana.id] } });
    expect(cross.statusCode).toBe(403);
    const crossCheckIn = await t.app.inject({ method: 'POST', url: `${base}/${today}/check-in`, headers: as(foreign), payload: { dni: ana.dni } });
    expect(crossCheckIn.json().error.code).toBe('CHECK_IN_OWN_DNI_ONLY');
    expect([await countRows(), await countAudit()]).toEqual(before);
  });

  it('checks in by DNI: staff any approved agent, an agent only themselves, idempotently', async () => {
    const sid = await newSession(-10);
    const url = `${base}/${sid}/check-in`;
    const byStaff = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { dni: rosa.dni } });
    expect(byStaff.statusCode).toBe(200);
    expect(byStaff.json()).toEqual({ agent: { id: rosa.id, fullName: 'Rosa Ccama' }, recorded: true, attendanceCount: 1 });
    const twice = await t.app.inject({ method: 'POST', url, headers: as(admin), payload: { dni: rosa.dni } });
    expect(twice.json()).toMatchObject({ recorded: false, attendanceCount: 1 });

    const self = await t.app.inject({ method: 'POST', url, headers: as(agentAccount), payload: { dni: '40567890' } });
    expect(self.statusCode).toBe(200);
    expect(self.json()).toMatchObject({ agent: { id: pedro.id }, recorded: true, attendanceCount: 2 });
    const rows = await t.db.db.selectFrom('training_attendance').select(['agent_id', 'method', 'recorded_by']).where('session_id', '=', sid).orderBy('recorded_at').execute();
    expect(rows).toEqual([
      { agent_id: rosa.id, method: 'dni_check_in', recorded_by: facilitator.userId },
      { agent_id: pedro.id, method: 'dni_check_in', recorded_by: agentAccount.userId },
    ]);
    const audit = await t.db.db.selectFrom('audit_log').select(['actor_id', 'data']).where('action', '=', 'training.attendance.check_in').where('entity_id', '=', sid).orderBy('seq').execute();
    expect(audit.map((a) => [a.actor_id, JSON.parse(a.data).agentId, JSON.parse(a.data).byStaff])).toEqual([
      [facilitator.userId, rosa.id, true], [agentAccount.userId, pedro.id, false],
    ]);

    // A citizen who signed up with the DNI of their registration, with no role at all, may check themselves in.
    await accountWithRole(t.app, t.db, { name: 'Ana Torres', email: 'ana.torres@example.pe', dni: ana.dni });
    const citizen = await signIn(t.app, 'ana.torres@example.pe', 'una-clave-larga');
    const own = await t.app.inject({ method: 'POST', url, headers: as(citizen), payload: { dni: ana.dni } });
    expect(own.json()).toMatchObject({ agent: { id: ana.id }, recorded: true });
  });

  it('refuses check-in of someone else, of an unregistered DNI, outside the session day, and anonymously', async () => {
    const sid = await newSession(-10);
    const url = `${base}/${sid}/check-in`;
    const otherDays = [[3 * DAY, await newSession(3 * DAY)], [-3 * DAY, await newSession(-3 * DAY)]] as const;
    const before = [await countRows(), await countAudit()];

    const other = await t.app.inject({ method: 'POST', url, headers: as(agentAccount), payload: { dni: juan.dni } });
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({ code: 'CHECK_IN_OWN_DNI_ONLY', field: 'dni' });

    for (const dni of ['12345678', otherProcess.dni]) {
      const res = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { dni } });
      expect(res.statusCode, dni).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'NOT_REGISTERED_FOR_CHECK_IN', field: 'dni' });
      expect(res.json().error.message).toBe(`El DNI ${dni} no está inscrito en este proceso.`);
    }
    // A registration awaiting its decision, or refused, is told apart from an unknown DNI.
    const awaiting = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { dni: pending.dni } });
    expect(awaiting.statusCode).toBe(409);
    expect(awaiting.json().error).toMatchObject({ code: 'CHECK_IN_REGISTRATION_PENDING', field: 'dni' });
    expect(awaiting.json().error.message).toBe(`La inscripción de ${pending.fullName} (DNI ${pending.dni}) aún espera la decisión de la municipalidad: su asistencia se registra una vez aprobada.`);
    const refused = await t.app.inject({ method: 'POST', url, headers: as(facilitator, 'en'), payload: { dni: rejected.dni } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'CHECK_IN_REGISTRATION_REJECTED', field: 'dni' });
    expect(refused.json().error.message).toBe(`${rejected.fullName}'s registration (DNI ${rejected.dni}) was not approved: their attendance is not recorded.`);

    for (const [start, other] of otherDays) {
      const closed = await t.app.inject({ method: 'POST', url: `${base}/${other}/check-in`, headers: as(facilitator, 'en'), payload: { dni: juan.dni } });
      expect(closed.statusCode).toBe(409);
      expect(closed.json().error.code).toBe('CHECK_IN_CLOSED');
      expect(closed.json().error.message).toBe(`Check-in by DNI is only open on the day of the session (${sentenceDate(localDate(inMinutes(start)), 'en')}).`);
      const self = await t.app.inject({ method: 'POST', url: `${base}/${other}/check-in`, headers: as(agentAccount), payload: { dni: '40567890' } });
      expect(self.json().error.code).toBe('CHECK_IN_CLOSED');
    }

    expect((await t.app.inject({ method: 'POST', url, payload: { dni: juan.dni } })).statusCode).toBe(401);
    const badDni = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload: { dni: '123' } });
    expect(badDni.json().error).toMatchObject({ code: 'VALIDATION', field: 'dni' });
    const unknownSession = await t.app.inject({ method: 'POST', url: `${base}/${newId()}/check-in`, headers: as(facilitator), payload: { dni: juan.dni } });
    expect(unknownSession.statusCode).toBe(404);
    expect([await countRows(), await countAudit()]).toEqual(before);
  });

  it('counts an agent trained after the required sessions; voters are the trained when training is required', async () => {
    const p = await createProcessFixture(t.db, { fiscalYear: 2030, rules: { minTrainingSessions: 2, trainingRequiredToVote: true } });
    const mk = (fullName: string) => insertAgent(t.db, { municipalityId: iloId, processId: p.processId, zoneId: zone, fullName, email: `${fullName.split(' ')[0]!.toLowerCase()}@example.pe` });
    const x = await mk('Ximena Alva');
    const y = await mk('Yolanda Benites');
    const z = await mk('Zacarías Cruz');
    const held1 = await newSession(-4 * DAY, 120, p.processId);
    const held2 = await newSession(-2 * DAY, 120, p.processId);
    const empty = await newSession(-1 * DAY, 120, p.processId);
    const pbase = `/api/municipalities/ilo/processes/${p.processId}/trainings`;
    await t.app.inject({ method: 'POST', url: `${pbase}/${held1}/attendance`, headers: as(facilitator), payload: { agentIds: [x.id, y.id] } });
    await t.app.inject({ method: 'POST', url: `${pbase}/${held2}/attendance`, headers: as(facilitator), payload: { agentIds: [x.id] } });

    expect(await trainedAgentIds(t.db.db, iloId, p.processId)).toEqual(new Set([x.id]));
    expect(await isTrained(t.db.db, iloId, p.processId, x.id)).toBe(true);
    expect(await isTrained(t.db.db, iloId, p.processId, y.id)).toBe(false);
    expect(await isTrained(t.db.db, await municipalityId(t.db, 'pacocha'), p.processId, x.id)).toBe(false);
    expect(await countSessionsHeld(t.db.db, iloId, p.processId, new Date().toISOString())).toBe(2);
    expect(await countSessionsHeld(t.db.db, iloId, p.processId, inMinutes(-3 * DAY))).toBe(1);
    expect(await countSessionsHeld(t.db.db, iloId, p.processId, inMinutes(-5 * DAY))).toBe(0);
    // A session held with nobody recorded does not count as held (the counts above), and lists no one.
    expect((await t.app.inject({ method: 'GET', url: `${pbase}/${empty}/attendance`, headers: as(admin) })).json().attendees).toEqual([]);

    const voters = await eligibleVoters(t.db.db, iloId, p.processId);
    expect(voters.map((v) => v.fullName)).toEqual(['Ximena Alva']);
    expect(voters[0]).toMatchObject({ agentId: x.id, dni: x.dni, trained: true, zoneId: zone, userId: null });

    const status = await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${p.processId}/training-status`, headers: as(facilitator) });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ rules: { minTrainingSessions: 2, trainingRequiredToVote: true }, totals: { approved: 3, trained: 1 } });
    expect(status.json().agents.map((a: { fullName: string; sessionsAttended: number; trained: boolean }) => [a.fullName, a.sessionsAttended, a.trained])).toEqual([
      ['Ximena Alva', 2, true], ['Yolanda Benites', 1, false], ['Zacarías Cruz', 0, false],
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${p.processId}/training-status`, headers: as(agentAccount) })).statusCode).toBe(403);
    const attendance = await t.app.inject({ method: 'GET', url: `${pbase}/${held1}/attendance`, headers: as(admin) });
    expect(attendance.json().attendees.map((a: { fullName: string; trained: boolean }) => [a.fullName, a.trained])).toEqual([['Ximena Alva', true], ['Yolanda Benites', false]]);
    expect(await isTrained(t.db.db, iloId, p.processId, z.id)).toBe(false);

    // Where training is not required, every approved agent votes.
    const open = await createProcessFixture(t.db, { fiscalYear: 2031, rules: { trainingRequiredToVote: false } });
    await insertAgent(t.db, { municipalityId: iloId, processId: open.processId, zoneId: zone, fullName: 'Sin Capacitación' });
    await insertAgent(t.db, { municipalityId: iloId, processId: open.processId, zoneId: zone, fullName: 'Pendiente', status: 'pending' });
    expect((await eligibleVoters(t.db.db, iloId, open.processId)).map((v) => [v.fullName, v.trained])).toEqual([['Sin Capacitación', false]]);
  });

  it('freezes attendance once the process reaches formalization', async () => {
    const p = await createProcessFixture(t.db, { fiscalYear: 2032 });
    const a = await insertAgent(t.db, { municipalityId: iloId, processId: p.processId, zoneId: zone });
    const sid = await newSession(-10, 120, p.processId);
    await t.db.db.updateTable('processes').set({ phase: 'formalization' }).where('id', '=', p.processId).execute();
    const before = [await countRows(), await countAudit()];
    const pbase = `/api/municipalities/ilo/processes/${p.processId}/trainings/${sid}`;
    const rec = await t.app.inject({ method: 'POST', url: `${pbase}/attendance`, headers: as(facilitator), payload: { agentIds: [a.id] } });
    expect(rec.json().error.code).toBe('TRAINING_FROZEN');
    const chk = await t.app.inject({ method: 'POST', url: `${pbase}/check-in`, headers: as(facilitator), payload: { dni: a.dni } });
    expect(chk.json().error.code).toBe('TRAINING_FROZEN');
    expect([await countRows(), await countAudit()]).toEqual(before);
  });
});
