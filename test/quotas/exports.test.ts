import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { csvOf, pdfOf } from '../support/downloads.ts';
import { insertAgent } from '../training/registrations.ts';

describe.each(testDialects())('quota page downloads on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let base: string;
  let iloId: string;
  const elected: { fullName: string; dni: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    iloId = await municipalityId(t.db);
    const zones = await zoneIds(t.db);
    const { processId } = await createProcessFixture(t.db);
    base = `/api/municipalities/ilo/processes/${processId}`;
    for (const [fullName, sex] of [['Carmen Quispe Ñahui', 'female'], ['Luis Ramos Apaza', 'male'], ['Rosa Cutipa Mamani', 'female']] as const) {
      const a = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, fullName, sex });
      const res = await t.app.inject({ method: 'POST', url: `${base}/bodies/directive_committee/members`, headers: as(admin), payload: { agentId: a.id } });
      expect(res.statusCode, res.body).toBe(201);
      elected.push(a);
    }
  });
  afterAll(async () => { await t.close(); });

  it('gives the bodies and the committees\' members as CSV, as the public page shows them, in both languages', async () => {
    const page = (await t.app.inject({ method: 'GET', url: `${base}/quotas` })).json();
    const bodies = csvOf(await t.app.inject({ method: 'GET', url: `${base}/quotas.csv` }));
    expect(bodies.head).toEqual(['Órgano', 'Puestos', 'Ocupados', 'Mujeres', 'Hombres', 'Mínimo de mujeres', 'Cuota']);
    expect(bodies.rows).toHaveLength(page.bodies.length);
    const directive = bodies.rows.find((r) => r[0] === 'Comité directivo')!;
    const fromPage = page.bodies.find((b: { kind: string }) => b.kind === 'directive_committee');
    expect(directive.slice(1, 6)).toEqual([fromPage.seats, fromPage.filled, fromPage.women, fromPage.men, fromPage.minWomen].map(String));
    const members = csvOf(await t.app.inject({ method: 'GET', url: `${base}/quota-members.csv?lang=en` }));
    expect(members.head).toEqual(['Body', 'Full name', 'Sex', 'Organization', 'Elected on']);
    const inDb = await t.db.db.selectFrom('body_members').select('agent_id').where('municipality_id', '=', iloId).execute();
    expect(members.rows).toHaveLength(inDb.length);
    expect(members.rows.map((r) => r[1]).sort()).toEqual(elected.map((e) => e.fullName).sort());
    expect(members.rows.find((r) => r[1] === 'Luis Ramos Apaza')!.slice(0, 3)).toEqual(['Directive committee', 'Luis Ramos Apaza', 'Man']);
    // Nothing beyond the public page: no DNI.
    const cells = new Set(members.rows.flat());
    expect(elected.filter((e) => cells.has(e.dni))).toEqual([]);
  });

  it('gives the quota page as a PDF with every member', async () => {
    const pdf = await pdfOf(await t.app.inject({ method: 'GET', url: `${base}/quotas.pdf`, headers: as(admin) }));
    expect(pdf.title).toBe('Cuotas de representación 2027');
    for (const e of elected) expect(pdf.text).toContain(e.fullName);
    expect(pdf.text).toContain('Integrantes de los comités (3)');
    expect(pdf.text).toContain('Página 1 de 1');
    const en = await pdfOf(await t.app.inject({ method: 'GET', url: `${base}/quotas.pdf?lang=en` }));
    expect(en.text).toContain('Committee members (3)');
    expect((await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/processes/no-such-process/quotas.pdf' })).statusCode).toBe(404);
  });
});
