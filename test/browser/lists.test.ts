// The list stages in a real Chromium against a real server: an agent challenges a registration on a phone (360px),
// the challenged agent answers in English, the administrator decides and publishes the definitive list, and anyone
// reads it with its accreditation act; axe on every page. The process and its agents are made through the API.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startTestServer } from '../support/server.ts';
import { DESKTOP, MOBILE, assertWebBuilt, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, openPage, uncaughtErrors } from './support.ts';

const DEMO_PASSWORD = 'ilo-demo-2026';

/** Peru's calendar day (UTC-5 all year), shifted by whole days. */
function day(offset = 0): string {
  return new Date(Date.now() - 5 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

interface ApiSession { cookie: string; csrf: string; token: string }

describeWithBrowser('List stages and challenges in Chromium', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let admin: ApiSession;
  let ana: ApiSession;
  let beto: ApiSession;
  let processId: string;

  async function signInApi(login: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const res = await fetch(`${server.url}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
    expect(res.status, `sign-in of ${login}`).toBe(200);
    const token = /concerta_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    return { cookie: `concerta_session=${token}`, csrf: ((await res.json()) as { csrfToken: string }).csrfToken, token };
  }

  async function call<T>(who: ApiSession, method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}/api/municipalities/ilo${url}`, {
      method, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    expect([200, 201], `${method} ${url}: ${res.status} ${text}`).toContain(res.status);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A citizen who registers online and is approved: an approved agent with an account. */
  async function approvedCitizen(name: string, dni: string, zoneId: string): Promise<ApiSession> {
    const password = 'una clave bien larga';
    const res = await fetch(`${server.url}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, dni, password }) });
    expect(res.status).toBe(201);
    const who = await signInApi(dni, password);
    const agent = await call<{ id: string }>(who, 'POST', `/processes/${processId}/agents`, {
      dni, fullName: name, sex: 'female', ageBand: '30-44', zoneId, email: `${dni}@example.pe`,
    });
    await call(admin, 'POST', `/processes/${processId}/agents/${agent.id}/decision`, { decision: 'approve' });
    return signInApi(dni, password);
  }

  /** Moves the registration deadline and the list dates: the window open now, or already closed. */
  async function setStages(window: 'open' | 'past') {
    const p = await call<{ rules: Record<string, unknown> }>(admin, 'GET', `/processes/${processId}`);
    const [from, until, definitive] = window === 'open' ? [-1, 2, 4] : [-4, -2, -1];
    await call(admin, 'PATCH', `/processes/${processId}`, {
      rules: { ...p.rules, registrationDeadline: day(-6), listStages: { preliminaryListOn: day(-5), challengesFrom: day(from), challengesUntil: day(until), definitiveListOn: day(definitive) } },
      reason: 'fechas de las listas',
    });
  }

  async function newPage(viewport: { width: number; height: number }, lang: 'es' | 'en', who?: ApiSession): Promise<Page> {
    const { context, page } = await openPage(browser, server.url, viewport);
    context.setDefaultTimeout(10_000);
    await context.addInitScript((l) => window.localStorage.setItem('concerta.lang', l), lang);
    if (who) await context.addCookies([{ name: 'concerta_session', value: who.token, url: server.url }]);
    return page;
  }

  async function visible(locator: Locator): Promise<Locator> {
    await locator.first().waitFor({ state: 'visible' });
    return locator;
  }

  async function settled(page: Page): Promise<void> {
    await page.locator('h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.status-loading'));
  }

  async function close(page: Page): Promise<void> {
    expect(uncaughtErrors(page)).toEqual([]);
    await (page.context() as BrowserContext).close();
  }

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    browser = await launchBrowser();
    admin = await signInApi('admin@ilo.gob.pe');
    const zones = (await call<{ zones: { id: string; code: string }[] }>(admin, 'GET', '/zones')).zones.sort((a, b) => a.code.localeCompare(b.code));
    const process = await call<{ id: string }>(admin, 'POST', '/processes', {
      name: 'Presupuesto Participativo 2028', fiscalYear: 2028, envelopeCents: 42_000_000, investmentBudgetCents: 280_000_000,
      calendar: [
        { phase: 'preparation', startsOn: day(-20), endsOn: day(30) }, { phase: 'concertation', startsOn: day(31), endsOn: day(90) },
        { phase: 'coordination', startsOn: day(91), endsOn: day(110) }, { phase: 'formalization', startsOn: day(111), endsOn: day(130) },
        { phase: 'execution', startsOn: day(131), endsOn: day(400) },
      ],
      rules: {
        registrationDeadline: day(10), trainingRequiredToVote: true, minTrainingSessions: 1,
        quotas: { delegateSeats: 10, delegatesMinWomenShare: 0.5, directiveSeats: 3, directiveMinWomen: 2, oversightSeats: 4, oversightMinWomenShare: 0.5 },
        ballotKind: 'single', maxChoices: null, outcomeRule: 'greedy',
      },
      reason: 'convocatoria 2028',
    });
    processId = process.id;
    ana = await approvedCitizen('Ana Flores Mamani', '46000001', zones[0]!.id);
    beto = await approvedCitizen('Beatriz Quispe Ramos', '46000002', zones[1]!.id);
    await setStages('open');
    await call(admin, 'POST', `/processes/${processId}/lists/preliminary`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('challenges a registration on a phone, in Spanish, with coded errors next to their field', async () => {
    const page = await newPage(MOBILE, 'es', ana);
    await page.goto(`/m/ilo/p/${processId}/lists`);
    await visible(page.getByRole('heading', { level: 1, name: 'Listas de agentes y tachas' }));
    await settled(page);
    await visible(page.getByRole('heading', { name: 'Presentar una tacha' }));
    // Client-side checks first: nothing chosen.
    await page.getByRole('button', { name: 'Presentar la tacha' }).click();
    expect(await page.locator('#ch-target').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Inscripción que tacha').selectOption({ label: 'Beatriz Quispe Ramos (Agente participante)' });
    await page.getByLabel('No reside en la jurisdicción').check();
    await page.getByLabel('Fundamento').fill('Vive en Moquegua desde hace años, según sus vecinos.');
    await expectNoAxeViolations(page, 'challenge form (es, 360px)');
    await page.getByRole('button', { name: 'Presentar la tacha' }).click();
    await visible(page.getByText('Tacha presentada. Se avisó a la parte tachada.'));
    await visible(page.getByRole('heading', { name: /Tacha a Beatriz Quispe Ramos/ }));
    expect(await page.getByText('Tú la presentaste').count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toContain('46000002');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'lists after a challenge (es, 360px)');
    await close(page);
  });

  it('answers the challenge once, in English, on a phone', async () => {
    const page = await newPage(MOBILE, 'en', beto);
    await page.goto(`/m/ilo/p/${processId}/lists`);
    await visible(page.getByRole('heading', { level: 1, name: 'Lists of agents and challenges' }));
    await settled(page);
    await visible(page.getByText('It is against your registration'));
    await page.getByLabel('Your answer').fill('I have lived in Pampa Inalámbrica since 2015.');
    await expectNoAxeViolations(page, 'answer form (en, 360px)');
    await page.getByRole('button', { name: 'Send the answer' }).click();
    await visible(page.getByText('I have lived in Pampa Inalámbrica since 2015.'));
    await page.getByRole('button', { name: 'Send the answer' }).waitFor({ state: 'detached' });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await close(page);
  });

  it('decides the challenge with a reason and publishes the definitive list with its act', async () => {
    await setStages('past');
    const page = await newPage(MOBILE, 'es', admin);
    await page.goto(`/m/ilo/staff/p/${processId}/lists`);
    await visible(page.getByRole('heading', { level: 1, name: 'Listas y tachas' }));
    await settled(page);
    // The commission: the facilitator joins it, with the resolution that names it.
    await page.getByLabel('Lucía Condori Apaza').check();
    await page.locator('#commission-reason').fill('Resolución de alcaldía 045-2026');
    await page.getByRole('button', { name: 'Guardar la comisión' }).click();
    await visible(page.getByText('Comisión guardada.'));
    await visible(page.getByRole('listitem').filter({ hasText: /^Lucía Condori Apaza$/ }));
    await page.getByLabel('Fundada: retirar la inscripción').check();
    await page.getByRole('button', { name: 'Resolver la tacha' }).click();
    expect(await page.locator('[id^="decide-"][id$="-reason"]').first().getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Motivo de la decisión').fill('El certificado de domicilio es de Moquegua.');
    await expectNoAxeViolations(page, 'decision form (es, 360px)');
    await page.getByRole('button', { name: 'Resolver la tacha' }).click();
    await visible(page.getByText('El certificado de domicilio es de Moquegua.'));
    await page.getByRole('button', { name: 'Publicar la lista definitiva y el acta' }).click();
    await visible(page.getByRole('link', { name: 'Descargar el acta (PDF)' }));
    await visible(page.getByRole('link', { name: 'Acta con DNI (solo personal municipal)' }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'staff lists after the definitive list (es, 360px)');
    await close(page);
  });

  it('shows anyone the definitive list, its changes and the act, with no DNI, in both languages', async () => {
    for (const [lang, viewport, heading, withdrawn, actLink] of [
      ['en', MOBILE, 'Definitive list', 'Withdrawn', 'Read the act (web page)'],
      ['es', DESKTOP, 'Lista definitiva', 'Retirada', 'Leer el acta (página web)'],
    ] as const) {
      const page = await newPage(viewport, lang);
      await page.goto(`/m/ilo/p/${processId}/lists`);
      await settled(page);
      await visible(page.getByRole('heading', { level: 2, name: heading }));
      await visible(page.getByText(withdrawn, { exact: true }));
      const text = await page.locator('main').innerText();
      expect(text).toContain('Ana Flores Mamani');
      expect(text).not.toMatch(/4600000\d/);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `public definitive list (${lang})`);
      await page.getByRole('link', { name: actLink }).click();
      await page.waitForURL('**/act.html');
      expect(await page.locator('h1').innerText()).toContain('Acta de acreditación');
      expect(await page.locator('body').innerText()).not.toMatch(/4600000\d/);
      await expectNoAxeViolations(page, `accreditation act (${lang})`);
      await close(page);
    }
  });
});
