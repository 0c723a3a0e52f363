// The audit log reads in the page's language: each entry's action and the kind of thing it concerns are named in
// Spanish or English (the code stays beside them), the filter lists the kinds by name, and a language switch changes
// them all; on a 360px phone, with axe.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closePage, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, plain, sessionToken, settled, startServer } from './support.ts';

describeWithBrowser('the audit log in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  it('names actions and things in Spanish, then in English after the switch, with the codes kept', async () => {
    const page = await phonePage(browser, server.url, 'es', await sessionToken(server.url, 'admin@ilo.gob.pe'));
    await page.goto('/m/ilo/staff/audit');
    await settled(page);
    const first = page.locator('.audit-list .entry').first();
    await first.waitFor();
    const spanish = plain(await page.locator('.audit-list').innerText());
    expect(spanish).toContain('Rol otorgado');
    expect(spanish).toContain('Cuenta');
    expect(spanish).toContain('membership.grant');
    expect(spanish).not.toMatch(/· user\b/);
    const options = await page.getByLabel('Tipo de registro').locator('option').allInnerTexts();
    expect(options).toContain('Agente participante');
    await expectNoAxeViolations(page, 'audit log (es)');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('.audit-list')?.textContent?.includes('Role granted'));
    const english = plain(await page.locator('.audit-list').innerText());
    expect(english).toContain('Account');
    expect(english).not.toContain('Rol otorgado');
    expect(await page.getByLabel('Kind of record').locator('option').allInnerTexts()).toContain('Participating agent');
    await expectNoAxeViolations(page, 'audit log (en)');
    await closePage(page);
  });
});
