// The approval chain in a real Chromium against a real server (fresh SQLite with the Ilo accounts and zones; a process
// whose vote was closed through the staff routes): the administrator records the CCL's session in Spanish and the
// council's in English on a 360px phone with the keyboard only, downloads the MEF export as CSV, sets an investment
// code and records a voted amendment, and anyone reads the decisions and the formalized list.
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { DEMO_PASSWORD } from '../../src/demo/ilo.ts';
import type { TestDatabase } from '../support/db.ts';
import { votedProcess, type VotedFixtureProject, type VotedProjectName } from '../support/voted-process.ts';
import {
  closePage as close, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, plain, sessionToken, settled, startServer,
} from './support.ts';

describeWithBrowser('the approval chain in Chromium', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let url: string;
  let browser: Browser;
  let processId: string;
  let projects: Record<VotedProjectName, VotedFixtureProject>;
  let adminToken: string;
  const newPage = (lang: 'es' | 'en', token?: string): Promise<Page> => phonePage(browser, url, lang, token);

  beforeAll(async () => {
    server = await startServer();
    ({ db, url } = server);
    browser = await launchBrowser();
    const sessions = new Map<string, { cookie: string; csrf: string }>();
    const signIn = async (login: string) => {
      if (!sessions.has(login)) {
        const res = await fetch(`${url}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) });
        sessions.set(login, { cookie: /concerta_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken });
      }
      return sessions.get(login)!;
    };
    const fixture = await votedProcess(db, async (who, method, path, payload) => {
      const s = await signIn(who === 'admin' ? 'admin@ilo.gob.pe' : 'facilitador@ilo.gob.pe');
      const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf }, body: payload ? JSON.stringify(payload) : undefined });
      return { status: res.status, body: await res.text() };
    });
    ({ processId, projects } = fixture);
    adminToken = await sessionToken(url, 'admin@ilo.gob.pe');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Fills the session form from its reference field on, with the keyboard only, and sends it. */
  async function recordByKeyboard(page: Page, reference: string, reason: string): Promise<void> {
    await page.locator('#session-reference').focus();
    await page.keyboard.type(reference);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('approved');
    await page.keyboard.press('Tab');
    await page.keyboard.type(reason);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await page.keyboard.press('Enter');
  }

  it('lets the administrator record the CCL\'s and the council\'s sessions with the keyboard on a phone, in Spanish and English, then download, code and amend', async () => {
    const es = await newPage('es', adminToken);
    await es.goto(`/m/ilo/staff/p/${processId}/approval`);
    await settled(es);
    await es.getByRole('heading', { name: 'Sesión del Consejo de Coordinación Local' }).waitFor();
    expect(plain((await es.locator('[aria-current="step"]').textContent())!)).toContain('Aprobación del Consejo de Coordinación Local (CCL) — paso actual');
    await expectNoAxeViolations(es, 'approval staff page, CCL pending (es, 360px)');
    expect(await horizontalOverflow(es)).toBe(0);
    await recordByKeyboard(es, 'Sesión ordinaria del CCL N.° 4-2026', 'acta de la sesión del CCL');
    await es.getByText('Sesión registrada.').waitFor();
    await es.getByRole('heading', { name: 'Sesión del concejo municipal' }).waitFor();
    expect(plain((await es.locator('[aria-current="step"]').textContent())!)).toContain('Aprobación del concejo municipal — paso actual');
    await close(es);

    const en = await newPage('en', adminToken);
    await en.goto(`/m/ilo/staff/p/${processId}/approval`);
    await settled(en);
    await en.getByRole('heading', { name: 'Session of the municipal council' }).waitFor();
    await expectNoAxeViolations(en, 'approval staff page, council pending (en, 360px)');
    await recordByKeyboard(en, 'Extraordinary session No. 5-2026', 'council agreement approving the list');
    await en.getByText('Session recorded: the list is formalized and frozen.').waitFor();
    await en.getByRole('heading', { name: 'Export for the MEF' }).waitFor();
    await en.getByRole('heading', { name: 'Amendment of the formalized list' }).waitFor();
    await expectNoAxeViolations(en, 'approval staff page, formalized (en, 360px)');
    expect(await horizontalOverflow(en)).toBe(0);

    const [download] = await Promise.all([en.waitForEvent('download'), en.getByRole('link', { name: 'Download the formalized list (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('lista-formalizada-2027.csv');
    const rows = parse(fs.readFileSync((await download.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => Number(r.project_number)).sort((a, b) => a - b)).toEqual([projects.pistas.number, projects.aulas.number, projects.mercado.number].sort((a, b) => a - b));
    expect(rows.find((r) => Number(r.project_number) === projects.mercado.number)).toMatchObject({ regional_government: '40000.00', participatory_budget: '160000.00', total: '200000.00' });

    // An investment code, then an amendment voted by the council: the list shows both.
    const code = en.locator('form[aria-labelledby="code-title"]');
    await code.getByLabel('Project').selectOption({ label: `No. ${projects.mercado.number} Proyecto mercado del sector` });
    await code.getByLabel('Investment code').fill('2501234');
    await code.getByLabel('Reason for the change').fill('code assigned in Invierte.pe');
    await code.getByRole('button', { name: 'Save the code' }).click();
    await en.getByText(`Code of project No. ${projects.mercado.number} saved.`).waitFor();
    const amend = en.locator('form[aria-labelledby="amend-title"]');
    await amend.getByLabel('Funded project').selectOption({ label: `No. ${projects.aulas.number} Proyecto aulas del sector` });
    await amend.getByLabel('Session reference').fill('Extraordinary session No. 6-2026');
    await amend.getByLabel('Votes for').fill('7');
    await amend.getByLabel('Votes against').fill('2');
    await amend.getByLabel('Reason for the change').fill('the regional government builds the classrooms');
    await amend.getByRole('button', { name: 'Record the amendment' }).click();
    await en.getByText('Amendment recorded.').waitFor();
    const list = plain((await en.locator('section[aria-labelledby="amendments-title"]').textContent())!);
    expect(list).toContain(`Project No. ${projects.aulas.number} Proyecto aulas del sector is withdrawn.`);
    expect(list).toContain('7 for, 2 against, 0 abstentions');
    expect(plain((await en.locator('section[aria-labelledby="list-title"]').textContent())!)).toContain('2501234');
    await expectNoAxeViolations(en, 'approval staff page, amended (en, 360px)');
    await close(en);

    const stored = await db.db.selectFrom('approval_sessions').select(['body', 'reference', 'decision']).where('process_id', '=', processId).orderBy('recorded_at').execute();
    expect(stored).toEqual([
      { body: 'ccl', reference: 'Sesión ordinaria del CCL N.° 4-2026', decision: 'approved' },
      { body: 'council', reference: 'Extraordinary session No. 5-2026', decision: 'approved' },
    ]);
  });

  it('shows anyone the decisions and the formalized list, in Spanish and English', async () => {
    for (const lang of ['es', 'en'] as const) {
      const page = await newPage(lang);
      await page.goto(`/m/ilo/p/${processId}/approval`);
      await settled(page);
      await page.getByRole('heading', { name: lang === 'es' ? 'Lista formalizada vigente' : 'Current formalized list' }).waitFor();
      const decisions = plain((await page.locator('section[aria-labelledby="decisions-title"]').textContent())!);
      expect(decisions).toContain('Sesión ordinaria del CCL N.° 4-2026');
      expect(decisions).toContain(lang === 'es' ? 'Aprobó la lista.' : 'Approved the list.');
      await expectNoAxeViolations(page, `approval public page (${lang}, 360px)`);
      expect(await horizontalOverflow(page)).toBe(0);
      await close(page);
    }
  });
});
