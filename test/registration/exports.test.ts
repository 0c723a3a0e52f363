import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { csvOf, pdfOf } from '../support/downloads.ts';
import { accountWithRole, insertAgent, insertOrganization } from '../training/registrations.ts';
import { allPages } from '../../src/shared/export.ts';

/** 263 agents: more than any page of the staff lists, as in the registry that printed only 60. */
const AGENTS = 263;

describe('allPages', () => {
  it('reads a paged query to its end, whatever the page size', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => i);
    for (const size of [1, 7, 23, 50]) expect(await allPages(async (limit, offset) => rows.slice(offset, offset + limit), size)).toEqual(rows);
  });
});

describe.each(testDialects())('registry downloads on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let facilitator: Agent;
  let citizen: Agent;
  let foreignStaff: Agent;
  let iloId: string;
  let processId: string;
  let base: string;
  const dnis: string[] = [];
  const names: string[] = [];

  const get = (url: string, who: Agent | null, lang: 'es' | 'en' = 'es') => t.app.inject({ method: 'GET', url, headers: who ? as(who, lang) : { 'accept-language': lang } });
  const exportsAudited = async () => t.db.db.selectFrom('audit_log').select(['action', 'actor_id', 'entity_id', 'data'])
    .where('scope', '=', iloId).where('action', '=', 'registration.export').orderBy('seq').execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    iloId = await municipalityId(t.db);
    await accountWithRole(t.app, t.db, { name: 'Vecina Sin Rol', email: 'vecina@example.pe' });
    citizen = await signIn(t.app, 'vecina@example.pe', 'una-clave-larga');
    await accountWithRole(t.app, t.db, { name: 'Admin de Pacocha', email: 'admin@pacocha.gob.pe', role: 'administrator', municipalityId: await municipalityId(t.db, 'pacocha') });
    foreignStaff = await signIn(t.app, 'admin@pacocha.gob.pe', 'una-clave-larga');
    const zones = await zoneIds(t.db);
    ({ processId } = await createProcessFixture(t.db));
    base = `/api/municipalities/ilo/processes/${processId}`;
    const org = await insertOrganization(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, name: 'Junta Vecinal Pampa Inalámbrica' });
    for (let i = 0; i < 4; i++) await insertOrganization(t.db, { municipalityId: iloId, processId, zoneId: zones[i % zones.length]!.id, status: i === 3 ? 'pending' : 'approved' });
    for (let i = 0; i < AGENTS; i++) {
      const a = await insertAgent(t.db, {
        municipalityId: iloId, processId, zoneId: zones[i % zones.length]!.id, fullName: `Agente Ñuñez ${String(i + 1).padStart(3, '0')}`,
        status: i < 200 ? 'approved' : i < 240 ? 'pending' : 'rejected', phone: i % 3 === 0 ? `9${String(10_000_000 + i)}` : null,
        email: i % 4 === 0 ? `agente${i}@example.pe` : null, organizationId: i === 5 ? org : null, delegateRole: i === 5 ? 'titular' : null,
      });
      dnis.push(a.dni);
      names.push(a.fullName);
    }
    // Another process's agents never leak into this one's registry.
    const other = await createProcessFixture(t.db, { fiscalYear: 2031 });
    await insertAgent(t.db, { municipalityId: iloId, processId: other.processId, zoneId: zones[0]!.id, fullName: 'Persona De Otro Proceso' });
  });
  afterAll(async () => { await t.close(); });

  it('gives staff every agent as CSV with DNI and contact, Spanish or English headers, audited', async () => {
    const before = (await exportsAudited()).length;
    const es = csvOf(await get(`${base}/agents.csv`, facilitator));
    expect(es.head).toEqual(['Nombres y apellidos', 'DNI', 'Sexo', 'Rango de edad', 'Zona', 'Organización', 'Delegado', 'Teléfono', 'Correo', 'Estado',
      'Motivo de la decisión', 'Decidida el', 'Origen', 'Inscrita el']);
    const inDb = await t.db.db.selectFrom('agents').select(['dni', 'full_name', 'email']).where('municipality_id', '=', iloId).where('process_id', '=', processId).execute();
    expect(inDb).toHaveLength(AGENTS);
    expect(es.rows).toHaveLength(inDb.length);
    expect(new Set(es.rows.map((r) => r[1]))).toEqual(new Set(inDb.map((a) => a.dni)));
    expect(es.rows.map((r) => r[0])).not.toContain('Persona De Otro Proceso');
    const sixth = es.rows.find((r) => r[0] === names[5])!;
    expect(sixth).toEqual(expect.arrayContaining(['Junta Vecinal Pampa Inalámbrica', 'Titular', 'Aprobada']));
    expect(es.rows.find((r) => r[0] === names[4])![8]).toBe('agente4@example.pe');
    const en = csvOf(await get(`${base}/agents.csv`, admin, 'en'));
    expect(en.head.slice(0, 3)).toEqual(['Full name', 'DNI', 'Sex']);
    expect(en.rows).toHaveLength(AGENTS);
    expect(en.rows.find((r) => r[0] === names[210])![9]).toBe('Pending');
    const approved = csvOf(await get(`${base}/agents.csv?status=approved`, admin));
    expect(approved.rows).toHaveLength(200);
    const audit = (await exportsAudited()).slice(before);
    expect(audit.map((a) => [a.action, a.actor_id, a.entity_id])).toEqual([
      ['registration.export', facilitator.userId, processId], ['registration.export', admin.userId, processId], ['registration.export', admin.userId, processId],
    ]);
    expect(JSON.parse(String(audit[0]!.data))).toMatchObject({ what: 'agents', format: 'csv', agents: AGENTS, organizations: 0 });
  });

  it('gives staff every organization as CSV', async () => {
    const { head, rows } = csvOf(await get(`${base}/organizations.csv`, facilitator));
    expect(head.slice(0, 3)).toEqual(['Nombre', 'Tipo', 'Partida registral']);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r[0])).toContain('Junta Vecinal Pampa Inalámbrica');
    expect(rows.find((r) => r[0] === 'Junta Vecinal Pampa Inalámbrica')![1]).toBe('Comité vecinal');
  });

  it('gives staff the registry as a PDF: every agent and organization, numbered, headers and page numbers on every page, audited', async () => {
    const before = (await exportsAudited()).length;
    const pdf = await pdfOf(await get(`${base}/registry.pdf`, facilitator));
    expect(pdf.title).toBe('Registro de agentes participantes y organizaciones 2027');
    expect(pdf.pages).toBeGreaterThan(4);
    const text = pdf.text.join('\n');
    for (const n of [names[0]!, names[131]!, names[AGENTS - 1]!, 'Junta Vecinal Pampa Inalámbrica']) expect(text).toContain(n);
    expect(pdf.text).toContain(`Agentes participantes (${AGENTS})`);
    expect(pdf.text).toContain(`Página 1 de ${pdf.pages}`);
    expect(pdf.text).toContain(`Página ${pdf.pages} de ${pdf.pages}`);
    // The table's head opens every page of the agents' table.
    expect(pdf.text.filter((s) => s === 'Nombres y apellidos').length).toBeGreaterThanOrEqual(pdf.pages - 1);
    const en = await pdfOf(await get(`${base}/registry.pdf`, admin, 'en'));
    expect(en.text).toContain(`Participating agents (${AGENTS})`);
    expect(en.text).toContain(`Page 1 of ${en.pages}`);
    const audit = (await exportsAudited()).slice(before);
    expect(audit).toHaveLength(2);
    expect(JSON.parse(String(audit[0]!.data))).toMatchObject({ what: 'registry', format: 'pdf', agents: AGENTS, organizations: 5 });
  });

  it('refuses the staff downloads to a citizen, to another municipality\'s staff and to anyone signed out, nothing audited', async () => {
    const before = (await exportsAudited()).length;
    for (const path of ['agents.csv', 'organizations.csv', 'registry.pdf']) {
      expect((await get(`${base}/${path}`, citizen)).statusCode, path).toBe(403);
      expect((await get(`${base}/${path}`, foreignStaff)).statusCode, path).toBe(403);
      expect((await get(`${base}/${path}`, null)).statusCode, path).toBe(401);
    }
    // Another municipality's staff cannot reach Ilo's process through their own municipality either.
    expect((await get(`/api/municipalities/pacocha/processes/${processId}/agents.csv`, foreignStaff)).statusCode).toBe(404);
    expect(await exportsAudited()).toHaveLength(before);
  });

  it('gives anyone the public registry as CSV: every row, nothing personal, nothing audited', async () => {
    const before = (await exportsAudited()).length;
    const res = await get(`${base}/registry.csv`, null);
    const { head, rows } = csvOf(res);
    expect(res.headers['content-disposition']).toContain('registro-publico-2027.csv');
    expect(head).toEqual(['Tipo de inscripción', 'Nombre', 'Tipo de organización', 'Partida registral', 'Delegado de', 'Zona', 'Estado',
      'Motivo de la decisión', 'Decidida el', 'Inscrita el']);
    expect(rows).toHaveLength(AGENTS + 5);
    const cells = new Set(rows.flat());
    expect(dnis.filter((d) => cells.has(d))).toEqual([]);
    expect([...cells].filter((c) => c.includes('@') || /^9\d{8}$/.test(c))).toEqual([]);
    const en = csvOf(await get(`${base}/registry.csv?kind=individual`, null, 'en'));
    expect(en.head[0]).toBe('Kind');
    expect(en.rows).toHaveLength(AGENTS);
    expect(await exportsAudited()).toHaveLength(before);
  });

  it('keeps a cell that starts like a formula from running in a spreadsheet', async () => {
    const zones = await zoneIds(t.db);
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, fullName: '=HYPERLINK("http://x","y")' });
    const { rows } = csvOf(await get(`${base}/agents.csv`, admin));
    expect(rows.map((r) => r[0])).toContain(`'=HYPERLINK("http://x","y")`);
  });
});
