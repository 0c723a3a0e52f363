// Scheduling a training from a phone: the form says, before anything is sent, how many people will be invited, and
// warns of a session that seems to repeat another; in a real Chromium against a real server (fresh SQLite with the Ilo
// accounts and zones; a process in Preparation and its approved agents written straight into the database).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestDatabase } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import { addDays, localDate } from '../../src/shared/clock.ts';
import {
  closePage as close, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, sessionToken, settled, startServer, plain,
} from './support.ts';

describeWithBrowser('scheduling a training in Chromium', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let url: string;
  let browser: Browser;
  let processId: string;
  const newPage = (lang: 'es' | 'en', token?: string): Promise<Page> => phonePage(browser, url, lang, token);

  beforeAll(async () => {
    server = await startServer();
    ({ db, url } = server);
    browser = await launchBrowser();
    const mId = await municipalityId(db);
    const zones = await zoneIds(db);
    ({ processId } = await createProcessFixture(db, {}));
    await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[0]!.id, fullName: 'Ana Torres Quispe', email: 'ana@example.pe' });
    await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[1]!.id, fullName: 'Juan Pari Mamani', phone: '987654321', sex: 'male' });
    await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[1]!.id, fullName: 'Sin Contacto' });
    await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[1]!.id, fullName: 'Pendiente', email: 'p@example.pe', status: 'pending' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function fill(page: Page, day: string): Promise<void> {
    await page.getByLabel('Tema').fill('Presupuesto participativo: reglas y fases');
    await page.getByLabel('Lugar').fill('Auditorio municipal');
    await page.getByLabel('Fecha').fill(day);
    await page.getByLabel('Hora de inicio').fill('18:00');
    await page.getByLabel('Hora de fin').fill('20:00');
  }

  it('shows how many will be invited before sending, and asks again for a session that repeats another', async () => {
    const day = addDays(localDate(new Date()), 3);
    const page = await newPage('es', await sessionToken(url, 'admin@ilo.gob.pe'));
    await page.goto(`/m/ilo/staff/p/${processId}/trainings`);
    await page.getByRole('heading', { level: 1, name: 'Capacitaciones' }).waitFor();
    await settled(page);
    await fill(page, day);
    await page.getByRole('button', { name: 'Programar', exact: true }).click();

    // Nothing sent yet: the count of invitations (the two approved agents with a contact), focus on the summary.
    const preview = page.locator('section.notice', { has: page.getByRole('heading', { name: 'Antes de programar' }) });
    await preview.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ts-preview-title');
    expect(plain(await preview.innerText())).toContain('Se enviarán 2 invitaciones a los agentes aprobados');
    expect(await db.db.selectFrom('training_sessions').select('id').where('process_id', '=', processId).execute()).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'training preview (360px)');

    // Going back keeps what was typed; changing a field asks the server again.
    await page.getByRole('button', { name: 'Volver al formulario' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ts-submit');
    await page.getByRole('button', { name: 'Programar', exact: true }).click();
    await page.getByRole('button', { name: 'Programar y enviar 2 invitaciones' }).click();
    await page.getByText('Programada «Presupuesto participativo: reglas y fases»; se enviaron 2 invitaciones.').waitFor();

    // The same session again: a warning that must be acknowledged.
    await fill(page, day);
    await page.getByRole('button', { name: 'Programar', exact: true }).click();
    await preview.waitFor();
    expect(plain(await preview.innerText())).toContain('Ya hay una sesión parecida ese día:');
    expect(plain(await preview.innerText())).toContain('«Presupuesto participativo: reglas y fases», Auditorio municipal');
    await expectNoAxeViolations(page, 'training preview with a duplicate (360px)');
    await page.getByRole('button', { name: 'Programar y enviar 2 invitaciones' }).click();
    await page.getByText('Confirma que es otra sesión, o vuelve al formulario para cambiarla.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ts-ack');
    expect(await db.db.selectFrom('training_sessions').select('id').where('process_id', '=', processId).execute()).toHaveLength(1);
    await page.getByLabel('Sí, es otra sesión: programarla de todos modos').check();
    await page.getByRole('button', { name: 'Programar y enviar 2 invitaciones' }).click();
    await page.getByText('Programada «Presupuesto participativo: reglas y fases»; se enviaron 2 invitaciones.').waitFor();
    await expect.poll(async () => (await db.db.selectFrom('training_sessions').select('id').where('process_id', '=', processId).execute()).length).toBe(2);
    await close(page);
  });

  it('says in English that a past session is recorded as held, with nobody invited', async () => {
    const page = await newPage('en', await sessionToken(url, 'admin@ilo.gob.pe'));
    await page.goto(`/m/ilo/staff/p/${processId}/trainings`);
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await settled(page);
    await page.getByLabel('Topic').fill('Vigilancia ciudadana');
    await page.getByLabel('Place').fill('Casa de la Cultura');
    await page.getByLabel('Date').fill(addDays(localDate(new Date()), -2));
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    const preview = page.locator('section.notice', { has: page.getByRole('heading', { name: 'Before scheduling' }) });
    await preview.waitFor();
    expect(plain(await preview.innerText())).toContain('This session is over: it will be recorded as held and no invitation will be sent.');
    await expectNoAxeViolations(page, 'training preview, past session (en)');
    await page.getByRole('button', { name: 'Schedule the session' }).click();
    await page.getByText('Scheduled "Vigilancia ciudadana"', { exact: false }).waitFor();
    await close(page);
  });
});
