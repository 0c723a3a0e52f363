// Paper where paper is used, in a real Chromium on a 360px phone, in Spanish and English: the staff registry, a
// training session, a workshop and the quota page offer their downloads (CSV, PDF) and a way to print; the downloads
// work; printed (print media), the pages show their content only, every row, with no menu, form or button.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../src/demo/ilo.ts';
import type { TestDatabase } from '../support/db.ts';
import { createProcessFixture, zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import { trainingSession } from '../voting/fixture.ts';
import { closePage, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, sessionToken, settled, startServer, uncaughtErrors } from './support.ts';

/** The registry of the issue: 263 agents, of which the printed session showed 60. */
const AGENTS = 263;
const WALK_IN_ROWS = 15;
const LANGS = ['es', 'en'] as const;

describeWithBrowser('paper: downloads and printing in Chromium', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let url: string;
  let browser: Browser;
  let processId: string;
  let concertationId: string;
  let sessionId: string;
  let workshopId: string;
  let admin: string;

  async function api(method: string, path: string, body: unknown): Promise<Response> {
    const signin = await fetch(`${url}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin@ilo.gob.pe', password: DEMO_PASSWORD }) });
    const cookie = /concerta_session=[^;]+/.exec(signin.headers.get('set-cookie') ?? '')![0];
    const csrf = ((await signin.json()) as { csrfToken: string }).csrfToken;
    return fetch(`${url}/api${path}`, { method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify(body) });
  }

  beforeAll(async () => {
    server = await startServer();
    ({ db, url } = server);
    browser = await launchBrowser();
    const zones = await zoneIds(db);
    const p = await createProcessFixture(db, { fiscalYear: 2035 });
    processId = p.processId;
    const adminId = (await db.db.selectFrom('users').select('id').where('email', '=', 'admin@ilo.gob.pe').executeTakeFirstOrThrow()).id;
    const elected: string[] = [];
    for (let i = 0; i < AGENTS; i++) {
      const a = await insertAgent(db, { municipalityId: p.municipalityId, processId, zoneId: zones[i % 3]!.id, fullName: `Agente Papel ${String(i + 1).padStart(3, '0')}`, sex: i % 2 ? 'male' : 'female' });
      if (i < 3) elected.push(a.id);
    }
    for (const agentId of elected) expect((await api('POST', `/municipalities/ilo/processes/${processId}/bodies/directive_committee/members`, { agentId })).status).toBe(201);
    sessionId = await trainingSession(db, p.municipalityId, processId, adminId);
    concertationId = (await createProcessFixture(db, { fiscalYear: 2036, phase: 'concertation' })).processId;
    const w = await api('POST', `/municipalities/ilo/processes/${concertationId}/workshops`, {
      title: 'Taller de la zona', agenda: 'Asistencia', place: 'Auditorio', startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString(), zoneId: zones[0]!.id,
    });
    expect(w.status).toBe(201);
    workshopId = ((await w.json()) as { id: string }).id;
    admin = await sessionToken(url, 'admin@ilo.gob.pe');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Printed: the menus, skip link, forms and buttons are gone; `rows` rows of `table` all show. */
  async function printsContentOnly(page: Page, table: string, rows: number): Promise<void> {
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.skip-link', 'nav', '.downloads', '.no-print', 'main button', 'main form']) {
      const all = await page.locator(hidden).all();
      for (const el of all) expect(await el.isVisible(), `${hidden} printed`).toBe(false);
    }
    const body = page.locator(`${table} tbody tr`);
    expect(await body.count()).toBe(rows);
    expect(await body.last().isVisible()).toBe(true);
    expect(await page.locator(`${table} thead`).evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
    await page.emulateMedia({ media: 'screen' });
  }

  /** A download link works: clicking it saves the file; answers its bytes. */
  async function download(page: Page, name: string): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
    const path = await file.path();
    return fs.readFileSync(path);
  }

  for (const lang of LANGS) {
    const es = lang === 'es';

    it(`offers the registry as CSV and PDF and prints every row (${lang}, 360px)`, async () => {
      const page = await phonePage(browser, url, lang, admin);
      await page.goto(`/m/ilo/staff/p/${processId}/registrations`);
      await settled(page);
      const group = page.getByRole('group', { name: es ? 'Descargas e impresión' : 'Downloads and printing' });
      await group.waitFor();
      await expectNoAxeViolations(page, `registrations (${lang})`);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: path.resolve('test-results', 'screenshots', `registrations-downloads-360-${lang}.png`) });
      const csv = (await download(page, es ? 'Agentes (CSV)' : 'Agents (CSV)')).toString('utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.split('\r\n')[0]).toContain(es ? 'Nombres y apellidos' : 'Full name');
      expect(csv.trim().split('\r\n')).toHaveLength(AGENTS + 1);
      const pdf = await download(page, es ? 'Registro completo (PDF)' : 'Whole registry (PDF)');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // To the print view with the keyboard: it loads every row, not the list's first page.
      await page.getByRole('link', { name: es ? 'Vista para imprimir (todas las filas)' : 'Print view (every row)' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: es ? 'Registro de agentes participantes y organizaciones' : 'Registry of participating agents and organizations' }).waitFor();
      await page.locator(`#print-agents tbody tr >> nth=${AGENTS - 1}`).waitFor();
      await expectNoAxeViolations(page, `registry print view (${lang})`);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.resolve('test-results', 'screenshots', `registry-print-${lang}.png`) });
      await page.emulateMedia({ media: 'screen' });
      await printsContentOnly(page, '#print-agents', AGENTS);
      expect(uncaughtErrors(page)).toEqual([]);
      await closePage(page);
    });

    it(`offers a session's attendance and prints its sheet with every agent and blank rows (${lang}, 360px)`, async () => {
      const page = await phonePage(browser, url, lang, admin);
      await page.goto(`/m/ilo/staff/p/${processId}/trainings/${sessionId}`);
      await settled(page);
      await page.getByRole('group', { name: es ? 'Descargas e impresión' : 'Downloads and printing' }).waitFor();
      await expectNoAxeViolations(page, `session (${lang})`);
      await page.screenshot({ path: path.resolve('test-results', 'screenshots', `session-downloads-360-${lang}.png`) });
      const csv = (await download(page, es ? 'Asistencia (CSV)' : 'Attendance (CSV)')).toString('utf8');
      expect(csv.split('\r\n')[0]).toContain(es ? 'Registrado por' : 'Recorded by');
      const sheetPdf = await download(page, es ? 'Hoja de asistencia (PDF)' : 'Attendance sheet (PDF)');
      expect(sheetPdf.subarray(0, 5).toString()).toBe('%PDF-');
      // The printed page itself: no menu, no check-in form, no buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('main form').first().isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('link', { name: es ? 'Hoja de asistencia para imprimir' : 'Attendance sheet to print' }).click();
      await page.locator('.sheet-table').waitFor();
      await expectNoAxeViolations(page, `session sheet (${lang})`);
      expect(await horizontalOverflow(page)).toBe(0);
      await printsContentOnly(page, '.sheet-table', AGENTS + WALK_IN_ROWS);
      expect(uncaughtErrors(page)).toEqual([]);
      await closePage(page);
    });

    it(`offers a workshop's attendance and sheet (${lang}, 360px)`, async () => {
      const page = await phonePage(browser, url, lang, admin);
      await page.goto(`/m/ilo/staff/p/${concertationId}/workshops/${workshopId}`);
      await settled(page);
      await page.getByRole('group', { name: es ? 'Descargas e impresión' : 'Downloads and printing' }).waitFor();
      await expectNoAxeViolations(page, `workshop (${lang})`);
      expect(await horizontalOverflow(page)).toBe(0);
      const pdf = await download(page, es ? 'Asistencia (PDF)' : 'Attendance (PDF)');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.getByRole('link', { name: es ? 'Hoja de asistencia para imprimir' : 'Attendance sheet to print' }).click();
      await page.locator('.sheet-table').waitFor();
      await expectNoAxeViolations(page, `workshop sheet (${lang})`);
      const expected = await db.db.selectFrom('agents').select('id').where('process_id', '=', concertationId).execute();
      await printsContentOnly(page, '.sheet-table', expected.length + WALK_IN_ROWS);
      await closePage(page);
    });

    it(`offers the quota page as CSV and PDF and prints its content only (${lang}, 360px)`, async () => {
      const page = await phonePage(browser, url, lang);
      await page.goto(`/m/ilo/p/${processId}/quotas`);
      await settled(page);
      await page.getByRole('group', { name: es ? 'Descargas e impresión' : 'Downloads and printing' }).waitFor();
      await expectNoAxeViolations(page, `quotas (${lang})`);
      expect(await horizontalOverflow(page)).toBe(0);
      const members = (await download(page, es ? 'Integrantes de los comités (CSV)' : 'Committee members (CSV)')).toString('utf8');
      expect(members.trim().split('\r\n')).toHaveLength(4);
      const pdf = await download(page, es ? 'Página de cuotas (PDF)' : 'Quota page (PDF)');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.site-header', 'nav', '.downloads']) for (const el of await page.locator(hidden).all()) expect(await el.isVisible(), hidden).toBe(false);
      const items = page.locator('.member-list li');
      expect(await items.count()).toBe(3);
      for (const el of await items.all()) expect(await el.isVisible()).toBe(true);
      await closePage(page);
    });
  }
});
