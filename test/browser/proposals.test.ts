// Proposing a project on a phone and reading the public list, in a real Chromium against a real server (fresh SQLite
// with the Ilo accounts and zones; the plan, a process in Concertation and the agent's approved registration are
// written straight into the database, as the phase moves before Concertation are not this file's subject).
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newId, now } from '../../src/shared/clock.ts';
import type { TestDatabase } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import {
  closePage as close, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, sessionToken, settled, startServer, plain
} from './support.ts';


describeWithBrowser('proposals in Chromium', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let url: string;
  let browser: Browser;
  let processId: string;
  let agentToken: string;
  let zones: { id: string; code: string; name: string }[];
  const newPage = (lang: 'es' | 'en', token?: string): Promise<Page> => phonePage(browser, url, lang, token);

  beforeAll(async () => {
    server = await startServer();
    ({ db, url } = server);
    browser = await launchBrowser();

    const mId = await municipalityId(db);
    zones = await zoneIds(db);
    const axisId = newId();
    await db.db.insertInto('thematic_axes').values({ municipality_id: mId, id: axisId, code: 'EJ1', name: 'Desarrollo urbano y ambiente', description: '', created_at: now() }).execute();
    await db.db.insertInto('plan_objectives').values({ municipality_id: mId, id: newId(), axis_id: axisId, code: 'OE1.2', title: 'Completar el saneamiento básico de la Pampa', description: '', created_at: now() }).execute();
    ({ processId } = await createProcessFixture(db, { phase: 'concertation' }));
    agentToken = await sessionToken(url, 'agente@ilo.gob.pe');
    const userId = (await db.db.selectFrom('users').select('id').where('email', '=', 'agente@ilo.gob.pe').executeTakeFirstOrThrow()).id;
    await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[1]!.id, fullName: 'Pedro Mamani Cutipa', userId });
    await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[2]!.id, fullName: 'Rosa Quispe Apaza', source: 'in_person' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets an approved agent propose a project on a 360px phone, with a co-financing pledge, and shows it at once', async () => {
    const page = await newPage('es', agentToken);
    await page.goto(`/m/ilo/p/${processId}/proposals`);
    await settled(page);
    // An agent is not staff: no staff link, though they may upload a file to attach to their proposal.
    expect(await page.getByRole('link', { name: 'Gestionar este proceso' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Proponer un proyecto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proponer un proyecto' }).waitFor();
    await settled(page);
    await page.getByLabel('Título del proyecto').waitFor();
    await expectNoAxeViolations(page, 'proposal form (360px)');

    // Sent empty: the errors show next to their fields, and the first one takes the focus.
    await page.getByRole('button', { name: 'Presentar la propuesta' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('p-title');

    await page.getByLabel('Título del proyecto').fill('Red de agua potable del sector 5');
    await page.getByLabel('Descripción del proyecto').fill('Red de agua potable y alcantarillado con 320 conexiones domiciliarias.');
    await page.getByLabel('Problema que resuelve').fill('Las familias compran agua de cisterna a cinco soles el cilindro.');
    await page.getByLabel('Zona').selectOption({ label: zones[1]!.name });
    await page.getByLabel('Eje temático').selectOption({ label: 'EJ1 · Desarrollo urbano y ambiente' });
    await page.getByLabel('Objetivo estratégico del plan').selectOption({ label: 'OE1.2 · Completar el saneamiento básico de la Pampa' });
    await page.getByLabel('Ubicación').fill('Sector 5, manzanas A a R');
    await page.getByLabel('Número de beneficiarios').fill('1450');
    await page.getByLabel('Grupos beneficiarios').fill('familias del sector 5, comedores populares');
    // Above the whole envelope (S/ 420,000.00): the server's refusal shows next to the cost.
    await page.getByLabel('Costo estimado en soles').fill('500000');
    await page.getByRole('button', { name: 'Agregar un aporte' }).click();
    await page.getByLabel('Quién aporta').fill('Vecinos del sector 5');
    await page.getByLabel('Qué aporta').fill('mano de obra no calificada, 300 jornales');
    await page.getByLabel('Valor en soles').fill('27000');
    await page.getByRole('button', { name: 'Presentar la propuesta' }).click();
    await page.getByText('El costo estimado (S/ 500,000.00) supera el presupuesto total del proceso (S/ 420,000.00).').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('p-cost');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'proposal form with an error (360px)');
    await page.screenshot({ path: path.resolve('test-results', 'screenshots', 'proposal-form-360-es.png'), fullPage: true });

    await page.getByLabel('Costo estimado en soles').fill('385000');
    await page.getByRole('button', { name: 'Presentar la propuesta' }).click();
    await page.getByRole('heading', { level: 1, name: 'N.° 1. Red de agua potable del sector 5' }).waitFor();
    await settled(page);
    const main = plain(await page.locator('main').innerText());
    expect(main).toContain('Propuesta de Pedro Mamani Cutipa');
    expect(main).toContain('S/ 385,000.00');
    expect(main).toContain('Vecinos del sector 5');
    expect(main).toContain('Versión 1');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'proposal page (360px)');
    await page.screenshot({ path: path.resolve('test-results', 'screenshots', 'proposal-360-es.png'), fullPage: true });

    // Its author edits it before the deadline: a second version, the first one kept in the history.
    await page.getByRole('link', { name: 'Editar la propuesta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Editar la propuesta' }).waitFor();
    await settled(page);
    await expect.poll(() => page.getByLabel('Título del proyecto').inputValue()).toBe('Red de agua potable del sector 5');
    await page.getByLabel('Título del proyecto').fill('Red de agua potable y desagüe del sector 5');
    await page.getByLabel('Qué cambió y por qué (opcional)').fill('agregamos el desagüe, según la asamblea');
    await page.getByRole('button', { name: 'Guardar como versión 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'N.° 1. Red de agua potable y desagüe del sector 5' }).waitFor();
    await settled(page);
    const history = page.getByRole('region', { name: 'Historial de versiones' }).or(page.locator('section[aria-labelledby="versions-title"]'));
    expect(plain(await history.innerText())).toMatch(/Versión 2, .* por Pedro Mamani Cutipa · vigente.*Versión 1, /);
    await page.getByText('Versión 2,').click();
    await page.getByText('Motivo: agregamos el desagüe, según la asamblea').waitFor();
    await expectNoAxeViolations(page, 'proposal page with two versions (360px)');
    await close(page);
  });

  it('shows the public list on a phone, searchable and filterable with the keyboard, in Spanish and English', async () => {
    const page = await newPage('es');
    await page.goto(`/m/ilo/p/${processId}/proposals`);
    await settled(page);
    await page.getByText('Mostrando 1 de 1 propuestas.').waitFor();
    const entry = page.getByRole('link', { name: 'N.° 1. Red de agua potable y desagüe del sector 5' });
    await entry.waitFor();
    expect(plain(await page.locator('.entry').first().innerText())).toContain('Costo S/ 385,000.00 · cofinanciamiento S/ 27,000.00 · 1,450 beneficiarios');
    await expectNoAxeViolations(page, 'proposal list (360px)');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // Keyboard only: to the search box, a word that matches nothing, then one that does.
    await page.getByRole('searchbox', { name: 'Buscar' }).focus();
    await page.keyboard.type('colegio');
    await page.getByText('No hay propuestas que coincidan.').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('agua');
    await entry.waitFor();
    await page.getByLabel('Zona').selectOption({ label: zones[0]!.name });
    await page.getByText('Mostrando 0 de 0 propuestas.').waitFor();
    await page.getByLabel('Zona').selectOption({ label: zones[1]!.name });
    await entry.waitFor();
    await entry.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'N.° 1. Red de agua potable y desagüe del sector 5' }).waitFor();
    await close(page);

    const en = await newPage('en');
    await en.goto(`/m/ilo/p/${processId}/proposals`);
    await settled(en);
    await en.getByRole('heading', { level: 1, name: 'Project proposals' }).waitFor();
    await en.getByRole('link', { name: 'No. 1. Red de agua potable y desagüe del sector 5' }).waitFor();
    expect(plain(await en.locator('main').innerText())).toContain('Cost S/ 385,000.00 · co-financing S/ 27,000.00 · 1,450 beneficiaries');
    await expectNoAxeViolations(en, 'proposal list in English (360px)');
    await close(en);
  });

  it('lets a facilitator type in a proposal brought on paper, on behalf of an approved agent', async () => {
    const page = await newPage('es', await sessionToken(url, 'facilitador@ilo.gob.pe'));
    await page.goto(`/m/ilo/staff/p/${processId}/proposals/paper`);
    await page.getByRole('heading', { level: 1, name: 'Propuestas en papel' }).waitFor();
    await page.getByLabel('Agente que presentó la propuesta').waitFor();
    await expectNoAxeViolations(page, 'paper proposal form (360px)');
    await page.getByLabel('Agente que presentó la propuesta').selectOption({ label: 'Rosa Quispe Apaza' });
    await page.getByLabel('Título del proyecto').fill('Aulas nuevas para la I.E. 43008');
    await page.getByLabel('Descripción del proyecto').fill('Cuatro aulas de material noble con servicios higiénicos.');
    await page.getByLabel('Problema que resuelve').fill('Aulas prefabricadas con más de 35 alumnos cada una.');
    await page.getByLabel('Zona').selectOption({ label: zones[2]!.name });
    await page.getByLabel('Eje temático').selectOption({ label: 'EJ1 · Desarrollo urbano y ambiente' });
    await page.getByLabel('Objetivo estratégico del plan').selectOption({ index: 1 });
    await page.getByLabel('Ubicación').fill('I.E. 43008, Alto Ilo');
    await page.getByLabel('Número de beneficiarios').fill('720');
    await page.getByLabel('Grupos beneficiarios').fill('alumnos de primaria');
    await page.getByLabel('Costo estimado en soles').fill('250,000.50');
    await page.getByRole('button', { name: 'Registrar la propuesta' }).click();
    await page.getByText('Registramos la propuesta N.° 2: Aulas nuevas para la I.E. 43008.').waitFor();
    await page.getByRole('link', { name: 'Ver la propuesta N.° 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'N.° 2. Aulas nuevas para la I.E. 43008' }).waitFor();
    await settled(page);
    const main = plain(await page.locator('main').innerText());
    expect(main).toContain('Propuesta de Rosa Quispe Apaza');
    expect(main).toContain('presentada en papel');
    expect(main).toContain('S/ 250,000.50');
    await close(page);
  });
});
