// The Acta de Acuerdos y Compromisos in a real Chromium against a real server (fresh SQLite with the Ilo accounts and
// zones; the vote closed and the committee elected through their routes): on a 360 px phone, by keyboard, the
// administrator records the session and the signatories, is told what is wrong next to its field, issues the Acta,
// and anyone then reads it with its SHA-256, in Spanish and English, with axe finding nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { build } from '../../src/app.ts';
import { seedDemo } from '../../src/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { signIn } from '../support/app.ts';
import { TEST_LOG_N, testConfig } from '../support/app.ts';
import { zoneIds } from '../support/fixtures.ts';
import { formalizationProcess } from '../acta/fixture.ts';
import {
  assertWebBuilt, closePage, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, plain, sessionToken, settled, WEB_DIST,
} from './support.ts';

describeWithBrowser('the Acta in Chromium', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let processId: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await createTestDatabase('sqlite');
    await seedDemo(db, { passwordLogN: TEST_LOG_N });
    app = await build({ db, config: testConfig({ webDist: WEB_DIST }), passwordLogN: TEST_LOG_N, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
    const admin = await signIn(app, 'admin@ilo.gob.pe');
    const p = await formalizationProcess(app, db, admin, (await zoneIds(db))[0]!, 2027);
    await p.closeVote();
    await p.electCommittee();
    processId = p.processId;
  }, 180_000);
  afterAll(async () => { await browser?.close(); await app?.close(); await db?.drop(); });

  const type = async (page: Page, label: string, value: string) => {
    await page.getByLabel(label, { exact: true }).focus();
    await page.keyboard.type(value);
  };

  it('the administrator records the session and signatories and issues the Acta by keyboard; the public page shows its hash', async () => {
    const token = await sessionToken(url, 'admin@ilo.gob.pe');
    const page = await phonePage(browser, url, 'es', token);
    await page.goto(`/m/ilo/staff/p/${processId}/acta`);
    await page.getByRole('heading', { level: 1, name: 'Acta de Acuerdos y Compromisos' }).waitFor();
    await settled(page);
    // Nothing is recorded yet: the session and the signatories are what is missing.
    await expect(page.getByRole('listitem').filter({ hasText: 'no hay firmantes registrados' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'acta staff (es)');
    expect(await horizontalOverflow(page)).toBe(0);

    await page.getByLabel('Fecha de la sesión').fill('2026-06-30');
    await type(page, 'Lugar', 'Auditorio de la Municipalidad Provincial de Ilo');
    await page.getByLabel('Hora de inicio').fill('09:00');
    await page.getByLabel('Hora de fin').fill('13:30');
    await type(page, 'Nombre del firmante 1', 'Ernesto Valdivia Rivera');
    await page.getByLabel('Calidad del firmante 1').focus();
    await page.keyboard.press('ArrowDown'); // the first capacity: mayor
    await type(page, 'Cargo u organización del firmante 1', 'Alcalde provincial');
    await page.getByRole('button', { name: 'Agregar un firmante' }).focus();
    await page.keyboard.press('Enter');
    // The new signatory's name takes the focus.
    await page.waitForFunction(() => /^acta-sig-\d+-name$/.test(document.activeElement?.id ?? '') && document.activeElement !== document.getElementById('acta-sig-0-name'));
    await page.keyboard.type('CEOP Ilo');
    await page.getByLabel('Calidad del firmante 2').selectOption('other');
    // "Other" without saying which: the error goes next to its field, which takes the focus.
    await page.getByRole('button', { name: 'Guardar la sesión y los firmantes' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Indica en qué calidad firma.').waitFor();
    await page.waitForFunction(() => /^acta-sig-\d+-detail$/.test(document.activeElement?.id ?? ''));
    await page.keyboard.type('ONG cofinanciadora');
    await page.getByRole('button', { name: 'Guardar la sesión y los firmantes' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Sesión y firmantes guardados.').waitFor();

    await page.getByRole('button', { name: 'Emitir el acta' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Acta emitida (versión 1).').waitFor();
    const issued = await (await fetch(`${url}/api/municipalities/ilo/processes/${processId}/acta`)).json() as { contentHash: string; version: number };
    expect(issued.version).toBe(1);
    await expect(page.locator('.notice-success code').textContent()).resolves.toBe(issued.contentHash);
    await expectNoAxeViolations(page, 'acta staff after the issue (es)');
    expect(await horizontalOverflow(page)).toBe(0);
    await closePage(page);

    for (const lang of ['es', 'en'] as const) {
      const pub = await phonePage(browser, url, lang);
      await pub.goto(`/m/ilo/p/${processId}/acta`);
      await pub.getByRole('heading', { level: 1, name: 'Acta de Acuerdos y Compromisos' }).waitFor();
      await settled(pub);
      await expect(pub.locator('code[data-hash]').textContent()).resolves.toBe(issued.contentHash);
      const signatories = pub.getByRole('region', { name: lang === 'es' ? 'Firmantes' : 'Signatories' });
      await expect(signatories.getByRole('rowheader', { name: 'Ernesto Valdivia Rivera' }).count()).resolves.toBe(1);
      const row = plain(await signatories.getByRole('row').filter({ hasText: 'CEOP Ilo' }).innerText());
      expect(row).toContain(lang === 'es' ? 'Otro: ONG cofinanciadora' : 'Other: ONG cofinanciadora');
      const link = pub.getByRole('link', { name: lang === 'es' ? 'Descargar el acta en PDF (versión 1)' : 'Download the Acta as PDF (version 1)' });
      const pdf = await fetch(`${url}${await link.getAttribute('href')}`);
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      expect(await horizontalOverflow(pub)).toBe(0);
      await expectNoAxeViolations(pub, `acta (${lang})`);
      await closePage(pub);
    }
  }, 180_000);
});
