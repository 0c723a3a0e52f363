// The provisional ranked list in a real Chromium against a real server with the full Ilo demo (the 2007 process, its
// evaluations and workshop votes): a citizen on a 360 px phone reads each zone's ranking, its chart's table and why a
// proposal is funded or not, and opens one proposal's scores per evaluator by keyboard, in Spanish and English.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer } from '../support/server.ts';
import { assertWebBuilt, closePage, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, settled } from './support.ts';

describeWithBrowser('the provisional ranked list in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let processId: string;
  let list: { pools: { zoneName: string | null; entries: { number: number; status: string; rank: number | null; explanation: string[] }[] }[] };

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({ full: true });
    browser = await launchBrowser();
    const detail = await (await fetch(`${server.url}/api/municipalities/ilo`)).json() as { processes: { id: string; fiscalYear: number }[] };
    processId = detail.processes.find((p) => p.fiscalYear === 2007)!.id;
    list = (await (await fetch(`${server.url}/api/municipalities/ilo/processes/${processId}/provisional-list?lang=en`)).json()).list;
  }, 180_000);
  afterAll(async () => { await browser?.close(); await server?.close(); });

  it('shows each zone\'s ranking with its chart, statuses and explanations on a phone, in both languages', async () => {
    const zoned = list.pools.filter((p) => p.entries.length > 0);
    expect(zoned.length).toBeGreaterThan(1);
    const funded = zoned[0]!.entries.find((e) => e.status === 'funded')!;
    for (const lang of ['es', 'en'] as const) {
      const page = await phonePage(browser, server.url, lang);
      await page.goto(`/m/ilo/p/${processId}/ranking`);
      await page.getByRole('heading', { level: 1, name: lang === 'es' ? 'Lista priorizada provisional' : 'Provisional ranked list' }).waitFor();
      await settled(page);
      for (const pool of zoned) {
        await expect(page.getByRole('heading', { level: 2, name: pool.zoneName ?? (lang === 'es' ? 'Todo el distrito (zonas sin asignación propia)' : 'The whole district (zones without their own envelope)') }).count()).resolves.toBe(1);
      }
      const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^(Puesto|Place) ${funded.rank} · (N\\.°|No\\.) ${funded.number} `) }) });
      await expect(item.getByText(lang === 'es' ? 'Financiada' : 'Funded', { exact: true }).count()).resolves.toBe(1);
      await expect(item.getByText(lang === 'es' ? /^financiado: puesto/ : /^funded: ranked/).count()).resolves.toBeGreaterThan(0);
      // The scores per evaluator open by keyboard.
      const summary = item.locator('summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(item.getByRole('table').getByRole('columnheader', { name: lang === 'es' ? 'Evaluador' : 'Evaluator' }).count()).resolves.toBe(1);
      await expect(item.getByRole('table').getByRole('row').count()).resolves.toBe(4);
      expect(await horizontalOverflow(page)).toBe(0);
      await expectNoAxeViolations(page, `ranking (${lang})`);
      await closePage(page);
    }
  }, 180_000);
});
