// Coordination and the oversight committee in a real Chromium against a real server: on a 360 px phone, by keyboard,
// an administrator records an agreement that closes an alternate's financing gap and sees the table say so; staff
// type in the committee's votes and the public page shows the elected; every page in Spanish and English, with axe.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { coordinationFixture, type FixtureProject } from '../coordination/projects.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import { DEMO_PASSWORD } from '../../src/demo/ilo.ts';
import { addDays, localDate, now } from '../../src/shared/clock.ts';
import type { TestDatabase } from '../support/db.ts';
import { SAMPLES } from '../files/multipart.ts';
import { closePage, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, sessionToken, settled, startServer } from './support.ts';

describeWithBrowser('Coordination and the oversight committee in Chromium', () => {
  let browser: Browser;
  let server: { db: TestDatabase; url: string; close(): Promise<void> };
  let token: string;
  let processId: string;
  let committeeProcessId: string;
  let projects: Record<string, FixtureProject>;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const signin = await fetch(`${server.url}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin@ilo.gob.pe', password: DEMO_PASSWORD }) });
    const { csrfToken, user } = await signin.json() as { csrfToken: string; user: { id: string } };
    const cookie = /concerta_session=[^;]+/.exec(signin.headers.get('set-cookie') ?? '')![0];
    ({ processId, projects } = await coordinationFixture(server.db, async (url, payload) => {
      const res = await fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(payload) });
      return { status: res.status, body: await res.text() };
    }, user.id));
    token = await sessionToken(server.url, 'admin@ilo.gob.pe');
    // A process in Formalization with seven approved agents standing for the six seats (three for women).
    const iloId = await municipalityId(server.db);
    const zones = await zoneIds(server.db);
    ({ processId: committeeProcessId } = await createProcessFixture(server.db, { phase: 'formalization', fiscalYear: 2030 }));
    const people: [string, 'female' | 'male'][] = [['Luis Mamani', 'male'], ['Pedro Condori', 'male'], ['Juan Huanca', 'male'], ['Carlos Ticona', 'male'], ['Ana Flores', 'female'], ['Rosa Cutipa', 'female'], ['Elena Quispe', 'female']];
    for (const [i, [fullName, sex]] of people.entries()) {
      const a = await insertAgent(server.db, { municipalityId: iloId, processId: committeeProcessId, zoneId: zones[0]!.id, fullName, sex });
      await server.db.db.insertInto('committee_candidates').values({
        municipality_id: iloId, process_id: committeeProcessId, agent_id: a.id, stood_at: new Date(Date.parse(now()) - (10 - i) * 60_000).toISOString(),
        registered_by: user.id, consent: 'aceptó postular en la sesión',
      }).execute();
    }
  }, 180_000);
  afterAll(async () => { await browser?.close(); await server?.close(); });

  const fill = async (page: Page, label: string | RegExp, value: string) => {
    await page.getByLabel(label).first().focus();
    await page.keyboard.type(value);
  };

  it('an administrator records an agreement by keyboard on a phone and the financing table closes the gap', async () => {
    const page = await phonePage(browser, server.url, 'es', token);
    await page.goto(`/m/ilo/staff/p/${processId}/coordination`);
    await page.getByRole('heading', { level: 1, name: 'Convenios y alcance de los proyectos' }).waitFor();
    await settled(page);
    const agua = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: `N.° ${projects.agua!.number} Proyecto agua del sector` }) });
    const gap = agua.locator('tfoot td[data-gap]');
    await expect(gap.textContent()).resolves.toMatch(/^Faltan S\/\s?120[.,]000\.00$/);
    await expectNoAxeViolations(page, 'coordination staff (es)');
    expect(await horizontalOverflow(page)).toBe(0);

    // Submitting empty shows the errors next to their fields, the first focused.
    await agua.getByRole('button', { name: 'Registrar el convenio' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`agreement-${projects.agua!.id}-kind`);
    await page.keyboard.press('ArrowDown'); // the first kind: regional government
    await agua.getByLabel('Contraparte', { exact: true }).focus();
    await page.keyboard.type('Gobierno Regional de Moquegua');
    await agua.getByLabel('Monto (S/)').focus();
    await page.keyboard.type('120000');
    await agua.getByLabel('Condiciones').focus();
    await page.keyboard.type('Transferencia en dos armadas');
    await agua.getByLabel('Fecha de firma').fill(addDays(localDate(), -1));
    await agua.getByLabel('Convenio firmado (PDF o imagen)').setInputFiles({ name: 'convenio.pdf', mimeType: 'application/pdf', buffer: SAMPLES.pdf });
    await agua.getByText('convenio.pdf').first().waitFor();
    await agua.getByRole('button', { name: 'Registrar el convenio' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Convenio registrado para el proyecto N.° ${projects.agua!.number}.`).waitFor();
    await expect(gap.textContent()).resolves.toBe('Sin brecha');
    await expect(agua.getByRole('rowheader', { name: 'Convenio: Gobierno Regional de Moquegua (gobierno regional)' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'coordination staff after the agreement (es)');
    await closePage(page);

    for (const lang of ['es', 'en'] as const) {
      const pub = await phonePage(browser, server.url, lang);
      await pub.goto(`/m/ilo/p/${processId}/coordination`);
      await pub.getByRole('heading', { level: 1, name: lang === 'es' ? 'Financiamiento de los proyectos' : 'Financing of the projects' }).waitFor();
      await settled(pub);
      const section = pub.locator('section').filter({ has: pub.getByRole('heading', { level: 2, name: new RegExp(`${projects.agua!.number} Proyecto agua`) }) });
      await expect(section.locator('tfoot td[data-gap]').textContent()).resolves.toBe(lang === 'es' ? 'Sin brecha' : 'No gap');
      await expect(section.getByRole('link', { name: lang === 'es' ? 'Convenio firmado con Gobierno Regional de Moquegua' : 'Signed agreement with Gobierno Regional de Moquegua' }).count()).resolves.toBe(1);
      expect(await horizontalOverflow(pub)).toBe(0);
      await expectNoAxeViolations(pub, `coordination (${lang})`);
      await closePage(pub);
    }
  }, 180_000);

  it('staff type in the committee\'s votes by keyboard and the public page shows the elected, the quota kept', async () => {
    const page = await phonePage(browser, server.url, 'en', token);
    await page.goto(`/m/ilo/staff/p/${committeeProcessId}/oversight-committee`);
    await page.getByRole('heading', { level: 1, name: 'Oversight committee election' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'committee staff (en)');
    await fill(page, 'Place', 'Auditorio municipal');
    const votes: Record<string, number> = { 'Luis Mamani': 40, 'Pedro Condori': 35, 'Juan Huanca': 30, 'Carlos Ticona': 25, 'Ana Flores': 20, 'Rosa Cutipa': 3, 'Elena Quispe': 2 };
    for (const [name, n] of Object.entries(votes)) await fill(page, `Votes for ${name}`, String(n));
    await fill(page, /reason/i, 'Acta de la sesión de formalización N.° 2');
    await page.getByRole('button', { name: 'Record the election' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Election recorded: the oversight committee is formed.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await closePage(page);

    for (const lang of ['es', 'en'] as const) {
      const pub = await phonePage(browser, server.url, lang);
      await pub.goto(`/m/ilo/p/${committeeProcessId}/oversight-committee`);
      await pub.getByRole('heading', { level: 1, name: lang === 'es' ? 'Comité de vigilancia' : 'Oversight committee' }).waitFor();
      await settled(pub);
      const row = (name: string) => pub.getByRole('row').filter({ has: pub.getByRole('rowheader', { name }) });
      const elected = lang === 'es' ? 'Elegido/a' : 'Elected';
      // Carlos Ticona (25 votes) gives his seat to Elena Quispe (2 votes): three seats for women.
      await expect(row('Elena Quispe').getByText(elected, { exact: true }).count()).resolves.toBe(1);
      await expect(row('Carlos Ticona').getByText(lang === 'es' ? 'No elegido/a' : 'Not elected', { exact: true }).count()).resolves.toBe(1);
      expect(await horizontalOverflow(pub)).toBe(0);
      await expectNoAxeViolations(pub, `committee (${lang})`);
      await closePage(pub);
    }
  }, 180_000);
});
