// The pages of the Preparation phase in a real Chromium against a real server (fresh SQLite with the Ilo accounts and
// zones; the process and its data are made through the API as the administrator, as the test server seeds no process).
// One server and one browser for the whole file. Needs the bundle built first (`npm run build:web`).
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startTestServer } from '../support/server.ts';
import {
  DESKTOP,
  MOBILE,
  assertWebBuilt,
  describeWithBrowser,
  expectNoAxeViolations,
  horizontalOverflow,
  launchBrowser,
  openPage,
  uncaughtErrors, plain
} from './support.ts';

const DEMO_PASSWORD = 'ilo-demo-2026';
const ADMIN = 'admin@ilo.gob.pe';
const FACILITATOR = 'facilitador@ilo.gob.pe';
const SCREENSHOTS = path.resolve('test-results', 'screenshots');

/** Peru's calendar day (UTC-5 all year), shifted by whole days. */
function peruDay(offset = 0): string {
  const now = new Date(Date.now() - 5 * 3600_000 + offset * 86_400_000);
  return now.toISOString().slice(0, 10);
}

/** Whitespace of every kind (the no-break spaces of "S/ 420,000.00") as plain spaces. */

interface ApiSession {
  cookie: string;
  csrf: string;
  token: string;
}

describeWithBrowser('Preparation pages in Chromium', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let admin: ApiSession;
  let processId: string;
  let zones: { id: string; code: string; name: string }[];
  const applicant = { name: 'Lucía Mamani Coaquira', dni: '45678912', password: 'la pampa tiene agua' };
  const agents: Record<string, string> = {};

  // --- API helpers (the set-up a browser test does not need to click through) ---

  async function signInApi(login: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const res = await fetch(`${server.url}/api/auth/signin`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }),
    });
    expect(res.status, `sign-in of ${login}`).toBe(200);
    const token = /concerta_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    return { cookie: `concerta_session=${token}`, csrf: ((await res.json()) as { csrfToken: string }).csrfToken, token };
  }

  async function call<T>(who: ApiSession, method: string, url: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const isForm = body instanceof FormData;
    const res = await fetch(`${server.url}/api/municipalities/ilo${url}`, {
      method,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body && !isForm ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await res.text();
    expect(expected, `${method} ${url}: ${res.status} ${text}`).toContain(res.status);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function registerInPerson(fullName: string, dni: string, sex: 'female' | 'male', extra: Record<string, unknown> = {}): Promise<string> {
    const a = await call<{ id: string }>(admin, 'POST', `/processes/${processId}/agents/in-person`, {
      dni, fullName, sex, ageBand: '30-44', zoneId: zones[1]!.id, phone: `9${dni}`.slice(0, 9), ...extra,
    });
    return a.id;
  }

  // --- Browser helpers ---

  async function newPage(viewport: { width: number; height: number } = DESKTOP, lang: 'es' | 'en' = 'es', who?: ApiSession): Promise<Page> {
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

  /** Waits until the page has its heading and no "Loading…" line left. */
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
    admin = await signInApi(ADMIN);
    zones = ((await call<{ zones: typeof zones }>(admin, 'GET', '/zones')).zones).sort((a, b) => a.code.localeCompare(b.code));

    // A process in Preparation, registration open for ten more days; small committees so a quota bites quickly.
    const day = (n: number) => peruDay(n);
    const process = await call<{ id: string }>(admin, 'POST', '/processes', {
      name: 'Presupuesto Participativo 2027', fiscalYear: 2027, envelopeCents: 42_000_000, investmentBudgetCents: 280_000_000,
      calendar: [
        { phase: 'preparation', startsOn: day(-5), endsOn: day(30) },
        { phase: 'concertation', startsOn: day(31), endsOn: day(90) },
        { phase: 'coordination', startsOn: day(91), endsOn: day(110) },
        { phase: 'formalization', startsOn: day(111), endsOn: day(130) },
        { phase: 'execution', startsOn: day(131), endsOn: day(400) },
      ],
      rules: {
        registrationDeadline: day(10), trainingRequiredToVote: true, minTrainingSessions: 1,
        quotas: { delegateSeats: 10, delegatesMinWomenShare: 0.5, directiveSeats: 3, directiveMinWomen: 2, oversightSeats: 4, oversightMinWomenShare: 0.5 },
        ballotKind: 'single', maxChoices: null, outcomeRule: 'greedy',
      },
      zoneEnvelopes: [{ zoneId: zones[0]!.id, amountCents: 10_000_000 }, { zoneId: zones[1]!.id, amountCents: 20_000_000 }],
      reason: 'convocatoria 2027',
    });
    processId = process.id;

    // An organization (approved), people registered at a face-to-face registration day, some approved.
    const org = await call<{ id: string }>(admin, 'POST', `/processes/${processId}/organizations/in-person`, {
      name: 'Club de Madres Santa Rosa', type: 'womens_group', registryNumber: '11023456', zoneId: zones[1]!.id, contactPhone: '987654321',
    });
    await call(admin, 'POST', `/processes/${processId}/organizations/${org.id}/decision`, { decision: 'approve' });
    agents.pedro = await registerInPerson('Pedro Flores Ccama', '41111111', 'male');
    agents.carlos = await registerInPerson('Carlos Mendoza Ríos', '42222222', 'male');
    agents.jorge = await registerInPerson('Jorge Mendoza Ticona', '43333333', 'male');
    agents.rosa = await registerInPerson('Rosa Huanca Apaza', '44444444', 'female', { organizationId: org.id });
    await call(admin, 'POST', `/processes/${processId}/agents/decisions`, {
      agentIds: [agents.carlos, agents.jorge, agents.rosa], decision: 'approve',
    });
    // One man on the directive committee (3 seats, at least 2 women): a second man would break the quota.
    await call(admin, 'POST', `/processes/${processId}/bodies/directive_committee/members`, { agentId: agents.carlos });

    // A published announcement with an attached document, and a training session with its material.
    const form = new FormData();
    form.append('file', new Blob(['Cronograma de talleres\n'], { type: 'text/plain' }), 'cronograma.txt');
    const file = await call<{ id: string }>(admin, 'POST', '/files', form);
    await call(admin, 'POST', `/processes/${processId}/announcements`, {
      title: 'Convocatoria 2027', body: 'Inscríbase como agente participante.', startsOn: day(-5), endsOn: day(10), attachmentIds: [file.id], publish: true,
    });
    await call(admin, 'POST', `/processes/${processId}/trainings`, {
      topic: 'Qué es el presupuesto participativo', place: 'Auditorio municipal', startsAt: `${day(3)}T18:00:00-05:00`,
      endsAt: `${day(3)}T20:00:00-05:00`, facilitatorName: 'CEOP Ilo', materialFileIds: [file.id],
    });

    // The applicant's account (the registration itself is made in the browser).
    const res = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: applicant.name, dni: applicant.dni, password: applicant.password }),
    });
    expect(res.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the public process page: phase, calendar, envelope in soles and its share, zone split, rules, announcements', async () => {
    const page = await newPage(MOBILE);
    await page.goto(`/m/ilo`);
    await page.getByRole('link', { name: 'Presupuesto Participativo 2027' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Presupuesto Participativo 2027' }));
    await settled(page);
    const main = plain(await page.locator('main').innerText());
    expect(main).toContain('Fase actual: Preparación');
    expect(main).toContain('S/ 420,000.00');
    expect(main).toContain('15 % del presupuesto de inversión de la municipalidad (S/ 2,800,000.00)');
    expect(main).toContain('al menos 2 son para mujeres'); // directive committee rule in plain words
    expect(main).toContain('hay que asistir al menos a 1 capacitación');
    // The current phase is marked for assistive technology, not only by colour.
    expect(plain(await page.locator('[aria-current="step"]').innerText())).toContain('Preparación — fase actual');
    // Zone split table and the announcement's attachment, downloadable.
    await visible(page.getByRole('table', { name: 'Reparto de la asignación por zonas' }));
    expect(plain(await page.getByRole('row', { name: new RegExp(zones[1]!.name) }).innerText())).toContain('S/ 200,000.00');
    const download = page.getByRole('link', { name: 'cronograma.txt' });
    const href = await download.getAttribute('href');
    expect((await fetch(`${server.url}${href}`)).status).toBe(200);

    await page.screenshot({ path: path.join(SCREENSHOTS, 'process-360-es.png'), fullPage: true });

    // English: amounts and dates in the user's language.
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('heading', { name: 'The rules, in plain words' }));
    expect(plain(await page.locator('main').innerText())).toContain('S/ 420,000.00');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await close(page);
  });

  it('lets a signed-in person register as an agent on a phone and see the registration pending', async () => {
    const applicantSession = await signInApi(applicant.dni, applicant.password);
    const page = await newPage(MOBILE, 'es', applicantSession);
    await page.goto(`/m/ilo/p/${processId}`);
    await page.getByRole('link', { name: 'Inscribirme como agente participante' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Mi inscripción' }));
    await settled(page);
    // The account's DNI and name come filled in; the DNI cannot change (online registration is personal).
    expect(await page.getByLabel('DNI', { exact: true }).inputValue()).toBe(applicant.dni);
    expect(await page.getByLabel('DNI', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel('Nombres y apellidos').inputValue()).toBe(applicant.name);

    // Sent incomplete: each problem is next to its field, focus on the first.
    await page.getByRole('button', { name: 'Enviar mi inscripción' }).click();
    await visible(page.getByText('Elige una opción.'));
    await expect.poll(() => page.getByRole('radio', { name: 'Mujer' }).evaluate((el) => el === document.activeElement), { timeout: 5000 }).toBe(true);
    await visible(page.getByText('Escribe un teléfono o un correo, para avisarte de la decisión.'));

    await page.getByRole('radio', { name: 'Mujer' }).check();
    await page.getByRole('radio', { name: '30 a 44 años' }).check();
    await page.getByLabel('Zona donde vives').selectOption({ label: zones[1]!.name });
    await page.getByLabel('Teléfono').fill('912 345 678');
    await expectNoAxeViolations(page, 'registration form with errors (es)');
    await page.getByRole('button', { name: 'Enviar mi inscripción' }).click();

    await visible(page.getByText('Recibimos tu inscripción.', { exact: false }));
    const status = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Estado de tu inscripción' }) });
    expect(plain(await status.innerText())).toContain('Pendiente La municipalidad todavía no decide.');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'my registration, pending (es)');

    // While pending, the person can correct it.
    await page.getByRole('button', { name: 'Corregir mis datos' }).click();
    await page.getByLabel('Teléfono').fill('987 111 222');
    await page.getByRole('button', { name: 'Guardar los cambios' }).click();
    await visible(page.getByText('Guardamos los cambios de tu inscripción.'));
    expect(plain(await page.locator('main').innerText())).toContain('987111222');
    await close(page);
  });

  it('lets the administrator approve one registration and reject another with a reason, which the applicant then reads', async () => {
    const page = await newPage(MOBILE, 'es', admin);
    await page.goto(`/m/ilo/staff/p/${processId}/registrations`);
    await visible(page.getByRole('heading', { level: 1, name: 'Inscripciones de agentes' }));
    await settled(page);
    await expectNoAxeViolations(page, 'registrations to validate (es)');

    // Reject the applicant's registration: the reason is asked first, and required.
    await page.getByRole('button', { name: `Rechazar a ${applicant.name}` }).click();
    const reason = page.getByLabel(`Motivo del rechazo de ${applicant.name}`);
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement), { timeout: 5000 }).toBe(true);
    await page.getByRole('button', { name: 'Confirmar el rechazo' }).click();
    await visible(page.getByText('Escribe el motivo del rechazo.'));
    await reason.fill('El DNI no corresponde a un residente del distrito según RENIEC.');
    await page.getByRole('button', { name: 'Confirmar el rechazo' }).click();
    await visible(page.getByText(`Rechazado: ${applicant.name}.`));

    // Approving tells the person: it asks first, with an optional note.
    await page.getByRole('button', { name: 'Aprobar a Pedro Flores Ccama' }).click();
    const note = page.getByLabel('Nota de la aprobación de Pedro Flores Ccama (opcional)');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement), { timeout: 5000 }).toBe(true);
    await note.fill('DNI verificado con RENIEC en la jornada');
    await page.getByRole('button', { name: 'Aprobar y avisar' }).click();
    await visible(page.getByText('Aprobado: Pedro Flores Ccama.'));
    // On the phone the notice stays in view, focus moves on to what took the item's place, and the decision can be undone.
    const inView = () => page.locator('.notice-floating').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; });
    expect(await inView()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement?.closest('main') !== null), { timeout: 5000 }).toBe(true);
    await expectNoAxeViolations(page, 'decision notice with undo (es)');
    await page.getByRole('button', { name: 'Deshacer la decisión sobre Pedro Flores Ccama' }).click();
    await visible(page.getByText('Se deshizo la decisión: Pedro Flores Ccama vuelve a estar pendiente.'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), { timeout: 5000 }).toBe('Pedro Flores Ccama');
    await page.getByRole('button', { name: 'Aprobar a Pedro Flores Ccama' }).click();
    await page.getByRole('button', { name: 'Aprobar y avisar' }).click();
    await visible(page.getByText('Aprobado: Pedro Flores Ccama.'));
    // Both left the list of pending registrations.
    await page.waitForFunction(() => !document.body.innerText.includes('Aprobar a Pedro Flores Ccama'));
    expect(await page.getByRole('button', { name: `Rechazar a ${applicant.name}` }).count()).toBe(0);
    await close(page);

    // The applicant sees the decision and its reason, on their page and in the public registry.
    const applicantPage = await newPage(MOBILE, 'es', await signInApi(applicant.dni, applicant.password));
    await applicantPage.goto(`/m/ilo/p/${processId}/register`);
    await visible(applicantPage.getByText('Motivo de la decisión', { exact: false }));
    const text = plain(await applicantPage.locator('main').innerText());
    expect(text).toContain('Rechazada');
    expect(text).toContain('El DNI no corresponde a un residente del distrito según RENIEC.');
    await applicantPage.getByRole('link', { name: 'Registro público' }).click();
    await visible(applicantPage.getByRole('heading', { level: 1, name: 'Registro público de inscripciones' }));
    await settled(applicantPage);
    const entry = applicantPage.locator('li.entry', { hasText: applicant.name });
    expect(plain(await entry.innerText())).toContain('Motivo: El DNI no corresponde a un residente del distrito según RENIEC.');
    expect(plain(await applicantPage.locator('main').innerText())).not.toContain(applicant.dni); // no DNI in public
    await close(applicantPage);
  });

  it('shows a quota refusal with its numbers when the administrator elects a man the directive committee cannot take', async () => {
    const page = await newPage(MOBILE, 'es', admin);
    await page.goto(`/m/ilo/staff/p/${processId}/committees`);
    await visible(page.getByRole('heading', { level: 1, name: 'Comités' }));
    await settled(page);
    const directive = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Comité directivo' }) });
    await directive.getByLabel('Buscar agente aprobado').fill('Mendoza');
    await directive.getByRole('button', { name: 'Buscar' }).click();
    await directive.getByRole('radio', { name: /Jorge Mendoza Ticona/ }).check();
    await directive.getByRole('button', { name: 'Elegir' }).click();

    const refusal = await visible(directive.getByRole('alert'));
    const text = plain(await refusal.innerText());
    expect(text).toContain('Rechazado por la cuota de género');
    expect(text).toContain('a lo sumo 1 de 3 puestos podrían ser de mujeres; se necesitan al menos 2');
    expect(text).toMatch(/Puestos del órgano\s*3/);
    expect(text).toMatch(/Mujeres necesarias\s*2/);
    expect(text).toMatch(/Mujeres posibles después del cambio\s*1/);
    // Focus moves to the refusal in an effect after it renders: wait for it rather than race it.
    await expect.poll(() => refusal.evaluate((el) => el === document.activeElement), { timeout: 5000 }).toBe(true);
    await expectNoAxeViolations(page, 'committees with a quota refusal (es)');
    await refusal.screenshot({ path: path.join(SCREENSHOTS, 'quota-refusal-360-es.png') });

    // Electing a woman is accepted, and the public quota page shows where the committee stands.
    await directive.getByLabel('Buscar agente aprobado').fill('Huanca');
    await directive.getByRole('button', { name: 'Buscar' }).click();
    await directive.getByRole('radio', { name: /Rosa Huanca Apaza/ }).check();
    await directive.getByRole('button', { name: 'Elegir' }).click();
    await visible(page.getByText('Elegido: Rosa Huanca Apaza (Comité directivo).'));
    await page.goto(`/m/ilo/p/${processId}/quotas`);
    await settled(page);
    const card = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Comité directivo' }) });
    const figures = plain(await card.innerText());
    expect(figures).toMatch(/Puestos 3 Ocupados 2 Mujeres 1 Hombres 1 Mujeres necesarias 2 Faltan mujeres 1/);
    expect(figures).toContain('Por cumplir');
    expect(figures).toContain('Rosa Huanca Apaza');
    await close(page);
  });

  it('creates a process in the browser (server errors next to their field) and refuses to move its phase, listing what is missing', async () => {
    const page = await newPage(DESKTOP, 'es', admin);
    await page.goto('/m/ilo');
    await page.getByRole('link', { name: 'Ir a la gestión' }).click();
    await page.getByRole('link', { name: 'Abrir un proceso' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Abrir un proceso' }));
    await settled(page);
    // Ilo's rules come filled in.
    expect(await page.getByLabel('% mínimo de mujeres entre los delegados').inputValue()).toBe('50');
    expect(await page.getByLabel('Mujeres mínimas en el comité directivo').inputValue()).toBe('3');
    expect(await page.getByLabel('Año fiscal', { exact: true }).last().inputValue()).toBe('2028');

    const form = page.locator('form', { has: page.getByRole('button', { name: 'Abrir el proceso' }) });
    await form.getByLabel('Asignación para el presupuesto participativo (S/)').fill('420 000');
    await form.getByLabel('Presupuesto de inversión de la municipalidad (S/)').fill('2 800 000');
    // A year that already has its process: the server refuses, naming the field; the message goes next to it.
    await form.getByLabel('Año fiscal', { exact: true }).fill('2027');
    await form.getByRole('button', { name: 'Abrir el proceso' }).click();
    const year = form.getByLabel('Año fiscal', { exact: true });
    await page.waitForFunction(() => document.querySelector('#ps-fiscalYear')?.getAttribute('aria-invalid') === 'true');
    expect(await page.locator('#ps-fiscalYear-error').innerText()).toContain('Ya existe un proceso para el año fiscal');
    await expect.poll(() => year.evaluate((el) => el === document.activeElement), { timeout: 5000 }).toBe(true);
    await expectNoAxeViolations(page, 'create process with a server error (es)');

    await year.fill('2028');
    await form.getByRole('button', { name: 'Abrir el proceso' }).click();
    await page.waitForURL('**/settings?created=1');
    await visible(page.getByText('Proceso abierto. Revisa su configuración.'));

    // Move phase: the preconditions report first, then the reason; the server refuses and lists what is missing.
    await page.getByRole('link', { name: 'Cambiar de fase' }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: 'Cambiar de fase' }));
    await settled(page);
    const report = plain(await page.locator('#preconditions').innerText());
    expect(report).toContain('Todavía no se puede pasar a Concertación.');
    expect(report).toContain('la inscripción sigue abierta hasta el');
    expect(report).toContain('no hay ningún agente participante aprobado');
    await page.getByLabel('Motivo del cambio de fase').fill('Terminó la preparación');
    await page.getByRole('button', { name: 'Pasar a Concertación' }).click();
    const refusal = await visible(page.locator('#phase-error'));
    expect(plain(await refusal.innerText())).toContain('No se puede pasar a Concertación: la inscripción sigue abierta hasta el');
    expect(plain(await refusal.innerText())).toContain('no hay ningún agente participante aprobado');
    await expectNoAxeViolations(page, 'phase move refused (es)');

    // Nothing moved: the public page still says Preparation.
    const processes = ((await (await fetch(`${server.url}/api/municipalities/ilo`)).json()) as { processes: { fiscalYear: number; phase: string }[] }).processes;
    expect(processes.find((p) => p.fiscalYear === 2028)?.phase).toBe('preparation');
    await close(page);
  });

  it('shows the participation figures as accessible SVG charts with their tables', async () => {
    const page = await newPage(MOBILE, 'en');
    await page.goto(`/m/ilo/p/${processId}/participation`);
    await visible(page.getByRole('figure', { name: 'Registered and approved by sex' }));
    const figure = page.getByRole('figure', { name: 'Registered and approved by sex' });
    // The drawing is hidden from assistive technology; the table says the same in text.
    expect(await figure.locator('svg').getAttribute('aria-hidden')).toBe('true');
    const women = plain(await figure.getByRole('row', { name: /Women/ }).innerText());
    expect(women).toMatch(/Women 2 1/); // registered (Lucía, Rosa), approved (Rosa)
    await visible(page.getByRole('figure', { name: 'Share of women among approved agents, by year' }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await close(page);
  });

  /** The pages of the phase: what the public sees, and the staff pages (with a training session's page). */
  async function pages(): Promise<{ publicPages: string[]; staffPages: string[] }> {
    const p = `/m/ilo/p/${processId}`;
    const s = `/m/ilo/staff/p/${processId}`;
    const sessions = await call<{ sessions: { id: string }[] }>(admin, 'GET', `/processes/${processId}/trainings`);
    return {
      publicPages: [p, `${p}/registry`, `${p}/quotas`, `${p}/trainings`, `${p}/participation`, `${p}/register`, `${p}/register/organization`],
      staffPages: [
        '/m/ilo/staff', '/m/ilo/staff/new', '/m/ilo/staff/zones', '/m/ilo/staff/plan', '/m/ilo/staff/notifications', '/m/ilo/staff/audit',
        s, `${s}/settings`, `${s}/phase`, `${s}/announcements`, `${s}/registrations`, `${s}/registrations/new`, `${s}/organizations`,
        `${s}/import`, `${s}/committees`, `${s}/trainings`, `${s}/trainings/${sessions.sessions[0]!.id}`,
      ],
    };
  }

  /** axe on each page, and no horizontal scroll when the viewport is a 360 px phone. */
  async function checkPages(lang: 'es' | 'en', viewport: { width: number; height: number }, who: ApiSession | undefined, urls: string[]): Promise<void> {
    const page = await newPage(viewport, lang, who);
    for (const url of urls) {
      await page.goto(url);
      await settled(page);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expectNoAxeViolations(page, `${url} (${lang}, ${viewport.width} px${who ? ', administrator' : ''})`);
      if (viewport === MOBILE) {
        const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        expect(width, `${url} (${lang}) is ${width}px wide`).toBeLessThanOrEqual(MOBILE.width);
      }
    }
    await close(page);
  }

  // axe and the 360 px width on every page of the phase, in both languages. A page takes about a second (axe mostly),
  // so the checks are split in a few tests, each with room for a busy machine.
  it('has no axe violation and no horizontal scroll at 360 px on the public pages, in Spanish and English', async () => {
    const { publicPages } = await pages();
    await checkPages('es', MOBILE, undefined, publicPages);
    await checkPages('en', MOBILE, undefined, publicPages);
  }, 120_000);

  // The staff pages in two halves per language: the municipality's with the process's dashboard, then the process's others.
  const half = (staffPages: string[], first: boolean) => staffPages.filter((_, i) => (i <= 6) === first);

  it('has no axe violation and no horizontal scroll at 360 px on the staff pages, in Spanish (first half)', async () => {
    const { publicPages, staffPages } = await pages();
    await checkPages('es', MOBILE, admin, [publicPages[0]!, publicPages[5]!, ...half(staffPages, true)]);
  }, 120_000);

  it('has no axe violation and no horizontal scroll at 360 px on the staff pages, in Spanish (second half)', async () => {
    const { staffPages } = await pages();
    await checkPages('es', MOBILE, admin, half(staffPages, false));
  }, 120_000);

  it('has no axe violation and no horizontal scroll at 360 px on the staff pages, in English (first half)', async () => {
    const { publicPages, staffPages } = await pages();
    await checkPages('en', MOBILE, admin, [publicPages[5]!, ...half(staffPages, true)]);
  }, 120_000);

  it('has no axe violation and no horizontal scroll at 360 px on the staff pages, in English (second half); and the wide layout', async () => {
    const { publicPages, staffPages } = await pages();
    await checkPages('en', MOBILE, admin, half(staffPages, false));
    await checkPages('en', DESKTOP, admin, [publicPages[0]!, ...staffPages.filter((u) => /registrations$|settings$|committees$/.test(u))]);
  }, 120_000);

  it('shows a facilitator the staff pages their role allows, and refuses a citizen', async () => {
    const facilitator = await signInApi(FACILITATOR);
    const page = await newPage(MOBILE, 'es', facilitator);
    await page.goto(`/m/ilo/staff/p/${processId}/registrations`);
    await settled(page);
    // A facilitator reads registrations but does not decide them; no process settings in their menu.
    await visible(page.getByRole('heading', { level: 1, name: 'Inscripciones de agentes' }));
    expect(await page.getByRole('button', { name: /^Aprobar a / }).count()).toBe(0);
    // On a phone the process's menu is folded behind one button naming the page.
    const menu = page.getByRole('button', { name: 'Menú de gestión · Inscripciones de agentes' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Capacitaciones' }).count()).toBe(0);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('link', { name: 'Configuración' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Capacitaciones' }).count()).toBeGreaterThan(0);
    await close(page);

    const citizen = await newPage(MOBILE, 'es', await signInApi(applicant.dni, applicant.password));
    await citizen.goto('/m/ilo/staff');
    await visible(citizen.getByRole('heading', { level: 1, name: 'No tienes acceso a la gestión' }));
    await expectNoAxeViolations(citizen, 'staff area refused (es)');
    await close(citizen);
  });

  it('imports a registration day\'s CSV: dry run with every bad line, all-or-nothing refused, then the valid rows only', async () => {
    const page = await newPage(MOBILE, 'es', admin);
    await page.goto(`/m/ilo/staff/p/${processId}/import`);
    await visible(page.getByRole('heading', { level: 1, name: 'Importar inscripciones (CSV)' }));
    const csv = ['dni;nombres;sexo;rango_edad;zona;telefono', '48000001;Mario Condori Pari;M;18-29;Z01;987000001',
      '4800002;Luis Sin Dígito;M;30-44;Z02;987000002', '48000003;Raúl Ticona Calla;hombre;60+;Z03;987000003'].join('\n');
    await page.getByLabel('Archivo CSV').setInputFiles({ name: 'jornada.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Revisar el archivo' }).click();
    await visible(page.getByRole('heading', { level: 2, name: 'Resultado de la revisión' }));
    const errors = page.getByRole('table', { name: 'Errores por línea' });
    expect(plain(await errors.getByRole('row').nth(1).innerText())).toMatch(/^3 dni .*8 dígitos/);
    expect(plain(await page.locator('.stat-grid').innerText())).toContain('Filas 3 Filas válidas 2 Filas con errores 1 Inscripciones guardadas 0');
    await expectNoAxeViolations(page, 'CSV import dry run (es)');

    // All or nothing: refused, nothing written; then only the valid rows.
    await page.getByRole('radio', { name: /Todo o nada/ }).check();
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await visible(page.getByText('Filas con errores: 1. No se importó nada.', { exact: false }));
    await page.getByRole('radio', { name: 'Solo las filas válidas (2)' }).check();
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await visible(page.getByText('Se importaron 2 inscripciones, pendientes de validación.'));
    const list = await call<{ total: number }>(admin, 'GET', `/processes/${processId}/agents?q=48000&status=pending`);
    expect(list.total).toBe(2);
    await close(page);
  });

  it('shows a long import\'s progress while the server works, in English, then the report; axe finds nothing on either', async () => {
    const page = await newPage(MOBILE, 'en', admin);
    await page.goto(`/m/ilo/staff/p/${processId}/import`);
    await visible(page.getByRole('heading', { level: 1, name: 'Import registrations (CSV)' }));
    // 40,000 rows, two of them bad: a dry run long enough to be seen running.
    const rows = ['dni,nombres,sexo,rango_edad,zona,telefono'];
    for (let i = 0; i < 40_000; i++) rows.push(`${46_000_000 + i},Persona Número ${i},${i % 2 ? 'F' : 'M'},${i === 7 || i === 39_000 ? '30-45' : '30-44'},Z01,9870${String(i).padStart(5, '0')}`);
    // The job's last answer (done) is held back until the page has been looked at while the import runs.
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/agents/import-jobs/*', async (route) => {
      const response = await route.fetch();
      const job = await response.json() as { status: string };
      if (job.status !== 'running') await released;
      await route.fulfill({ response, json: job });
    });
    await page.getByLabel('CSV file').setInputFiles({ name: 'registration-day.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n'), 'utf8') });
    await page.getByRole('button', { name: 'Check the file' }).click();

    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await visible(bar);
    await page.waitForFunction(() => Number(document.querySelector('#import-progress')?.getAttribute('value')) > 0);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^\d+%: (Reading the file: [\d,]+ rows read|Checking the rows: [\d,]+ of 40,000)\.$/);
    expect(await page.locator('p[role="status"]').innerText()).toMatch(/^(Reading the file|Checking the rows): \d+% of the whole\.$/);
    expect(await page.getByRole('button', { name: 'Checking…' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'CSV import running (en)');

    release();
    await visible(page.getByRole('heading', { level: 2, name: 'Result of the check' }));
    expect(await bar.count()).toBe(0);
    expect(plain(await page.locator('.stat-grid').innerText())).toContain('Rows 40,000 Valid rows 39,998 Rows with errors 2 Registrations saved 0');
    const errors = page.getByRole('table', { name: 'Errors by line' });
    expect(await errors.getByRole('row').count()).toBe(3);
    expect(plain(await errors.getByRole('row').nth(2).innerText())).toMatch(/^39002 rango_edad /);
    await expectNoAxeViolations(page, 'CSV import report (en)');
    await close(page);
  }, 60_000);

  it('takes attendance on the day: check-in by DNI and the searchable checklist of approved agents', async () => {
    const today = peruDay();
    const created = await call<{ session: { id: string } }>(admin, 'POST', `/processes/${processId}/trainings`, {
      topic: 'Taller de priorización', place: 'Local comunal de Alto Ilo', startsAt: `${today}T08:00:00-05:00`, endsAt: `${today}T19:30:00-05:00`,
      facilitatorName: 'Asociación Civil Labor',
    });
    const page = await newPage(MOBILE, 'es', await signInApi(FACILITATOR));
    await page.goto(`/m/ilo/staff/p/${processId}/trainings/${created.session.id}`);
    await visible(page.getByRole('heading', { level: 1, name: 'Taller de priorización' }));
    await settled(page);
    const dni = page.getByLabel('DNI de la persona');
    await dni.fill('49999999');
    await page.getByRole('button', { name: 'Registrar', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#checkin-dni')?.getAttribute('aria-invalid') === 'true');
    expect(await page.locator('#checkin-dni-error').innerText()).toContain('El DNI 49999999 no está inscrito en este proceso.');
    await dni.fill('42222222');
    await page.getByRole('button', { name: 'Registrar', exact: true }).click();
    await visible(page.getByText('Asistencia registrada: Carlos Mendoza Ríos. Presentes: 1.'));
    // A new attempt clears the last one's message: an error never stands beside an old success.
    await dni.fill('49999999');
    await page.getByRole('button', { name: 'Registrar', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#checkin-dni')?.getAttribute('aria-invalid') === 'true');
    expect(await page.getByText('Asistencia registrada: Carlos Mendoza Ríos. Presentes: 1.').count()).toBe(0);
    // Who is present, to correct a mistaken check-in, is one link away rather than at the foot of the list.
    expect(await page.getByRole('link', { name: 'Ver la persona presente y corregir' }).getAttribute('href')).toBe('#present-title');

    await page.getByLabel('Buscar en la lista').fill('ticona');
    await page.getByRole('checkbox', { name: /Jorge Mendoza Ticona/ }).check();
    await page.getByRole('button', { name: 'Registrar asistencia (1 marcada)' }).click();
    await visible(page.getByText('Se registró 1 asistencia; 2 en total.'));
    await page.getByLabel('Buscar en la lista').fill('');
    expect(await page.getByRole('checkbox', { name: /Carlos Mendoza Ríos/ }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'attendance on the day (es)');
    await close(page);
  });
  it('registers an organization’s titular delegate in person on a phone: the role is offered once the organization is chosen, a second titular is refused next to it', async () => {
    // Rosa Huanca Apaza is the organization's delegate without a role; a titular registered through the API first.
    const orgs = await call<{ entries: { id: string; name: string }[] }>(admin, 'GET', `/processes/${processId}/registry?kind=organization&status=approved`);
    const org = orgs.entries.find((o) => o.name === 'Club de Madres Santa Rosa')!;
    await registerInPerson('Marta Titular Choque', '45550001', 'female', { organizationId: org.id, delegateRole: 'titular' });
    const page = await newPage(MOBILE, 'es', await signInApi(FACILITATOR));
    await page.goto(`/m/ilo/staff/p/${processId}/registrations/new`);
    await visible(page.getByRole('heading', { level: 1, name: 'Inscripción presencial' }));
    await settled(page);
    expect(await page.getByRole('group', { name: /^Delegado\(a\)/ }).count()).toBe(0);
    await page.getByLabel('DNI', { exact: true }).fill('45550002');
    await page.getByLabel('Nombres y apellidos').fill('Julia Segunda Titular');
    await page.getByRole('radio', { name: 'Mujer' }).check();
    await page.getByRole('radio', { name: '30 a 44 años' }).check();
    await page.getByLabel('Zona donde vives').selectOption({ index: 1 });
    await page.getByLabel('Teléfono').fill('987650002');
    await page.getByLabel('Delegada o delegado de una organización (opcional)').selectOption({ label: 'Club de Madres Santa Rosa' });
    await page.getByRole('radio', { name: 'Titular' }).check();
    await expectNoAxeViolations(page, 'in-person registration with a delegate role (es, 360px)');
    await page.getByRole('button', { name: 'Registrar la inscripción' }).click();
    await page.waitForFunction(() => document.querySelector('[data-field="delegateRole"]')?.getAttribute('aria-invalid') === 'true');
    await visible(page.getByText('La organización ya tiene un delegado titular inscrito.'));
    await page.getByRole('radio', { name: 'Suplente' }).check();
    await page.getByRole('button', { name: 'Registrar la inscripción' }).click();
    await visible(page.getByText('Registrada la inscripción de Julia Segunda Titular.', { exact: false }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await close(page);
  });
});
