// Running a workshop from a phone and reading its minutes as a citizen, in a real Chromium against a real server (fresh
// SQLite with the Ilo accounts and zones; a process in Concertation and its approved agents are written straight into
// the database, as the phase moves before Concertation are not this file's subject).
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestDatabase } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import {
  closePage as close, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, sessionToken, settled, startServer, plain
} from './support.ts';


describeWithBrowser('workshops in Chromium', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let url: string;
  let browser: Browser;
  let processId: string;
  let zones: { id: string; code: string; name: string }[];
  const newPage = (lang: 'es' | 'en', token?: string): Promise<Page> => phonePage(browser, url, lang, token);

  beforeAll(async () => {
    server = await startServer();
    ({ db, url } = server);
    browser = await launchBrowser();
    const mId = await municipalityId(db);
    zones = await zoneIds(db);
    ({ processId } = await createProcessFixture(db, { phase: 'concertation' }));
    await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[0]!.id, fullName: 'Ana Torres Quispe', dni: '42000001' });
    await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[0]!.id, fullName: 'Juan Pari Mamani', dni: '42000002', sex: 'male' });
    await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[6]!.id, fullName: 'Rosa Ccama del Valle', dni: '42000003' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a facilitator on a 360px phone schedule a workshop, take attendance, print the sheet, and write and sign the minutes', async () => {
    const page = await newPage('es', await sessionToken(url, 'facilitador@ilo.gob.pe'));
    await page.goto(`/m/ilo/staff/p/${processId}/workshops`);
    await page.getByRole('heading', { level: 1, name: 'Talleres' }).waitFor();
    await settled(page);
    await page.getByText('Todavía no hay talleres programados.').waitFor();
    await expectNoAxeViolations(page, 'workshops admin (360px)');

    // Sent without a zone or an axis: the error shows next to the zone, which takes the focus.
    await page.getByLabel('Título').fill('Taller de priorización del Cercado');
    await page.getByLabel('Agenda').fill('1. Registro de asistencia\n2. Propuestas de la zona\n3. Votación\n4. Acta');
    await page.getByLabel('Lugar').fill('Auditorio de la Municipalidad');
    await page.getByLabel('Hora de inicio').fill('00:05');
    await page.getByLabel('Hora de fin').fill('23:55');
    await page.getByRole('button', { name: 'Programar' }).click();
    await page.getByText('Elige una zona, un eje temático o ambos.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wn-zone');
    await page.getByLabel('Zona', { exact: true }).selectOption({ label: zones[0]!.name });
    await page.getByRole('button', { name: 'Programar' }).click();
    await page.getByText('Programado «Taller de priorización del Cercado».').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('link', { name: 'Taller de priorización del Cercado' }).click();
    await page.getByRole('heading', { level: 1, name: 'Taller de priorización del Cercado' }).waitFor();
    await settled(page);
    await page.getByText('Registra primero la asistencia: firman el acta quienes asistieron.').waitFor();
    await expectNoAxeViolations(page, 'workshop admin (360px)');

    // At the door, by DNI (the field keeps the focus for the next person); then the checklist, by keyboard.
    await page.getByLabel('DNI de la persona').fill('42000001');
    await page.getByLabel('DNI de la persona').press('Enter');
    await page.getByText('Asistencia registrada: Ana Torres Quispe. Presentes: 1.').waitFor();
    await page.getByRole('searchbox', { name: 'Buscar en la lista' }).fill('Juan');
    await page.locator('.check-list input[type=checkbox]').first().focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Registrar asistencia (1 marcada)' }).click();
    await page.getByText('Se registró 1 asistencia; 2 en total.').waitFor();
    // The sheet's agents are the zone's: Rosa, of another zone, is not on it.
    const checklistNames = plain(await page.locator('.check-list').innerText());
    expect(checklistNames).not.toContain('Rosa Ccama del Valle');

    // The minutes: a signer must be ticked; then it is signed, and read back as signed.
    await page.getByLabel('Resumen de la sesión').fill('Se presentaron las propuestas del Cercado y se votaron en la sala.');
    await page.getByLabel('Acuerdos', { exact: true }).fill('Priorizar la renovación del malecón.\nPedir el expediente del mercado central.');
    await page.getByRole('button', { name: 'Firmar el acta' }).click();
    await page.getByText('Marca al menos una persona que firma.').waitFor();
    await page.getByLabel('Ana Torres Quispe', { exact: true }).check();
    await page.getByLabel('Juan Pari Mamani', { exact: true }).check();
    await page.getByRole('button', { name: 'Firmar el acta' }).click();
    await page.getByText('Acta firmada.', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Corregir el acta (nueva versión)' }).waitFor();
    expect(plain(await page.locator('section[aria-labelledby="minutes-title"]').innerText())).toContain('Priorizar la renovación del malecón.');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'workshop admin with signed minutes (360px)');
    await page.screenshot({ path: path.resolve('test-results', 'screenshots', 'workshop-admin-360-es.png'), fullPage: true });

    // The sheet to print: one table, without the site's header, menus or buttons.
    await page.getByRole('link', { name: 'Hoja de asistencia para imprimir' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hoja de asistencia: Taller de priorización del Cercado' }).waitFor();
    await settled(page);
    const rows = await page.locator('.sheet-table tbody tr:not(.sheet-blank)').allInnerTexts();
    expect(rows.map(plain)).toEqual(['1 Ana Torres Quispe 42000001', '2 Juan Pari Mamani 42000002']);
    // Then blank rows for walk-ins, numbered on.
    const blank = await page.locator('.sheet-table tbody tr.sheet-blank').allInnerTexts();
    expect(blank.map(plain)).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 3)));
    await expectNoAxeViolations(page, 'attendance sheet (360px)');
    const pdfHref = await page.getByRole('link', { name: 'Descargar en PDF' }).getAttribute('href');
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimir' }).isVisible()).toBe(false);
    expect(await page.locator('.sheet-table').isVisible()).toBe(true);
    await page.screenshot({ path: path.resolve('test-results', 'screenshots', 'workshop-sheet-print.png'), fullPage: true });
    await close(page);
  });

  it('shows a citizen the workshop, its agenda and signed minutes with the signers by name, never their DNI, in Spanish and English', async () => {
    const page = await newPage('es');
    await page.goto(`/m/ilo/p/${processId}/workshops`);
    await settled(page);
    const link = page.getByRole('link', { name: 'Taller de priorización del Cercado' });
    await link.waitFor();
    expect(plain(await page.locator('main').innerText())).toContain('Acta firmada');
    await expectNoAxeViolations(page, 'public workshops (360px)');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Taller de priorización del Cercado' }).waitFor();
    await settled(page);
    const main = plain(await page.locator('main').innerText());
    expect(main).toContain('2. Propuestas de la zona');
    expect(main).toContain('Pedir el expediente del mercado central.');
    expect(main).toContain('Ana Torres Quispe');
    expect(main).toContain('Juan Pari Mamani');
    expect(main).not.toContain('42000001');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'public workshop (360px)');
    await page.screenshot({ path: path.resolve('test-results', 'screenshots', 'workshop-360-es.png'), fullPage: true });
    await close(page);

    const en = await newPage('en');
    await en.goto(`/m/ilo/p/${processId}/workshops`);
    await settled(en);
    await en.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
    await en.getByRole('link', { name: 'Taller de priorización del Cercado' }).click();
    await en.getByRole('heading', { level: 2, name: 'Minutes' }).waitFor();
    await settled(en);
    const enMain = plain(await en.locator('main').innerText());
    expect(enMain).toContain('Agreements');
    expect(enMain).toContain('Signed by');
    expect(enMain).toContain('No votes of this workshop are recorded yet.');
    await expectNoAxeViolations(en, 'public workshop in English (360px)');
    await close(en);
  });
});
