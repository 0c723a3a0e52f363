import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { csvOf, pdfOf } from '../support/downloads.ts';
import { accountWithRole, inMinutes, insertAgent } from '../training/registrations.ts';
import { WALK_IN_ROWS } from '../../src/attendance/attendance-export.ts';

const EXPECTED = 90;

describe.each(testDialects())('workshop downloads on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let facilitator: Agent;
  let citizen: Agent;
  let foreignStaff: Agent;
  let iloId: string;
  let base: string;
  let workshopId: string;
  const names: string[] = [];
  const attended: string[] = [];

  const get = (url: string, who: Agent | null, lang: 'es' | 'en' = 'es') => t.app.inject({ method: 'GET', url, headers: who ? as(who, lang) : { 'accept-language': lang } });
  const exportsAudited = () => t.db.db.selectFrom('audit_log').select(['actor_id', 'entity_id', 'data']).where('scope', '=', iloId).where('action', '=', 'workshop.export').orderBy('seq').execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    iloId = await municipalityId(t.db);
    await accountWithRole(t.app, t.db, { name: 'Vecino Sin Rol', email: 'vecino@example.pe' });
    citizen = await signIn(t.app, 'vecino@example.pe', 'una-clave-larga');
    await accountWithRole(t.app, t.db, { name: 'Admin de Pacocha', email: 'admin@pacocha.gob.pe', role: 'administrator', municipalityId: await municipalityId(t.db, 'pacocha') });
    foreignStaff = await signIn(t.app, 'admin@pacocha.gob.pe', 'una-clave-larga');
    const zones = await zoneIds(t.db);
    const { processId } = await createProcessFixture(t.db, { phase: 'concertation' });
    base = `/api/municipalities/ilo/processes/${processId}/workshops`;
    for (let i = 0; i < EXPECTED; i++) {
      const a = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, fullName: `Vecina Muñoz ${String(i + 1).padStart(3, '0')}` });
      names.push(a.fullName);
      if (i % 3 === 0) attended.push(a.id);
    }
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[3]!.id, fullName: 'Vecino de Otra Zona' });
    const res = await t.app.inject({
      method: 'POST', url: base, headers: as(facilitator),
      payload: { title: 'Taller de la zona Cercado', agenda: '1. Asistencia', place: 'Auditorio municipal', startsAt: inMinutes(-60), endsAt: inMinutes(60), zoneId: zones[0]!.id },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    workshopId = res.json().id;
    const rec = await t.app.inject({ method: 'POST', url: `${base}/${workshopId}/attendance`, headers: as(facilitator), payload: { agentIds: attended } });
    expect(rec.statusCode, rec.body).toBe(200);
  });
  afterAll(async () => { await t.close(); });

  it('prints the sheet: every agent of the zone expected, blank rows for walk-ins, page numbers, in both languages, audited', async () => {
    const before = (await exportsAudited()).length;
    const es = await pdfOf(await get(`${base}/${workshopId}/sheet.pdf`, facilitator));
    expect(es.title).toBe('Hoja de asistencia: Taller de la zona Cercado');
    for (const n of [names[0]!, names[EXPECTED - 1]!]) expect(es.text).toContain(n);
    expect(es.text).not.toContain('Vecino de Otra Zona');
    expect(es.text).toContain(String(EXPECTED + WALK_IN_ROWS));
    expect(es.text).toContain(`Página ${es.pages} de ${es.pages}`);
    expect(es.text.filter((s) => s === 'Firma').length).toBeGreaterThanOrEqual(es.pages);
    const en = await pdfOf(await get(`${base}/${workshopId}/sheet.pdf`, admin, 'en'));
    expect(en.title).toBe('Attendance sheet: Taller de la zona Cercado');
    expect(en.text).toContain(`Page 1 of ${en.pages}`);
    const audit = (await exportsAudited()).slice(before);
    expect(audit.map((a) => [a.actor_id, a.entity_id, JSON.parse(String(a.data)).what])).toEqual([[facilitator.userId, workshopId, 'sheet'], [admin.userId, workshopId, 'sheet']]);
  });

  it('gives staff who attended as CSV and PDF, every attendee, audited', async () => {
    const before = (await exportsAudited()).length;
    const csv = csvOf(await get(`${base}/${workshopId}/attendance.csv`, facilitator));
    const inDb = await t.db.db.selectFrom('workshop_attendance').select('agent_id').where('municipality_id', '=', iloId).where('session_id', '=', workshopId).execute();
    expect(csv.rows).toHaveLength(inDb.length);
    expect(csv.rows.map((r) => r[1])).toEqual(attended.map((_, i) => names[i * 3]));
    expect(csvOf(await get(`${base}/${workshopId}/attendance.csv`, facilitator, 'en')).head[2]).toBe('DNI');
    const pdf = await pdfOf(await get(`${base}/${workshopId}/attendance.pdf`, admin, 'en'));
    expect(pdf.title).toBe('Attendance: Taller de la zona Cercado');
    expect(pdf.text).toContain(`Attendees (${attended.length})`);
    expect((await exportsAudited()).slice(before).map((a) => JSON.parse(String(a.data)).format)).toEqual(['csv', 'csv', 'pdf']);
  });

  it('refuses them to a citizen, to another municipality\'s staff and to anyone signed out, nothing audited', async () => {
    const before = (await exportsAudited()).length;
    for (const path of ['sheet.pdf', 'attendance.csv', 'attendance.pdf']) {
      expect((await get(`${base}/${workshopId}/${path}`, citizen)).statusCode, path).toBe(403);
      expect((await get(`${base}/${workshopId}/${path}`, foreignStaff)).statusCode, path).toBe(403);
      expect((await get(`${base}/${workshopId}/${path}`, null)).statusCode, path).toBe(401);
    }
    expect(await exportsAudited()).toHaveLength(before);
  });
});
