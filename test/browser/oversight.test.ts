// Oversight in a real Chromium against a real server (fresh SQLite with the Ilo accounts and zones; a process whose
// vote closed through the API, then moved to Execution): a member of the oversight committee files an observation with
// a photo on a 360px phone with the keyboard only, in Spanish and in English; the public page shows it without an
// account; the administrator's page lists the request to answer; axe finds nothing on any of them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build } from '../../src/app.ts';
import { seedDemo } from '../../src/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TEST_LOG_N, as, signIn, testConfig } from '../support/app.ts';
import { SAMPLES } from '../files/multipart.ts';
import { executionFixture } from '../execution/fixture.ts';
import {
  WEB_DIST, assertWebBuilt, closePage as close, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, settled,
  sessionToken,
} from './support.ts';

describeWithBrowser('oversight in Chromium', () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof build>>;
  let url: string;
  let browser: Browser;
  let processId: string;
  let number: number;
  const newPage = (lang: 'es' | 'en', token?: string): Promise<Page> => phonePage(browser, url, lang, token);
  const observations = async () => db.db.selectFrom('oversight_observations').select(['body', 'filed_by']).orderBy('filed_at').execute();

  beforeAll(async () => {
    assertWebBuilt();
    db = await createTestDatabase('sqlite');
    await seedDemo(db, { passwordLogN: TEST_LOG_N });
    app = await build({ db, config: testConfig({ webDist: WEB_DIST }), passwordLogN: TEST_LOG_N, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
    const admin = await signIn(app, 'admin@ilo.gob.pe');
    const facilitator = await signIn(app, 'facilitador@ilo.gob.pe');
    const fixture = await executionFixture(app, db, admin, facilitator);
    processId = fixture.processId;
    const list = await (await fetch(`${url}/api/municipalities/ilo/processes/${processId}/oversight`)).json() as { projects: { number: number }[] };
    number = list.projects[0]!.number;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  for (const [lang, t] of [
    ['es', { title: 'Vigilancia de los proyectos', project: 'Proyecto', text: 'Observación', photos: /^Fotos/, send: 'Registrar la observación', done: 'La observación quedó registrada y es pública.', body: 'La obra no tiene cartel ni señalización de seguridad.', required: 'Elige el proyecto observado.' }],
    ['en', { title: 'Oversight of the projects', project: 'Project', text: 'Observation', photos: /^Photos/, send: 'File the observation', done: 'The observation is filed and public.', body: 'The works have no sign and no safety markings at all.', required: 'Choose the project observed.' }],
  ] as const) {
    it(`lets a committee member file an observation with a photo, by keyboard on a 360px phone (${lang})`, async () => {
      const before = (await observations()).length;
      const page = await newPage(lang, await sessionToken(url, 'vigilancia@ilo.gob.pe'));
      await page.goto(`/m/ilo/p/${processId}/vigilance`);
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page, `committee workspace (${lang}, 360px)`);
      expect(await horizontalOverflow(page)).toBe(0);

      // Sending with nothing chosen: the error sits by the project field, which gets the focus.
      await page.getByRole('button', { name: t.send }).focus();
      await page.keyboard.press('Enter');
      await page.getByText(t.required).waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('observation-project');
      await page.keyboard.press('ArrowDown'); // the first project
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('observation-text');
      await page.keyboard.type(t.body);
      await page.getByLabel(t.photos).setInputFiles({ name: 'cartel.png', mimeType: 'image/png', buffer: SAMPLES.png });
      await page.getByText('cartel.png').first().waitFor();
      await page.getByRole('button', { name: t.send }).focus();
      await page.keyboard.press('Enter');
      await page.getByText(t.done).waitFor();
      await settled(page);
      await expectNoAxeViolations(page, `committee workspace after filing (${lang}, 360px)`);
      expect(await horizontalOverflow(page)).toBe(0);

      const stored = await observations();
      expect(stored).toHaveLength(before + 1);
      expect(stored.at(-1)!.body).toBe(t.body);
      await close(page);

      // The public, without an account, sees it with the member's name and the photo.
      const pub = await newPage(lang);
      await pub.goto(`/m/ilo/p/${processId}/vigilance`);
      await pub.getByText(t.body).waitFor();
      await expect(pub.getByText(/Marta Huanca Choque/).count()).resolves.toBeGreaterThan(0);
      await expect(pub.getByRole('link', { name: 'cartel.png' }).count()).resolves.toBeGreaterThan(0);
      await expect(pub.getByRole('button', { name: t.send }).count()).resolves.toBe(0);
      await expect(pub.getByText(new RegExp(`${number}\\.`)).count()).resolves.toBeGreaterThan(0);
      await expectNoAxeViolations(pub, `public oversight (${lang}, 360px)`);
      await close(pub);
    }, 120_000);
  }

  it("lets the administrator answer a request and record a PIA amount by keyboard, axe clean", async () => {
    const member = await signIn(app, 'vigilancia@ilo.gob.pe');
    const sent = await app.inject({ method: 'POST', url: `/api/municipalities/ilo/processes/${processId}/oversight/requests`, headers: as(member), payload: { projectId: null, question: 'Pedimos el cronograma de todas las obras del proceso.' } });
    expect(sent.statusCode, sent.body).toBe(201);
    const page = await newPage('es', await sessionToken(url, 'admin@ilo.gob.pe'));
    await page.goto(`/m/ilo/staff/p/${processId}/vigilance`);
    await page.getByRole('heading', { level: 1, name: 'Vigilancia: pedidos de información y PIA' }).waitFor();
    await settled(page);
    await page.getByText('Pedimos el cronograma de todas las obras del proceso.').waitFor();
    await page.getByLabel('Respuesta de la municipalidad').focus();
    await page.keyboard.type('Se adjunta el cronograma aprobado de las obras.');
    await page.getByRole('button', { name: 'Enviar la respuesta' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('La respuesta quedó registrada y es pública.').waitFor();
    await settled(page);
    const answered = await db.db.selectFrom('oversight_requests').select(['answer', 'answered_by']).executeTakeFirstOrThrow();
    expect(answered.answer).toBe('Se adjunta el cronograma aprobado de las obras.');

    // The PIA: the first project's amount typed, with the reason; its flag follows.
    await page.getByRole('heading', { level: 2, name: 'Presupuesto institucional de apertura (PIA)' }).waitFor();
    await page.getByLabel(new RegExp(`^N\\.° ${number}\\. `)).focus();
    await page.keyboard.type('1');
    await page.getByLabel('Motivo').focus();
    await page.keyboard.type('PIA aprobado por acuerdo de concejo');
    await page.getByRole('button', { name: 'Guardar los montos del PIA' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Los montos del PIA quedaron registrados.').waitFor();
    await page.getByText('En el PIA con un monto menor').first().waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'administrator oversight (es, 360px)');
    expect(await horizontalOverflow(page)).toBe(0);
    await close(page);
  }, 120_000);

  it('shows the account of past agreements to the public, in Spanish and English, axe clean', async () => {
    for (const [lang, heading] of [['es', 'Rendición de cuentas de los acuerdos'], ['en', 'Account of the agreements']] as const) {
      const page = await newPage(lang);
      await page.goto(`/m/ilo/p/${processId}/accountability`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await settled(page);
      await page.getByText(new RegExp(`${number}\\. `)).first().waitFor();
      await expectNoAxeViolations(page, `accountability (${lang}, 360px)`);
      expect(await horizontalOverflow(page)).toBe(0);
      await close(page);
    }
  }, 120_000);
});
