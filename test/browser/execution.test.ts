// Execution in a real Chromium against a real server (fresh SQLite with the Ilo accounts and zones; a process whose
// vote closed through the API, then moved to Execution): the administrator reports a project's progress on a 360px
// phone with the keyboard only, the public pages, without an account, show it in Spanish and in English, and the
// budget system's CSV is checked, then imported.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build } from '../../src/app.ts';
import { seedDemo } from '../../src/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TEST_LOG_N, signIn, testConfig } from '../support/app.ts';
import { executionFixture } from '../execution/fixture.ts';
import { localDate } from '../../src/shared/clock.ts';
import {
  WEB_DIST, assertWebBuilt, closePage as close, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, plain, sessionToken, settled,
} from './support.ts';

describeWithBrowser('execution in Chromium', () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof build>>;
  let url: string;
  let browser: Browser;
  let processId: string;
  let projectId: string;
  let number: number;
  const newPage = (lang: 'es' | 'en', token?: string): Promise<Page> => phonePage(browser, url, lang, token);

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
    number = fixture.projects.pistas!.number;
    // The first read tracks the funded projects.
    expect((await fetch(`${url}/api/municipalities/ilo/processes/${processId}/execution`)).status).toBe(200);
    projectId = (await db.db.selectFrom('execution_projects').select('id').where('proposal_id', '=', fixture.projects.pistas!.id).executeTakeFirstOrThrow()).id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  it('lets the administrator report progress with the keyboard on a 360px phone', async () => {
    const page = await newPage('es', await sessionToken(url, 'admin@ilo.gob.pe'));
    await page.goto(`/m/ilo/staff/p/${processId}/execution`);
    await settled(page);
    await expectNoAxeViolations(page, 'staff list (360px)');
    await page.getByRole('link', { name: new RegExp(`N\\.° ${number} `) }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Informe de avance' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'staff project (360px)');
    expect(await horizontalOverflow(page)).toBe(0);

    // Physical progress, then the amount executed of the participatory budget, typed; Enter in the field sends the form.
    await page.getByLabel('Avance físico (%)').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('42,5');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('70000');
    await page.keyboard.press('Enter');
    await page.getByText('Informe guardado.').waitFor();
    const stored = await db.db.selectFrom('execution_projects').select('physical_tenths').where('id', '=', projectId).executeTakeFirstOrThrow();
    expect(Number(stored.physical_tenths)).toBe(425);
    await expectNoAxeViolations(page, 'staff project after the report (360px)');
    await close(page);
  });

  it('shows the progress on the public pages, without an account, in Spanish and English', async () => {
    const es = await newPage('es');
    await es.goto(`/m/ilo/p/${processId}/execution`);
    await settled(es);
    const item = es.locator('li.entry', { hasText: `N.° ${number} ` });
    expect(plain(await item.innerText())).toMatch(/Avance físico: 42\.5\s?%/);
    expect(plain(await item.innerText())).toMatch(/Avance financiero: 46\.7\s?%/);
    await expectNoAxeViolations(es, 'public list (360px)');
    expect(await horizontalOverflow(es)).toBe(0);
    await close(es);

    const en = await newPage('en');
    await en.goto(`/m/ilo/p/${processId}/execution/${projectId}`);
    await settled(en);
    const text = plain(await en.locator('main').innerText());
    expect(text).toMatch(/Physical progress: 42\.5\s?%/);
    expect(text).toMatch(/Physical progress: from 0(\.0)?\s?% to 42\.5\s?%\./);
    // The chart's table is its text alternative: each source, budgeted and executed.
    const table = plain(await en.getByRole('region', { name: 'Amounts by source' }).innerText());
    expect(table).toContain('Participatory budget (pp) S/ 140,000.00 S/ 70,000.00');
    await expectNoAxeViolations(en, 'public project (360px)');
    expect(await horizontalOverflow(en)).toBe(0);
    await close(en);
  });

  it("checks the budget system's CSV, shows what would change, then imports it all", async () => {
    const sample = readFileSync(path.join(import.meta.dirname, '../execution/fixtures/avance-sigma.csv'), 'utf8').replaceAll('31/07/2027', localDate().split('-').reverse().join('/'));
    const page = await newPage('es', await sessionToken(url, 'admin@ilo.gob.pe'));
    await page.goto(`/m/ilo/staff/p/${processId}/execution/import`);
    await settled(page);
    await expectNoAxeViolations(page, 'import (360px)');
    await page.locator('#import-file').setInputFiles({ name: 'avance.csv', mimeType: 'text/csv', buffer: Buffer.from(sample) });
    await page.getByRole('button', { name: 'Revisar el archivo' }).click();
    await page.getByRole('heading', { name: 'Revisión del archivo' }).waitFor();
    expect(plain(await page.locator('section[aria-labelledby="import-report-title"]').innerText())).toContain('Estado: de «En diseño» a «En ejecución».');
    expect(await db.db.selectFrom('execution_reports').select('id').where('import_id', 'is not', null).execute()).toHaveLength(0);
    await expectNoAxeViolations(page, 'dry run (360px)');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('button', { name: 'Importar los 2 proyectos' }).click();
    await page.getByText('Se actualizaron 2 proyectos.').waitFor();
    expect(await db.db.selectFrom('execution_reports').select('id').where('import_id', 'is not', null).execute()).toHaveLength(2);
    await close(page);
  });
});
