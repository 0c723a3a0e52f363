import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { csvOf, pdfOf } from '../support/downloads.ts';
import { accountWithRole, inMinutes, insertAgent } from './registrations.ts';
import { WALK_IN_ROWS } from '../../src/attendance/attendance-export.ts';

/** As many approved agents as the session whose printout showed 60 of them. */
const EXPECTED = 263;

describe.each(testDialects())('training session downloads on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let facilitator: Agent;
  let citizen: Agent;
  let foreignStaff: Agent;
  let iloId: string;
  let processId: string;
  let base: string;
  let sessionId: string;
  let zoneSessionId: string;
  let zones: { id: string; name: string }[];
  const names: string[] = [];
  const attended: string[] = [];

  const get = (url: string, who: Agent | null, lang: 'es' | 'en' = 'es') => t.app.inject({ method: 'GET', url, headers: who ? as(who, lang) : { 'accept-language': lang } });
  const exportsAudited = () => t.db.db.selectFrom('audit_log').select(['actor_id', 'entity_id', 'data']).where('scope', '=', iloId).where('action', '=', 'training.export').orderBy('seq').execute();

  async function newSession(zoneId: string | null): Promise<string> {
    const res = await t.app.inject({
      method: 'POST', url: base, headers: as(admin),
      payload: { topic: 'Presupuesto participativo: roles y reglas', place: 'Local comunal de Pampa Inalámbrica', startsAt: inMinutes(-30), endsAt: inMinutes(90), facilitatorUserId: facilitator.userId, zoneId, allowDuplicate: true },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().session.id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    iloId = await municipalityId(t.db);
    await accountWithRole(t.app, t.db, { name: 'Vecina Sin Rol', email: 'vecina@example.pe' });
    citizen = await signIn(t.app, 'vecina@example.pe', 'una-clave-larga');
    await accountWithRole(t.app, t.db, { name: 'Facilitador de Pacocha', email: 'fac@pacocha.gob.pe', role: 'facilitator', municipalityId: await municipalityId(t.db, 'pacocha') });
    foreignStaff = await signIn(t.app, 'fac@pacocha.gob.pe', 'una-clave-larga');
    zones = await zoneIds(t.db);
    ({ processId } = await createProcessFixture(t.db));
    base = `/api/municipalities/ilo/processes/${processId}/trainings`;
    for (let i = 0; i < EXPECTED; i++) {
      const a = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[i % 2]!.id, fullName: `Participante Peña ${String(i + 1).padStart(3, '0')}` });
      names.push(a.fullName);
      if (i % 4 === 0) attended.push(a.id);
    }
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, fullName: 'Persona Aún Pendiente', status: 'pending' });
    sessionId = await newSession(null);
    zoneSessionId = await newSession(zones[1]!.id);
    const rec = await t.app.inject({ method: 'POST', url: `${base}/${sessionId}/attendance`, headers: as(facilitator), payload: { agentIds: attended } });
    expect(rec.statusCode, rec.body).toBe(200);
  });
  afterAll(async () => { await t.close(); });

  it('shows staff the sheet to print: every approved agent expected (of the zone, for a zone session)', async () => {
    const res = await get(`${base}/${sessionId}/sheet`, facilitator);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json();
    expect(sheet.agents).toHaveLength(EXPECTED);
    expect(sheet.agents.map((a: { fullName: string }) => a.fullName)).not.toContain('Persona Aún Pendiente');
    expect(sheet).toMatchObject({ municipalityName: expect.any(String), process: { id: processId, fiscalYear: 2027 }, session: { id: sessionId, facilitator: { name: expect.any(String) } } });
    const zoned = (await get(`${base}/${zoneSessionId}/sheet`, admin)).json();
    const inZone = await t.db.db.selectFrom('agents').select('id').where('process_id', '=', processId).where('status', '=', 'approved').where('zone_id', '=', zones[1]!.id).execute();
    expect(zoned.agents).toHaveLength(inZone.length);
  });

  it('prints the sheet as a PDF: every agent expected, blank rows for walk-ins, heading and page numbers on each page, audited', async () => {
    const before = (await exportsAudited()).length;
    const pdf = await pdfOf(await get(`${base}/${sessionId}/sheet.pdf`, facilitator));
    expect(pdf.title).toBe('Hoja de asistencia: Presupuesto participativo: roles y reglas');
    expect(pdf.pages).toBeGreaterThan(5);
    for (const n of [names[0]!, names[59]!, names[60]!, names[EXPECTED - 1]!]) expect(pdf.text).toContain(n);
    // Numbered rows: the agents, then the blank ones for walk-ins.
    expect(pdf.text).toContain(String(EXPECTED + WALK_IN_ROWS));
    expect(pdf.text).not.toContain(String(EXPECTED + WALK_IN_ROWS + 1));
    expect(pdf.text).toContain('Otros asistentes (escriba nombre y DNI)');
    expect(pdf.text.filter((s) => s === 'Firma').length).toBeGreaterThanOrEqual(pdf.pages);
    expect(pdf.text.filter((s) => s === 'Hoja de asistencia: Presupuesto participativo: roles y reglas').length).toBeGreaterThanOrEqual(pdf.pages);
    expect(pdf.text).toContain(`Página ${pdf.pages} de ${pdf.pages}`);
    expect(pdf.text.join(' ')).toContain('Facilita:');
    const en = await pdfOf(await get(`${base}/${sessionId}/sheet.pdf`, admin, 'en'));
    expect(en.title).toBe('Attendance sheet: Presupuesto participativo: roles y reglas');
    expect(en.text).toContain('Signature');
    const audit = (await exportsAudited()).slice(before);
    expect(audit.map((a) => [a.actor_id, a.entity_id])).toEqual([[facilitator.userId, sessionId], [admin.userId, sessionId]]);
    expect(JSON.parse(String(audit[0]!.data))).toMatchObject({ what: 'sheet', format: 'pdf', rows: EXPECTED });
  });

  it('gives staff who attended as CSV and PDF, every attendee, audited', async () => {
    const before = (await exportsAudited()).length;
    const csv = csvOf(await get(`${base}/${sessionId}/attendance.csv`, facilitator));
    expect(csv.head).toEqual(['N.º', 'Nombres y apellidos', 'DNI', 'Zona', 'Organización', 'Registro', 'Registrado el', 'Registrado por']);
    const inDb = await t.db.db.selectFrom('training_attendance').select('agent_id').where('municipality_id', '=', iloId).where('session_id', '=', sessionId).execute();
    expect(csv.rows).toHaveLength(inDb.length);
    expect(csv.rows).toHaveLength(attended.length);
    expect(csv.rows[0]![5]).toBe('Lista del facilitador');
    const en = csvOf(await get(`${base}/${sessionId}/attendance.csv`, facilitator, 'en'));
    expect(en.head[1]).toBe('Full name');
    expect(en.rows[0]![5]).toBe("Facilitator's checklist");
    const pdf = await pdfOf(await get(`${base}/${sessionId}/attendance.pdf`, admin));
    expect(pdf.text).toContain(`Asistentes (${attended.length})`);
    expect(pdf.text).toContain(names[0]!);
    expect(pdf.text).not.toContain(names[1]!);
    const audit = (await exportsAudited()).slice(before);
    expect(audit.map((a) => JSON.parse(String(a.data)))).toEqual([
      { processId, what: 'attendance', format: 'csv', rows: attended.length },
      { processId, what: 'attendance', format: 'csv', rows: attended.length },
      { processId, what: 'attendance', format: 'pdf', rows: attended.length },
    ]);
  });

  it('refuses them to a citizen, to another municipality\'s staff and to anyone signed out, nothing audited', async () => {
    const before = (await exportsAudited()).length;
    for (const path of ['sheet', 'sheet.pdf', 'attendance.csv', 'attendance.pdf']) {
      expect((await get(`${base}/${sessionId}/${path}`, citizen)).statusCode, path).toBe(403);
      expect((await get(`${base}/${sessionId}/${path}`, foreignStaff)).statusCode, path).toBe(403);
      expect((await get(`${base}/${sessionId}/${path}`, null)).statusCode, path).toBe(401);
    }
    expect((await get(`${base}/no-such-session/attendance.csv`, admin)).statusCode).toBe(404);
    expect(await exportsAudited()).toHaveLength(before);
  });
});
