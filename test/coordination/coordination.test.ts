import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { municipalityId, rowCounts } from '../support/fixtures.ts';
import { SAMPLES, multipartBody } from '../files/multipart.ts';
import { coordinationFixture, type FixtureProject } from './projects.ts';
import { localDate, addDays, now } from '../../src/shared/clock.ts';

type Project = {
  number: number; status: string; reach: string; reachAllowedByCost: string;
  agreements: { id: string; partyName: string; withdrawal: null | { reason: string; byName: string } }[];
  financing: { costCents: number; municipalityCents: number; totalCents: number; gapCents: number; sources: { source: string; amountCents: number }[] };
};

describe.each(testDialects())('Coordination on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent, facilitator: Agent;
  let processId: string;
  let projects: Record<string, FixtureProject>;
  let base: string;
  let documentId: string;
  const tables = ['coordination_agreements', 'coordination_reach'] as const;

  const send = (method: 'POST' | 'PUT', who: Agent | null, path: string, payload: unknown, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method, url: path, headers: who ? as(who, lang) : { 'accept-language': lang }, payload: payload as object });
  const project = (c: { projects: Project[] }, name: string) => c.projects.find((p) => p.number === projects[name]!.number)!;
  const agreement = (over: Record<string, unknown> = {}) => ({
    partyKind: 'regional_government', partyName: 'Gobierno Regional de Moquegua', amountCents: 50_000_00, contribution: 'money',
    conditions: 'Transferencia en dos armadas.\nSupervisión conjunta.', documentFileId: documentId, signedOn: addDays(localDate(), -2), ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    ({ processId, projects } = await coordinationFixture(t.db, async (url, payload) => {
      const res = await t.app.inject({ method: 'POST', url, headers: as(facilitator), payload });
      return { status: res.statusCode, body: res.body };
    }, facilitator.userId));
    base = `/api/municipalities/ilo/processes/${processId}/coordination`;
    const up = multipartBody([{ name: 'file', filename: 'convenio.pdf', content: SAMPLES.pdf, contentType: 'application/pdf' }]);
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/files', payload: up.payload, headers: { ...as(admin), ...up.headers } });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    documentId = uploaded.json().id;
  });
  afterAll(async () => { await t.close(); });

  it('lists the funded projects and alternates with their financing: the municipality closes a funded project, an alternate shows its gap', async () => {
    const res = await t.app.inject({ method: 'GET', url: base });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.thresholds).toEqual({ provincialMinCents: 1_200_000_00, regionalMinCents: 3_000_000_00 });
    expect(c.projects.map((p: Project) => [p.number, p.status])).toEqual([
      [projects.pistas!.number, 'funded'], [projects.aulas!.number, 'funded'], [projects.agua!.number, 'alternate'],
    ]);
    expect(project(c, 'pistas').financing).toMatchObject({ costCents: 150_000_00, municipalityCents: 140_000_00, totalCents: 150_000_00, gapCents: 0 });
    expect(project(c, 'pistas').financing.sources.map((s) => [s.source, s.amountCents])).toEqual([['participatory_budget', 140_000_00], ['pledge', 10_000_00]]);
    expect(project(c, 'agua').financing).toMatchObject({ municipalityCents: 0, totalCents: 0, gapCents: 120_000_00 });
    expect(project(c, 'agua')).toMatchObject({ reach: 'district', reachAllowedByCost: 'district' });
  });

  it('refuses bad agreements with a coded error in the request language, writing nothing', async () => {
    const before = await rowCounts(t.db, tables);
    const url = `${base}/projects/${projects.agua!.id}/agreements`;
    const zero = await send('POST', admin, url, agreement({ amountCents: 0 }), 'en');
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error).toMatchObject({ code: 'VALIDATION', field: 'amountCents' });
    const negative = await send('POST', admin, url, agreement({ amountCents: -5 }));
    expect(negative.json().error).toMatchObject({ code: 'VALIDATION', field: 'amountCents' });
    const over = await send('POST', admin, url, agreement({ amountCents: 120_000_01 }), 'en');
    expect(over.json().error).toMatchObject({ code: 'AGREEMENT_OVER_COST', field: 'amountCents' });
    expect(over.json().error.message).toContain('exceeds the adjusted cost');
    const future = await send('POST', admin, url, agreement({ signedOn: addDays(localDate(), 3) }));
    expect(future.json().error).toMatchObject({ code: 'AGREEMENT_SIGNED_LATER', field: 'signedOn' });
    const pacocha = await municipalityId(t.db, 'pacocha');
    await t.db.db.insertInto('files').values({
      municipality_id: pacocha, id: 'foreign-file', filename: 'otro.pdf', content_type: 'application/pdf', size_bytes: 10, sha256: 'x',
      content: Buffer.from('%PDF-1.4'), uploaded_at: now(), uploaded_by: admin.userId,
    }).execute();
    const foreign = await send('POST', admin, url, agreement({ documentFileId: 'foreign-file' }));
    expect(foreign.json().error).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'documentFileId' });
    const notProject = await send('POST', admin, `${base}/projects/${projects.muro!.id}/agreements`, agreement({ amountCents: 1_000_00 }));
    expect(notProject.json().error).toMatchObject({ code: 'COORDINATION_NOT_A_PROJECT', field: 'proposalId' });
    const badKind = await send('POST', admin, url, agreement({ partyKind: 'ministry' }));
    expect(badKind.json().error).toMatchObject({ code: 'VALIDATION', field: 'partyKind' });
    expect((await send('POST', facilitator, url, agreement())).statusCode).toBe(403);
    expect((await send('POST', null, url, agreement())).statusCode).toBe(401);
    expect((await send('PUT', facilitator, `${base}/projects/${projects.agua!.id}/reach`, { reach: 'regional', reason: 'abarca dos provincias' })).statusCode).toBe(403);
    expect(await rowCounts(t.db, tables)).toEqual(before);
  });

  it('an agreement closes an alternate\'s gap; withdrawn, it stays on record and the gap opens again; never withdrawn twice', async () => {
    const added = await send('POST', admin, `${base}/projects/${projects.agua!.id}/agreements`, agreement({ amountCents: 120_000_00 }));
    expect(added.statusCode, added.body).toBe(201);
    const agua = project(added.json(), 'agua');
    expect(agua.financing).toMatchObject({ municipalityCents: 0, totalCents: 120_000_00, gapCents: 0 });
    expect(agua.agreements[0]).toMatchObject({ partyName: 'Gobierno Regional de Moquegua', withdrawal: null });
    // The signed agreement is public once recorded.
    expect((await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/files/${documentId}` })).statusCode).toBe(200);
    const id = agua.agreements[0]!.id;
    const noReason = await send('POST', admin, `${base}/agreements/${id}/withdrawal`, { reason: '' });
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    const withdrawn = await send('POST', admin, `${base}/agreements/${id}/withdrawal`, { reason: 'el gobierno regional no ratificó el convenio' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const after = project(withdrawn.json(), 'agua');
    expect(after.financing.gapCents).toBe(120_000_00);
    expect(after.agreements[0]!.withdrawal).toMatchObject({ reason: 'el gobierno regional no ratificó el convenio', byName: expect.any(String) });
    const before = await rowCounts(t.db, tables);
    const again = await send('POST', admin, `${base}/agreements/${id}/withdrawal`, { reason: 'otra vez por error' }, 'en');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'AGREEMENT_ALREADY_WITHDRAWN' });
    expect(again.json().error.message).toBe('The agreement with Gobierno Regional de Moquegua was already withdrawn.');
    expect(await rowCounts(t.db, tables)).toEqual(before);
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'reason', 'actor_id']).where('action', 'like', 'coordination.%').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['coordination.add_agreement', 'coordination.withdraw_agreement']);
    expect(audit[1]).toMatchObject({ reason: 'el gobierno regional no ratificó el convenio', actor_id: admin.userId });
  });

  it('holds Coordination while a project of wider reach lacks its agreement, or a funded project is over-financed, naming them', async () => {
    const reach = await send('PUT', admin, `${base}/projects/${projects.aulas!.id}/reach`, { reach: 'provincial', reason: 'el colegio atiende a tres distritos de la provincia' });
    expect(reach.statusCode, reach.body).toBe(200);
    expect(project(reach.json(), 'aulas')).toMatchObject({ reach: 'provincial', reachSet: { reason: 'el colegio atiende a tres distritos de la provincia' } });
    const phase = `/api/municipalities/ilo/processes/${processId}/phase`;
    let check = (await t.app.inject({ method: 'GET', url: phase, headers: as(admin, 'en') })).json();
    expect(check.failures.map((f: { code: string }) => f.code)).toContain('REACH_WITHOUT_AGREEMENT');
    expect(check.failures.find((f: { code: string }) => f.code === 'REACH_WITHOUT_AGREEMENT').message).toContain(`no. ${projects.aulas!.number}`);
    // An agreement with the regional government is not the provincial one the reach asks for.
    await send('POST', admin, `${base}/projects/${projects.aulas!.id}/agreements`, agreement({ amountCents: 30_000_00 }));
    check = (await t.app.inject({ method: 'GET', url: phase, headers: as(admin, 'en') })).json();
    expect(check.failures.map((f: { code: string }) => f.code)).toContain('REACH_WITHOUT_AGREEMENT');
    const provincial = await send('POST', admin, `${base}/projects/${projects.aulas!.id}/agreements`, agreement({ partyKind: 'provincial_municipality', partyName: 'Municipalidad Provincial de Ilo', amountCents: 70_000_00, contribution: 'in_kind' }));
    const aulas = project(provincial.json(), 'aulas');
    // S/ 100,000 agreed against S/ 90,000: over-financed by S/ 10,000, shown as a negative gap.
    expect(aulas.financing).toMatchObject({ municipalityCents: 0, totalCents: 100_000_00, gapCents: -10_000_00 });
    check = (await t.app.inject({ method: 'GET', url: phase, headers: as(admin, 'es') })).json();
    const codes = check.failures.map((f: { code: string }) => f.code);
    expect(codes).not.toContain('REACH_WITHOUT_AGREEMENT');
    expect(codes).toContain('FINANCING_NOT_BALANCED');
    expect(check.failures.find((f: { code: string }) => f.code === 'FINANCING_NOT_BALANCED').message).toContain(`N.° ${projects.aulas!.number}`);
    const first = aulas.agreements.find((a) => a.partyName === 'Gobierno Regional de Moquegua')!;
    await send('POST', admin, `${base}/agreements/${first.id}/withdrawal`, { reason: 'se reemplaza por el convenio provincial' });
    check = (await t.app.inject({ method: 'GET', url: phase, headers: as(admin) })).json();
    expect(check.failures.map((f: { code: string }) => f.code)).not.toContain('FINANCING_NOT_BALANCED');
  });

  it('takes agreements and reach in Coordination only', async () => {
    await t.db.db.updateTable('processes').set({ phase: 'formalization' }).where('id', '=', processId).execute();
    const before = await rowCounts(t.db, tables);
    const late = await send('POST', admin, `${base}/projects/${projects.agua!.id}/agreements`, agreement(), 'en');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('Agreements and the reach of projects are recorded during Coordination (current phase: Formalization).');
    const reach = await send('PUT', admin, `${base}/projects/${projects.agua!.id}/reach`, { reach: 'regional', reason: 'abarca dos provincias' });
    expect(reach.json().error).toMatchObject({ code: 'COORDINATION_NOT_OPEN' });
    expect(await rowCounts(t.db, tables)).toEqual(before);
    await t.db.db.updateTable('processes').set({ phase: 'coordination' }).where('id', '=', processId).execute();
  });
});
