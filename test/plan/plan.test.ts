import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

describe.each(testDialects())('zones and the development plan on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
  });
  afterAll(async () => { await t.close(); });

  it("lists Ilo's zones publicly", async () => {
    const zones = (await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/zones' })).json().zones;
    expect(zones.map((z: { code: string }) => z.code)).toEqual(['Z01', 'Z02', 'Z03', 'Z04', 'Z05', 'Z06', 'Z07']);
    const none = (await t.app.inject({ method: 'GET', url: '/api/municipalities/pacocha/zones' })).json().zones;
    expect(none).toEqual([]);
  });

  it('adds and renames a zone with a reason, refusing a duplicate code', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/zones', headers: as(admin), payload: { code: 'Z08', name: 'Puerto Ilo', kind: 'sector', population: 2100 } });
    expect(res.statusCode).toBe(201);
    const dup = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/zones', headers: as(admin), payload: { code: 'Z08', name: 'Otra', kind: 'sector' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'CODE_TAKEN', field: 'code' });
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/municipalities/ilo/zones/${res.json().id}`, headers: as(admin), payload: { name: 'Puerto de Ilo', reason: 'nombre oficial' } });
    expect(renamed.json().name).toBe('Puerto de Ilo');
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'reason']).where('entity_id', '=', res.json().id).orderBy('seq').execute();
    expect(audit).toEqual([{ action: 'zone.create', reason: null }, { action: 'zone.update', reason: 'nombre oficial' }]);
  });

  it('builds axes with strategic objectives, which only the administrator may change', async () => {
    const axis = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/plan/axes', headers: as(admin), payload: { code: 'EJ1', name: 'Ambiente y salud', description: 'Ciudad limpia y saludable' } });
    expect(axis.statusCode).toBe(201);
    const obj = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/plan/objectives', headers: as(admin), payload: { axisId: axis.json().id, code: 'OE1.1', title: 'Reducir la contaminación del aire por la fundición' } });
    expect(obj.statusCode).toBe(201);
    const badAxis = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/plan/objectives', headers: as(admin, 'en'), payload: { axisId: 'missing', code: 'OE9', title: 'Nada' } });
    expect(badAxis.statusCode).toBe(400);
    expect(badAxis.json().error).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'axisId' });
    const agent = await signIn(t.app, 'agente@ilo.gob.pe');
    const denied = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/plan/axes', headers: as(agent), payload: { code: 'EJ9', name: 'Otro eje' } });
    expect(denied.statusCode).toBe(403);
    const plan = (await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/plan' })).json();
    expect(plan.axes).toEqual([expect.objectContaining({ code: 'EJ1', objectives: [expect.objectContaining({ code: 'OE1.1' })] })]);
  });
});
