// The vote in a real Chromium against a real server (fresh SQLite with the Ilo accounts and zones; the process in
// Formalization and its provisional list are written straight into the database): an agent casts a ballot on a 360px
// phone with the keyboard only, two facilitators type paper ballots twice and resolve a mismatch, the administrator
// closes the vote, and anyone reads the results.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { now } from '../../src/shared/clock.ts';
import { DEMO_PASSWORD } from '../../src/demo/ilo.ts';
import type { TestDatabase } from '../support/db.ts';
import { zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import { trainingSession, votingProcess } from '../voting/fixture.ts';
import {
  closePage as close, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, sessionToken, settled, startServer,
} from './support.ts';

describeWithBrowser('the vote in Chromium', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let url: string;
  let browser: Browser;
  let processId: string;
  let tableId: string;
  let zone: { id: string; name: string };
  let tokens: Record<'agent' | 'admin' | 'facilitator', string>;
  let paperDnis: string[];
  const newPage = (lang: 'es' | 'en', token?: string): Promise<Page> => phonePage(browser, url, lang, token);

  async function api(login: string, method: string, path: string, body: unknown): Promise<Response> {
    const signin = await fetch(`${url}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) });
    const cookie = /concerta_session=[^;]+/.exec(signin.headers.get('set-cookie') ?? '')![0];
    const csrf = ((await signin.json()) as { csrfToken: string }).csrfToken;
    return fetch(`${url}/api${path}`, { method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify(body) });
  }

  beforeAll(async () => {
    server = await startServer();
    ({ db, url } = server);
    browser = await launchBrowser();
    zone = (await zoneIds(db))[0]!;
    const adminId = (await db.db.selectFrom('users').select('id').where('email', '=', 'admin@ilo.gob.pe').executeTakeFirstOrThrow()).id;
    const p = await votingProcess(db, zone, adminId);
    processId = p.processId;
    const sessionId = await trainingSession(db, p.municipalityId, processId, adminId);
    const agentUser = (await db.db.selectFrom('users').select('id').where('email', '=', 'agente@ilo.gob.pe').executeTakeFirstOrThrow()).id;
    const agents = [
      await insertAgent(db, { municipalityId: p.municipalityId, processId, zoneId: zone.id, fullName: 'Pedro Mamani Cutipa', userId: agentUser }),
      await insertAgent(db, { municipalityId: p.municipalityId, processId, zoneId: zone.id, fullName: 'Rosa Quispe Apaza', source: 'in_person' }),
      await insertAgent(db, { municipalityId: p.municipalityId, processId, zoneId: zone.id, fullName: 'Juan Pari Flores', sex: 'male', source: 'in_person' }),
    ];
    paperDnis = agents.slice(1).map((a) => a.dni);
    for (const a of agents) {
      await db.db.insertInto('training_attendance').values({ municipality_id: p.municipalityId, session_id: sessionId, agent_id: a.id, method: 'facilitator', recorded_at: now(), recorded_by: adminId }).execute();
    }
    const open = await api('admin@ilo.gob.pe', 'POST', `/municipalities/ilo/processes/${processId}/vote/open`, { closesAt: new Date(Date.now() + 3600_000).toISOString(), allowChanges: false, reason: 'apertura de la votación' });
    expect(open.status).toBe(201);
    const facilitatorId = (await db.db.selectFrom('users').select('id').where('email', '=', 'facilitador@ilo.gob.pe').executeTakeFirstOrThrow()).id;
    const table = await api('admin@ilo.gob.pe', 'POST', `/municipalities/ilo/processes/${processId}/vote/tables`, { name: 'Mesa 1', place: 'Colegio Miramar', facilitatorUserIds: [adminId, facilitatorId] });
    expect(table.status).toBe(201);
    tableId = ((await table.json()) as { id: string }).id;
    tokens = {
      agent: await sessionToken(url, 'agente@ilo.gob.pe'), admin: await sessionToken(url, 'admin@ilo.gob.pe'), facilitator: await sessionToken(url, 'facilitador@ilo.gob.pe'),
    };
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets an agent cast a ballot on a 360px phone with the keyboard only, and gives a receipt', async () => {
    const page = await newPage('es', tokens.agent);
    await page.goto(`/m/ilo/p/${processId}/vote`);
    await settled(page);
    await page.getByRole('heading', { name: 'Su cédula' }).waitFor();
    await expectNoAxeViolations(page, 'ballot (360px)');
    expect(await horizontalOverflow(page)).toBe(0);
    // Into the first envelope's group, pick project 1 with Space; the next envelope's group, up from "no vote" to project 5.
    await page.getByRole('radio', { name: /N\.º 1 Proyecto 1/ }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Emitir mi voto');
    await page.keyboard.press('Enter');
    await page.locator('#receipt-code').waitFor();
    const receipt = (await page.locator('#receipt-code').textContent())!;
    expect(receipt).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    const stored = await db.db.selectFrom('online_ballots').select('content').execute();
    expect(stored.map((s) => JSON.parse(s.content))).toEqual([[{ pool: zone.id, projects: ['0001'] }, { pool: 'municipality', projects: ['0005'] }]]);
    await expectNoAxeViolations(page, 'receipt (360px)');
    // The cast carried an idempotency key (the web app sends one per ballot as drafted).
    expect(await db.db.selectFrom('vote_idempotency').select('actor_id').execute()).toHaveLength(1);
    // Signed in, with the code, the voter sees their own ballot.
    await page.reload();
    await settled(page);
    await page.getByLabel('Código de comprobante').first().fill(receipt);
    await page.getByRole('button', { name: 'Mostrar mi cédula' }).click();
    await page.getByText(/N\.º 1 Proyecto 1/).last().waitFor();
    await expectNoAxeViolations(page, 'own ballot (360px)');

    // The receipt check, in English.
    const en = await newPage('en');
    await en.goto(`/m/ilo/p/${processId}/vote`);
    await settled(en);
    await en.getByLabel('Receipt code').fill(receipt);
    await en.getByLabel('Receipt code').press('Enter');
    await en.getByText('There is a ballot with that code').waitFor();
    await close(en);
    await close(page);
  });

  it('lets two facilitators type each paper ballot, counts it when both match, and resolves a mismatch against the paper', async () => {
    const fac = await newPage('es', tokens.facilitator);
    const adm = await newPage('es', tokens.admin);
    const tablePath = `/m/ilo/staff/p/${processId}/vote/tables/${tableId}`;
    for (const p of [fac, adm]) { await p.goto(tablePath); await settled(p); }
    await expectNoAxeViolations(fac, 'polling table (360px)');
    for (const dni of paperDnis) {
      await fac.getByLabel('DNI del votante').fill(dni);
      await fac.getByLabel('DNI del votante').press('Enter');
      await fac.getByText('fue registrado como votante en esta mesa').waitFor();
    }
    const type = async (page: Page, serial: string, project: RegExp) => {
      const form = page.locator('section[aria-labelledby="entry-title"]');
      await form.getByLabel('Número de la cédula').fill(serial);
      await form.getByRole('radio', { name: project }).check();
      await form.getByRole('button', { name: 'Guardar la digitación' }).click();
    };
    await type(fac, 'B-1', /N\.º 3 Proyecto 3/);
    await fac.getByText('Cédula N.º B-1: primera digitación guardada').waitFor();
    await type(fac, 'B-1', /N\.º 3 Proyecto 3/);
    await fac.getByText(/B-1 ya la digitaste tú/).waitFor();
    await adm.reload();
    await settled(adm);
    await type(adm, 'B-1', /N\.º 3 Proyecto 3/);
    await adm.getByText('Cédula N.º B-1: las dos digitaciones coinciden; la cédula cuenta.').waitFor();

    await type(fac, 'B-2', /N\.º 1 Proyecto 1/);
    await fac.getByText('Cédula N.º B-2: primera digitación guardada').waitFor();
    await type(adm, 'B-2', /N\.º 2 Proyecto 2/);
    await adm.getByText('Cédula N.º B-2: las dos digitaciones no coinciden').waitFor();
    await fac.reload();
    await settled(fac);
    const item = fac.getByRole('form', { name: 'Resolver la cédula N.º B-2' });
    await fac.getByRole('heading', { name: 'Discrepancias por resolver (1)' }).waitFor();
    await expectNoAxeViolations(fac, 'mismatch list (360px)');
    await item.getByRole('radio', { name: /N\.º 1 Proyecto 1/ }).check();
    await item.getByLabel('Qué dice el papel (motivo)').fill('El papel marca el proyecto 1.');
    await item.getByRole('button', { name: 'Resolver contra el papel' }).click();
    await fac.getByText('No hay discrepancias.').waitFor();
    expect(await fac.locator('.tally-sheet').textContent()).toContain('Los votos por proyecto figuran en el acta al cierre');
    await close(fac);
    await close(adm);
  });

  it('lets the administrator close the vote and everyone read the results, in Spanish and English', async () => {
    const early = await newPage('en');
    await early.goto(`/m/ilo/p/${processId}/vote/results`);
    await early.getByText('The results are published when the vote closes').waitFor();
    await close(early);

    await db.db.updateTable('votes').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('process_id', '=', processId).execute();
    const adm = await newPage('es', tokens.admin);
    await adm.goto(`/m/ilo/staff/p/${processId}/vote`);
    await settled(adm);
    await adm.getByRole('heading', { name: 'Cerrar y contar la votación' }).waitFor();
    await expectNoAxeViolations(adm, 'vote staff page (360px)');
    await adm.getByLabel('Motivo').fill('cierre de la votación a la hora anunciada');
    await adm.getByRole('button', { name: 'Cerrar y contar' }).click();
    await adm.getByText('La votación fue cerrada y contada.').waitFor();
    await close(adm);

    for (const lang of ['es', 'en'] as const) {
      const page = await newPage(lang);
      await page.goto(`/m/ilo/p/${processId}/vote/results`);
      await settled(page);
      await page.getByRole('heading', { level: 2, name: zone.name }).waitFor();
      await expectNoAxeViolations(page, `results (${lang}, 360px)`);
      expect(await horizontalOverflow(page)).toBe(0);
      const section = page.locator(`section[aria-labelledby="envelope-${zone.id}"]`);
      const text = (await section.textContent())!;
      expect(text).toContain(lang === 'es' ? 'Financiados' : 'Funded');
      expect(await section.locator('svg, figure').count()).toBeGreaterThan(0);
      // The ballot log to verify the count, downloadable by anyone.
      const link = page.getByRole('link', { name: lang === 'es' ? 'Descargar el registro de cédulas (JSON)' : 'Download the ballot log (JSON)' });
      expect(await link.getAttribute('href')).toBe(`/api/municipalities/ilo/processes/${processId}/vote/ballot-log`);
      const log = await page.evaluate(async (href) => (await fetch(href)).json(), (await link.getAttribute('href'))!) as { format: string; head: string };
      expect(log.format).toBe('concerta-ballot-log/1');
      await close(page);
    }
  });
});
