import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { newId, now } from '../../src/shared/clock.ts';
import { inMinutes, insertAgent, insertOrganization } from '../training/registrations.ts';

describe.each(testDialects())('participation figures on %s', (dialect) => {
  let t: TestApp;
  let iloId: string;
  let zones: { id: string; code: string; name: string }[];
  let p2027: string;
  let p2026: string;

  /** Attendance written straight in, with one session per call. */
  async function attend(processId: string, agentIds: string[]): Promise<void> {
    const admin = await t.db.db.selectFrom('users').select('id').where('email', '=', 'admin@ilo.gob.pe').executeTakeFirstOrThrow();
    const sid = newId();
    await t.db.db.insertInto('training_sessions').values({
      municipality_id: iloId, id: sid, process_id: processId, topic: 'Capacitación', place: 'Local', starts_at: inMinutes(-3000), ends_at: inMinutes(-2900),
      facilitator_id: null, facilitator_name: 'Voluntaria', zone_id: null, created_at: now(), created_by: admin.id,
    }).execute();
    for (const agentId of agentIds) {
      await t.db.db.insertInto('training_attendance').values({ municipality_id: iloId, session_id: sid, agent_id: agentId, method: 'facilitator', recorded_at: now(), recorded_by: admin.id }).execute();
    }
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    iloId = await municipalityId(t.db);
    zones = await zoneIds(t.db);
    p2027 = (await createProcessFixture(t.db, { fiscalYear: 2027, rules: { minTrainingSessions: 2 } })).processId;
    p2026 = (await createProcessFixture(t.db, { fiscalYear: 2026, phase: 'execution' })).processId;
    const [z1, z2] = [zones[0]!.id, zones[1]!.id];
    const base = { municipalityId: iloId, processId: p2027 };

    const womensGroup = await insertOrganization(t.db, { ...base, zoneId: z1, type: 'womens_group', source: 'in_person' });
    const committee = await insertOrganization(t.db, { ...base, zoneId: z2, type: 'neighbourhood_committee' });
    await insertOrganization(t.db, { ...base, zoneId: z2, type: 'ngo', status: 'pending' });
    await insertOrganization(t.db, { ...base, zoneId: z2, type: 'ngo', status: 'rejected' });

    // 2027: online, paper (in_person) and imported registrations alike.
    const a1 = await insertAgent(t.db, { ...base, zoneId: z1, sex: 'female', ageBand: '18-29', organizationId: womensGroup, source: 'in_person' });
    const a2 = await insertAgent(t.db, { ...base, zoneId: z1, sex: 'female', ageBand: '45-59', organizationId: womensGroup, source: 'import' });
    const a3 = await insertAgent(t.db, { ...base, zoneId: z2, sex: 'male', ageBand: '60+', organizationId: committee });
    await insertAgent(t.db, { ...base, zoneId: z2, sex: 'male', ageBand: '30-44' });
    await insertAgent(t.db, { ...base, zoneId: z1, sex: 'female', ageBand: '30-44', status: 'pending', source: 'in_person' });
    await insertAgent(t.db, { ...base, zoneId: z2, sex: 'male', ageBand: '18-29', status: 'rejected' });
    // Trained needs 2 sessions in 2027: a1 attended two, a2 and a3 one each.
    await attend(p2027, [a1.id, a2.id]);
    await attend(p2027, [a1.id, a3.id]);

    // 2026: two approved women, one approved man, one trained (1 session needed by default).
    const b = { municipalityId: iloId, processId: p2026 };
    const w1 = await insertAgent(t.db, { ...b, zoneId: z1, sex: 'female' });
    await insertAgent(t.db, { ...b, zoneId: z1, sex: 'female' });
    await insertAgent(t.db, { ...b, zoneId: z2, sex: 'male' });
    await insertAgent(t.db, { ...b, zoneId: z2, sex: 'male', status: 'rejected' });
    await insertOrganization(t.db, { ...b, zoneId: z1, type: 'union' });
    await attend(p2026, [w1.id]);

    // Another municipality's process must never show up in Ilo's figures.
    const pacocha = await createProcessFixture(t.db, { slug: 'pacocha', fiscalYear: 2027 });
    const pz = newId();
    const pacochaId = await municipalityId(t.db, 'pacocha');
    await t.db.db.insertInto('zones').values({ municipality_id: pacochaId, id: pz, code: 'P01', name: 'Pacocha', kind: 'sector', population: null, created_at: now() }).execute();
    await insertAgent(t.db, { municipalityId: pacochaId, processId: pacocha.processId, zoneId: pz });
  });
  afterAll(async () => { await t.close(); });

  it('answers the figures of a process to anyone, paper and online registrations alike', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${p2027}/participation` });
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.process).toEqual({ id: p2027, fiscalYear: 2027, name: 'Presupuesto Participativo 2027', phase: 'preparation' });
    expect(f.rules).toEqual({ trainingRequiredToVote: true, minTrainingSessions: 2 });
    expect(f.totals).toEqual({ registered: 6, pending: 1, approved: 4, rejected: 1, trained: 1, inWorkshops: 0, organizationsRegistered: 4, organizationsApproved: 2 });
    expect(f.bySex).toEqual([
      { key: 'female', label: 'Mujeres', registered: 3, approved: 2, trained: 1, inWorkshops: 0 },
      { key: 'male', label: 'Hombres', registered: 3, approved: 2, trained: 0, inWorkshops: 0 },
    ]);
    expect(f.byAgeBand.map((r: { key: string; registered: number; approved: number }) => [r.key, r.registered, r.approved])).toEqual([
      ['18-29', 2, 1], ['30-44', 2, 1], ['45-59', 1, 1], ['60+', 1, 1],
    ]);
    expect(f.byZone).toHaveLength(7);
    expect(f.byZone[0]).toEqual({ key: zones[0]!.id, label: 'Cercado de Ilo', registered: 3, approved: 2, trained: 1, inWorkshops: 0 });
    expect(f.byZone[1]).toEqual({ key: zones[1]!.id, label: 'Pampa Inalámbrica', registered: 3, approved: 2, trained: 0, inWorkshops: 0 });
    expect(f.byZone[6]).toMatchObject({ registered: 0, approved: 0 });
    const byType = Object.fromEntries(f.byOrganizationType.map((r: { key: string }) => [r.key, r]));
    expect(byType.womens_group).toEqual({ key: 'womens_group', label: 'Organización de mujeres', registered: 2, approved: 2, trained: 1, inWorkshops: 0, organizationsRegistered: 1, organizationsApproved: 1 });
    expect(byType.neighbourhood_committee).toMatchObject({ registered: 1, approved: 1, trained: 0, inWorkshops: 0, organizationsRegistered: 1, organizationsApproved: 1 });
    expect(byType.ngo).toMatchObject({ registered: 0, organizationsRegistered: 2, organizationsApproved: 0 });
    expect(byType.individual).toMatchObject({ registered: 3, approved: 1, organizationsRegistered: 0 });
    expect(res.body).not.toMatch(/dni|fullName|Agente \d/);
  });

  it('labels in English when asked, and answers 404 for a process of another municipality', async () => {
    const en = await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${p2027}/participation?lang=en` });
    expect(en.json().bySex[0].label).toBe('Women');
    const pacochaProcess = await t.db.db.selectFrom('processes as p').innerJoin('municipalities as m', 'm.id', 'p.municipality_id')
      .select('p.id').where('m.slug', '=', 'pacocha').executeTakeFirstOrThrow();
    const cross = await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${pacochaProcess.id}/participation`, headers: { 'accept-language': 'en' } });
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error.code).toBe('NOT_FOUND');
    const own = await t.app.inject({ method: 'GET', url: `/api/municipalities/pacocha/processes/${pacochaProcess.id}/participation` });
    expect(own.json().totals.registered).toBe(1);
  });

  it('gives the history per fiscal year with the women share of approved agents', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/participation/history' });
    expect(res.statusCode).toBe(200);
    expect(res.json().years).toEqual([
      { processId: p2026, fiscalYear: 2026, registered: 4, approved: 3, women: 2, men: 1, womenShareOfApproved: 0.6667, organizationsApproved: 1, trained: 1, inWorkshops: 0 },
      { processId: p2027, fiscalYear: 2027, registered: 6, approved: 4, women: 2, men: 2, womenShareOfApproved: 0.5, organizationsApproved: 2, trained: 1, inWorkshops: 0 },
    ]);
    const empty = await t.app.inject({ method: 'GET', url: '/api/municipalities/el-algarrobal/participation/history' });
    expect(empty.json()).toEqual({ years: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/municipalities/nowhere/participation/history' })).statusCode).toBe(404);
  });

  it('counts approved agents who attended a workshop, once however many workshops they attended', async () => {
    const facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    const p = (await createProcessFixture(t.db, { fiscalYear: 2033, phase: 'concertation' })).processId;
    const zone = zones[1]!.id;
    const one = await insertAgent(t.db, { municipalityId: iloId, processId: p, zoneId: zone, sex: 'female', ageBand: '18-29' });
    const two = await insertAgent(t.db, { municipalityId: iloId, processId: p, zoneId: zone, sex: 'male', ageBand: '18-29' });
    await insertAgent(t.db, { municipalityId: iloId, processId: p, zoneId: zone, sex: 'male', ageBand: '18-29' });
    for (const agentIds of [[one.id, two.id], [one.id]]) {
      const created = await t.app.inject({
        method: 'POST', url: `/api/municipalities/ilo/processes/${p}/workshops`, headers: as(facilitator),
        payload: { title: 'Taller de la Pampa', agenda: '1. Asistencia\n2. Votación', place: 'Local comunal', startsAt: inMinutes(-60), endsAt: inMinutes(30), zoneId: zone },
      });
      expect(created.statusCode, created.body).toBe(201);
      const rec = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${p}/workshops/${created.json().id}/attendance`, headers: as(facilitator), payload: { agentIds } });
      expect(rec.statusCode, rec.body).toBe(200);
    }
    const f = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${p}/participation` })).json();
    expect(f.totals).toMatchObject({ approved: 3, trained: 0, inWorkshops: 2 });
    expect(f.byZone[1]).toMatchObject({ approved: 3, inWorkshops: 2 });
    expect(f.bySex.map((r: { inWorkshops: number }) => r.inWorkshops)).toEqual([1, 1]);
    const history = (await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/participation/history' })).json().years;
    expect(history.find((y: { processId: string }) => y.processId === p)).toMatchObject({ approved: 3, inWorkshops: 2 });
  });

  it('moves with attendance recorded through the API', async () => {
    const admin = await signIn(t.app, 'admin@ilo.gob.pe');
    const zone = zones[3]!.id;
    const agent = await insertAgent(t.db, { municipalityId: iloId, processId: p2027, zoneId: zone, sex: 'female', ageBand: '60+' });
    for (const start of [-3000, -60]) {
      const created = await t.app.inject({
        method: 'POST', url: `/api/municipalities/ilo/processes/${p2027}/trainings`, headers: as(admin),
        payload: { topic: 'Vigilancia ciudadana', place: 'Miramar', startsAt: inMinutes(start), endsAt: inMinutes(start + 50), facilitatorName: 'Voluntaria ONG' },
      });
      const sid = created.json().session.id;
      const rec = await t.app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${p2027}/trainings/${sid}/attendance`, headers: as(admin), payload: { agentIds: [agent.id] } });
      expect(rec.json().added).toEqual([agent.id]);
    }
    const f = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${p2027}/participation` })).json();
    expect(f.totals).toMatchObject({ registered: 7, approved: 5, trained: 2, inWorkshops: 0 });
    expect(f.byZone[3]).toMatchObject({ registered: 1, approved: 1, trained: 1, inWorkshops: 0 });
    expect(f.byAgeBand[3]).toMatchObject({ key: '60+', approved: 2, trained: 1, inWorkshops: 0 });

    // 2026 is in execution: training is frozen there, and its figures do not move.
    const frozen = await t.app.inject({
      method: 'POST', url: `/api/municipalities/ilo/processes/${p2026}/trainings`, headers: as(admin),
      payload: { topic: 'Vigilancia ciudadana', place: 'Miramar', startsAt: inMinutes(-60), endsAt: inMinutes(-10), facilitatorName: 'Voluntaria ONG' },
    });
    expect(frozen.json().error.code).toBe('TRAINING_FROZEN');
    expect((await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${p2026}/participation` })).json().totals).toMatchObject({ approved: 3, trained: 1, inWorkshops: 0 });
  });
});
