// Attendance at a training session on phones without a signal, in a real Chromium against a real server that is
// really gone (stopped) while the phones work: the facilitator takes the roll online, the server goes away, 30
// check-ins are kept on the phone (a reload included), a second facilitator's phone checks in some of the same people,
// the server comes back on the same database, a sync breaks halfway (the server got one answer the phone never read),
// a second sync finishes; the server ends with each person once and the audit log verifies.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { build } from '../../src/app.ts';
import { seedDemo } from '../../src/seed.ts';
import { verifyAuditChains } from '../../src/audit/audit-log.ts';
import { localDate } from '../../src/shared/clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TEST_LOG_N, testConfig } from '../support/app.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import {
  WEB_DIST, closePage as close, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, plain, sessionToken, settled,
} from './support.ts';

describeWithBrowser('attendance without a connection in Chromium', () => {
  let db: TestDatabase;
  let app: FastifyInstance | null = null;
  let port = 0;
  let url = '';
  let browser: Browser;
  let processId: string;
  let sessionId: string;
  const agents: { id: string; dni: string; fullName: string }[] = [];

  async function startApp(): Promise<void> {
    app = await build({ db, config: testConfig({ webDist: WEB_DIST }), passwordLogN: TEST_LOG_N, logger: false });
    await app.listen({ host: '127.0.0.1', port });
    port = (app.server.address() as { port: number }).port;
    url = `http://127.0.0.1:${port}`;
  }
  async function stopApp(): Promise<void> {
    await app?.close();
    app = null;
  }

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await seedDemo(db, { passwordLogN: TEST_LOG_N });
    await startApp();
    browser = await launchBrowser();
    const mId = await municipalityId(db);
    const zones = await zoneIds(db);
    ({ processId } = await createProcessFixture(db, {}));
    for (let i = 0; i < 40; i++) {
      agents.push(await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[i % zones.length]!.id, fullName: `Agente Número ${i + 1}`, dni: String(47000000 + i) }));
    }
    const token = await sessionToken(url, 'facilitador@ilo.gob.pe');
    const csrf = (await (await fetch(`${url}/api/auth/session`, { headers: { cookie: `concerta_session=${token}` } })).json()).csrfToken as string;
    const today = localDate(new Date());
    const created = await fetch(`${url}/api/municipalities/ilo/processes/${processId}/trainings`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: `concerta_session=${token}`, 'x-csrf-token': csrf },
      body: JSON.stringify({ topic: 'Capacitación en el local comunal', place: 'Local comunal de Algarrobal', startsAt: `${today}T00:05:00-05:00`, endsAt: `${today}T23:55:00-05:00`, facilitatorName: 'Lucía Condori' }),
    });
    expect(created.status).toBe(201);
    sessionId = (await created.json()).session.id;
  });

  afterAll(async () => {
    await browser?.close();
    await stopApp();
    await db?.drop();
  });

  const attendance = () => db.db.selectFrom('training_attendance').select('agent_id').where('session_id', '=', sessionId).execute();

  async function checkIn(page: Page, dni: string, expected: string): Promise<void> {
    await page.getByLabel('DNI de la persona').fill(dni);
    await page.getByLabel('DNI de la persona').press('Enter');
    await page.getByText(expected).first().waitFor();
  }

  async function takeRollOnline(page: Page): Promise<void> {
    await page.goto(`/m/ilo/staff/p/${processId}/trainings/${sessionId}`);
    await settled(page);
    await page.getByRole('button', { name: 'Preparar para usar sin conexión' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capacitación en el local comunal' }).waitFor();
    await page.getByText('Lista tomada el', { exact: false }).waitFor();
    // The service worker is in charge and holds this screen's code before the signal goes.
    await page.waitForFunction(async () => Boolean(navigator.serviceWorker.controller) && (await (await caches.open('concerta-assets')).keys()).length > 3, undefined, { timeout: 20_000 });
  }

  it('keeps 30 check-ins on the phone with no server, through a reload, then sends them once each, across a broken sync and a second phone', async () => {
    const token = await sessionToken(url, 'facilitador@ilo.gob.pe');
    const phone = await phonePage(browser, url, 'es', token);
    await takeRollOnline(phone);
    const other = await phonePage(browser, url, 'es', await sessionToken(url, 'admin@ilo.gob.pe'));
    await takeRollOnline(other);
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(phone, 'offline attendance, online (360px)');

    // The signal goes: the server is stopped and the phones are offline.
    await stopApp();
    await phone.context().setOffline(true);
    await other.context().setOffline(true);
    await phone.getByText('Sin conexión: lo que registres queda en este teléfono.').waitFor();

    for (const a of agents.slice(0, 15)) await checkIn(phone, a.dni, `Guardada en este teléfono: ${a.fullName}.`);
    await checkIn(phone, '12345678', 'El DNI 12345678 no está en la lista de agentes aprobados');
    await checkIn(phone, agents[3]!.dni, `${agents[3]!.fullName} ya fue registrada o registrado en este teléfono.`);

    // A reload with no server and no signal: the app and the screen come from the phone, the check-ins too.
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: 'Capacitación en el local comunal' }).waitFor();
    expect(plain(await phone.locator('#off-count').innerText())).toBe('15 asistencias por enviar.');
    for (const a of agents.slice(15, 30)) await checkIn(phone, a.dni, `Guardada en este teléfono: ${a.fullName}.`);
    expect(plain(await phone.locator('#off-count').innerText())).toBe('30 asistencias por enviar.');
    await expectNoAxeViolations(phone, 'offline attendance, offline with 30 pending (360px)');

    // The second facilitator, offline at the same time: three people also checked in on the first phone, two others.
    for (const a of [...agents.slice(0, 3), ...agents.slice(30, 32)]) await checkIn(other, a.dni, `Guardada en este teléfono: ${a.fullName}.`);
    expect(await attendance()).toEqual([]);

    // The server comes back on the same database; the signal returns.
    await startApp();
    await phone.context().setOffline(false);
    await other.context().setOffline(false);

    // The second phone syncs first: five sent.
    await other.getByRole('button', { name: 'Enviar ahora' }).click();
    await other.getByText('Enviadas: 5. Ya estaban registradas: 0. Rechazadas: 0. Todo se envió.', { exact: false }).waitFor();

    // The first phone's sync breaks at the 16th check-in: the server records it, the phone never reads the answer.
    let calls = 0;
    await phone.route('**/trainings/*/attendance', async (route) => {
      calls += 1;
      if (calls === 16) {
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await phone.getByRole('button', { name: 'Enviar ahora' }).click();
    await phone.getByText('Se cortó la conexión', { exact: false }).waitFor();
    expect(plain(await phone.locator('#off-count').innerText())).toBe('15 asistencias por enviar.');
    expect(await attendance()).toHaveLength(5 + 16 - 3);

    // A second sync sends the rest; the one the server already had is not doubled.
    await phone.unroute('**/trainings/*/attendance');
    await phone.getByRole('button', { name: 'Enviar ahora' }).click();
    await phone.getByText('Todo se envió. La lista se borró de este teléfono.', { exact: false }).waitFor();
    expect(plain(await phone.locator('main').innerText())).toContain('Ya estaban registradas: 1.');

    const present = (await attendance()).map((r) => r.agent_id).sort();
    expect(present).toEqual([...agents.slice(0, 32)].map((a) => a.id).sort());
    const audit = await db.db.selectFrom('audit_log').select(['action', 'reason']).where('action', '=', 'training.attendance.record').where('entity_id', '=', sessionId).execute();
    expect(audit).toHaveLength(32);
    expect(audit.every((e) => /^Registrada sin conexión el .+ \(acción [0-9a-f-]{36} del teléfono\)$/.test(e.reason ?? ''))).toBe(true);
    expect((await verifyAuditChains(db.db)).breaks).toEqual([]);
    // Nothing personal stays on the phone after the sync.
    expect(await phone.evaluate(async () => {
      const req = indexedDB.open('concerta-offline');
      const d: IDBDatabase = await new Promise((ok) => { req.onsuccess = () => ok(req.result); });
      const count = (store: string) => new Promise<number>((ok) => { const r = d.transaction(store).objectStore(store).count(); r.onsuccess = () => ok(r.result); });
      return [await count('rolls'), await count('actions')];
    })).toEqual([0, 0]);
    await close(phone);
    await close(other);
  });
});
