// The transparency portal in a real Chromium against a real server with the full Ilo demo (eight closed processes,
// the 2007 one with its proposals, evaluations, workshop votes and closed vote): on a 360 px phone, in Spanish and
// English, with no account, a citizen reaches the national view from the home page, a municipality's history and a
// process's transparency page, reads each chart's table, filters by keyboard, and finds the open data.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer } from '../support/server.ts';
import { assertWebBuilt, closePage, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, plain, settled } from './support.ts';

describeWithBrowser('the transparency portal in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let p2007: string;
  let funded: number;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({ full: true });
    browser = await launchBrowser();
    const detail = await (await fetch(`${server.url}/api/municipalities/ilo`)).json() as { processes: { id: string; fiscalYear: number }[] };
    p2007 = detail.processes.find((p) => p.fiscalYear === 2007)!.id;
    funded = (await (await fetch(`${server.url}/api/municipalities/ilo/processes/${p2007}/portal/proposals`)).json()).counts.funded;
  }, 180_000);
  afterAll(async () => { await browser?.close(); await server?.close(); });

  it('leads from the home page to the national view, whose charts have their tables, searchable by name', async () => {
    for (const lang of ['es', 'en'] as const) {
      const es = lang === 'es';
      const page = await phonePage(browser, server.url, lang);
      await page.goto('/');
      await settled(page);
      await page.getByRole('link', { name: es ? /^Portal de transparencia/ : /^Transparency portal/ }).click();
      await page.getByRole('heading', { level: 1, name: es ? 'El presupuesto participativo en el país' : 'Participatory budgeting across the country' }).waitFor();
      await settled(page);
      // Each chart's numbers are in its table: 2000 to 2007 and this year, one municipality each.
      const table = page.getByRole('region', { name: es ? 'Tabla: Municipalidades con presupuesto participativo, por año' : 'Table: Municipalities running participatory budgeting, by year' });
      const rows = await table.getByRole('row').allInnerTexts();
      expect(rows.map(plain)).toContain('2007 1');
      expect(rows.length).toBeGreaterThan(9);
      await expect(page.getByRole('region', { name: es ? /^Tabla: Mujeres entre los agentes aprobados/ : /^Table: Women among approved agents/ }).count()).resolves.toBe(1);
      await expectNoAxeViolations(page, `national (${lang}, 360px)`);
      expect(await horizontalOverflow(page)).toBe(0);

      // Three municipalities; the search narrows them on the server.
      const count = page.locator('#national-count');
      await expect(count.innerText()).resolves.toBe(es ? 'Se muestran 3 de 3' : 'Showing 3 of 3');
      await page.getByLabel(es ? 'Buscar municipalidad' : 'Search municipality').focus();
      await page.keyboard.type('pacocha');
      await page.waitForFunction((text) => document.querySelector('#national-count')?.textContent === text, es ? 'Se muestra 1 de 1' : 'Showing 1 of 1');
      await expect(page.getByRole('link', { name: 'Municipalidad Distrital de Pacocha' }).count()).resolves.toBe(1);
      await closePage(page);
    }
  });

  it("shows a municipality's history (envelope share, participation) and its open data", async () => {
    for (const lang of ['es', 'en'] as const) {
      const es = lang === 'es';
      const page = await phonePage(browser, server.url, lang);
      await page.goto('/m/ilo');
      await settled(page);
      await page.getByRole('link', { name: es ? 'Historia, cifras y datos abiertos de la municipalidad' : 'History, figures and open data of the municipality' }).click();
      await page.getByRole('heading', { level: 1, name: es ? 'Historia y datos abiertos' : 'History and open data' }).waitFor();
      await settled(page);
      const share = page.getByRole('region', { name: es ? 'Tabla: Monto asignado como parte del presupuesto de inversión, por año' : 'Table: The envelope as a share of the investment budget, by year' });
      const rows = (await share.getByRole('row').allInnerTexts()).map(plain);
      // 2000: S/ 420,000 of S/ 2,800,000, the pilot's 15%.
      expect(rows.find((r) => r.startsWith('2000 '))).toMatch(/^2000 15\s?% S\/\s420,000\.00 S\/\s2,800,000\.00$/);
      // Participation's own chart of the women's share over the years comes with it.
      await page.getByRole('region', { name: es ? /^Tabla: .*mujeres/i : /^Table: .*women/i }).first().waitFor();
      await expect(page.getByRole('link', { name: es ? 'Descargar todo (zip)' : 'Download everything (zip)' }).getAttribute('href')).resolves.toBe('/api/municipalities/ilo/open-data/bulk.zip');
      await expect(page.getByRole('link', { name: es ? 'Propuestas en CSV' : 'Proposals as CSV' }).getAttribute('href')).resolves.toBe('/api/municipalities/ilo/open-data/proposals.csv');
      await expectNoAxeViolations(page, `history (${lang}, 360px)`);
      expect(await horizontalOverflow(page)).toBe(0);
      await closePage(page);
    }
  });

  it("lists a process's proposals with their evaluation and result, filtered by keyboard, with its open data and ballots", async () => {
    expect(funded).toBeGreaterThan(0);
    for (const lang of ['es', 'en'] as const) {
      const es = lang === 'es';
      const page = await phonePage(browser, server.url, lang);
      await page.goto(`/m/ilo/p/${p2007}/transparency`);
      await page.getByRole('heading', { level: 1, name: es ? 'Transparencia' : 'Transparency' }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page, `transparency (${lang}, 360px)`);
      expect(await horizontalOverflow(page)).toBe(0);

      const status = page.getByLabel(es ? 'Estado' : 'Status', { exact: true });
      await status.focus();
      await status.selectOption('funded');
      const shown = es ? `Se muestran ${Math.min(funded, 20)} de ${funded}` : `Showing ${Math.min(funded, 20)} of ${funded}`;
      await page.waitForFunction((text) => document.querySelector('#portal-count')?.textContent === text, shown);
      const badges = await page.locator('.entry .badge').allInnerTexts();
      expect(new Set(badges)).toEqual(new Set([es ? 'Financiada' : 'Funded']));
      await expect(page.getByText(es ? /^Votación: Financiada, con \d+ votos?/ : /^Vote: Funded, with \d+ votes?/).count()).resolves.toBe(Math.min(funded, 20));

      await expect(page.getByRole('link', { name: es ? 'Resultados de la votación' : "The vote's results", exact: true }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: es ? 'Ejecución de los proyectos financiados' : 'Execution of the funded projects' }).getAttribute('href')).resolves.toBe(`/m/ilo/p/${p2007}/execution`);
      await expect(page.getByRole('link', { name: es ? 'Resultados de la votación en JSON' : 'Vote results as JSON' }).getAttribute('href')).resolves.toBe(`/api/municipalities/ilo/processes/${p2007}/open-data/results.json`);
      await expect(page.getByRole('link', { name: es ? /^Cédulas de / : /^Ballots of / }).count()).resolves.toBeGreaterThan(0);
      await expect(page.getByRole('link', { name: es ? /^PDF del Acta, versión \d+$/ : /^PDF of the Acta, version \d+$/ }).getAttribute('href')).resolves.toMatch(/\/acta\/versions\/\d+\/acta\.pdf$/);
      await expectNoAxeViolations(page, `transparency, funded (${lang}, 360px)`);
      await closePage(page);
    }
  });
});
