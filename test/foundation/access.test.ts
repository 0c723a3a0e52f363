import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { ACTIONS } from '@concerta/contracts';

describe('every route declares a policy', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp('sqlite', { seed: false }); });
  afterAll(async () => { await t.close(); });

  it('walks the route table and finds none without one', () => {
    const routes = t.app.routeTable;
    expect(routes.length).toBeGreaterThan(8);
    const missing = routes.filter((r) => r.policy() === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('names only known actions', () => {
    for (const r of t.app.routeTable) {
      const p = r.policy();
      if (typeof p === 'object') expect(Object.keys(ACTIONS)).toContain(p.action);
    }
  });

  it('declares every state-changing route as more than public, but for signing in and up', () => {
    const openWrites = t.app.routeTable
      .filter((r) => !['GET', 'OPTIONS'].includes(r.method) && r.policy() === 'public')
      .map((r) => `${r.method} ${r.url}`);
    expect(openWrites.sort()).toEqual(['POST /api/auth/signin', 'POST /api/auth/signup']);
  });
});

describe.each(testDialects())('authorization by role and municipality on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  it('lets the administrator and the oversight committee read the audit log, no one else', async () => {
    for (const [login, status] of [['admin@ilo.gob.pe', 200], ['vigilancia@ilo.gob.pe', 200], ['agente@ilo.gob.pe', 403], ['tecnico@ilo.gob.pe', 403]] as const) {
      const who = await signIn(t.app, login);
      const res = await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/audit', headers: as(who) });
      expect(res.statusCode, login).toBe(status);
      if (status === 403) expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('keeps a role inside its municipality', async () => {
    const admin = await signIn(t.app, 'admin@ilo.gob.pe');
    const res = await t.app.inject({ method: 'GET', url: '/api/municipalities/pacocha/audit', headers: as(admin) });
    expect(res.statusCode).toBe(403);
  });

  it('settles who may call a route before reading what they sent: 401 and 403 come before a validation answer', async () => {
    const url = '/api/municipalities/ilo/plan/axes';
    const bad = { code: 42, extra: true };
    const anon = await t.app.inject({ method: 'POST', url, payload: bad });
    expect([anon.statusCode, anon.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const agent = await signIn(t.app, 'agente@ilo.gob.pe');
    const refused = await t.app.inject({ method: 'POST', url, headers: as(agent), payload: bad });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const admin = await signIn(t.app, 'admin@ilo.gob.pe');
    const invalid = await t.app.inject({ method: 'POST', url, headers: as(admin), payload: bad });
    expect([invalid.statusCode, invalid.json().error.code]).toEqual([400, 'VALIDATION']);
  });

  it('asks the public to sign in, and answers 404 for an unknown municipality', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/audit' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/municipalities/atlantida' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
  });

  it('serves the jurisdiction tree and the municipalities of the demo', async () => {
    const j = (await t.app.inject({ method: 'GET', url: '/api/jurisdictions' })).json().jurisdictions;
    expect(j.map((x: { ubigeo: string }) => x.ubigeo)).toEqual(['18', '1803', '180301', '180302', '180303']);
    const m = (await t.app.inject({ method: 'GET', url: '/api/municipalities' })).json().municipalities;
    expect(m.map((x: { slug: string }) => x.slug)).toEqual(['ilo', 'el-algarrobal', 'pacocha']);
    expect(m[0]).toMatchObject({ kind: 'provincial', province: { name: 'Ilo' }, region: { name: 'Moquegua' } });
    const one = (await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo' })).json();
    expect(one.municipality.name).toBe('Municipalidad Provincial de Ilo');
    expect(Array.isArray(one.processes)).toBe(true);
  });
});

describe('API documentation', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp('sqlite', { seed: false }); });
  afterAll(async () => { await t.close(); });

  it('publishes the OpenAPI document and browsable docs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/signin', '/api/municipalities/{slug}']));
    expect(doc.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('dni');
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('answers an unknown API path with a coded 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Not found: GET /api/nothing-here.' });
  });
});

describe.each(testDialects())('roles per municipality on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  it('lets the administrator grant and take away roles, with reasons, in their municipality only', async () => {
    const admin = await signIn(t.app, 'admin@ilo.gob.pe');
    const signup = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { name: 'Nora Vizcarra', dni: '42424242', password: 'clave-de-nora-2026' } });
    const noraId = signup.json().user.id;
    const grant = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/members', headers: as(admin), payload: { login: '42424242', role: 'facilitator', reason: 'voluntaria de CEOP Ilo' } });
    expect(grant.statusCode).toBe(200);
    expect(grant.json()).toMatchObject({ userId: noraId, roles: ['facilitator'] });
    const nora = await signIn(t.app, '42424242', 'clave-de-nora-2026');
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: as(nora) })).json();
    expect(me.user.roles).toEqual([expect.objectContaining({ municipalitySlug: 'ilo', role: 'facilitator' })]);
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/municipalities/pacocha/members', headers: as(admin), payload: { login: '42424242', role: 'administrator', reason: 'intento fuera de Ilo' } });
    expect(elsewhere.statusCode).toBe(403);
    const byNora = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/members', headers: as(nora), payload: { login: '42424242', role: 'administrator', reason: 'quiero ser admin' } });
    expect(byNora.statusCode).toBe(403);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/members', headers: as(admin), payload: { login: 'nadie@ilo.gob.pe', role: 'facilitator', reason: 'no existe esta cuenta' } });
    expect(unknown.json().error).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'login' });
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/municipalities/ilo/members/${noraId}/roles/facilitator`, headers: as(admin), payload: { reason: 'terminó el voluntariado' } });
    expect(revoke.statusCode).toBe(204);
    const own = await t.app.inject({ method: 'DELETE', url: `/api/municipalities/ilo/members/${admin.userId}/roles/administrator`, headers: as(admin), payload: { reason: 'me retiro del cargo' } });
    expect(own.statusCode).toBe(403);
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'reason']).where('entity_id', '=', noraId).where('action', 'like', 'membership.%').orderBy('seq').execute();
    expect(audit).toEqual([{ action: 'membership.grant', reason: 'voluntaria de CEOP Ilo' }, { action: 'membership.revoke', reason: 'terminó el voluntariado' }]);
  });
});
