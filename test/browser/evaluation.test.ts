// The technical evaluation in a real Chromium against a real server (fresh SQLite with the Ilo accounts): the
// administrator sets the matrix from the template and assigns; a member of the technical team evaluates on a phone with
// the keyboard; the public page shows the published evaluation and its author answers it. The plan, the process in
// Concertation and the registrations are written straight into the database.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestDatabase } from '../support/db.ts';
import { createProcessFixture, insertPlan, municipalityId, zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import { closePage, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, settled, startServer, plain} from './support.ts';

const DEMO_PASSWORD = 'ilo-demo-2026';

interface Session { token: string; csrf: string }

describeWithBrowser('technical evaluation in Chromium', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let url: string;
  let browser: Browser;
  let processId: string;
  let proposalId: string;
  const sessions: Record<string, Session> = {};

  async function signIn(login: string): Promise<Session> {
    const res = await fetch(`${url}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) });
    expect(res.status).toBe(200);
    const token = /concerta_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    return { token, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  async function call(s: Session, method: string, apiPath: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${url}/api${apiPath}`, {
      method, headers: { 'content-type': 'application/json', cookie: `concerta_session=${s.token}`, 'x-csrf-token': s.csrf }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${apiPath}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  const newPage = (lang: 'es' | 'en', token?: string) => phonePage(browser, url, lang, token);
  const close = closePage;

  beforeAll(async () => {
    server = await startServer();
    ({ db, url } = server);
    browser = await launchBrowser();

    const mId = await municipalityId(db);
    const zones = await zoneIds(db);
    const plan = await insertPlan(db, mId, 'EJ1');
    ({ processId } = await createProcessFixture(db, { phase: 'concertation' }));
    for (const login of ['admin@ilo.gob.pe', 'tecnico@ilo.gob.pe', 'planeamiento@ilo.gob.pe', 'obras@ilo.gob.pe', 'agente@ilo.gob.pe', 'facilitador@ilo.gob.pe']) {
      sessions[login.split('@')[0]!] = await signIn(login);
    }
    const userId = async (login: string) => (await db.db.selectFrom('users').select('id').where('email', '=', login).executeTakeFirstOrThrow()).id;
    const pedro = await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[1]!.id, fullName: 'Pedro Mamani Cutipa', userId: await userId('agente@ilo.gob.pe') });
    const walter = await insertAgent(db, { municipalityId: mId, processId, zoneId: zones[2]!.id, fullName: 'Walter Chambilla Laura', userId: await userId('obras@ilo.gob.pe') });
    const content = (title: string) => ({
      title, description: 'Red de agua potable y alcantarillado con 320 conexiones domiciliarias.', zoneId: zones[1]!.id, axisId: plan.axisId,
      objectiveId: plan.objectiveId, problem: 'Las familias compran agua de cisterna a cinco soles el cilindro.', beneficiariesCount: 1450,
      beneficiaryGroups: 'familias del sector 5', costCents: 385_000_00, location: 'Sector 5, manzanas A a R',
    });
    const base = `/municipalities/ilo/processes/${processId}/proposals`;
    proposalId = (await call(sessions.facilitador!, 'POST', `${base}/paper`, { ...content('Red de agua potable del sector 5'), agentId: pedro.id })).id as string;
    await call(sessions.facilitador!, 'POST', `${base}/paper`, { ...content('Local comunal de Alto Ilo'), agentId: walter.id });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets the administrator set the matrix from the template and assign, with the reasons someone may not evaluate', async () => {
    const page = await newPage('es', sessions.admin!.token);
    await page.goto(`/m/ilo/staff/p/${processId}/evaluation/matrix`);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Matriz de priorización' }).waitFor();
    await page.getByRole('button', { name: /Usar la plantilla peruana/ }).click();
    await expect.poll(() => page.getByLabel('Nombre del criterio').first().inputValue()).toBe('Brecha de pobreza');
    await page.getByText('Los pesos suman 100.').waitFor();
    // The running total follows the weights as they are typed.
    await page.getByLabel('Peso').first().fill('35');
    await page.getByText('Suma de los pesos: 95 de 100').waitFor();
    await page.getByRole('button', { name: 'Guardar la matriz' }).click();
    await page.getByText('Los pesos deben sumar 100; suman 95.').waitFor();
    await page.getByLabel('Peso').first().fill('40');
    await page.getByLabel('Motivo del cambio').fill('matriz aprobada por ordenanza municipal');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'matrix editor (360px)');
    await page.getByRole('button', { name: 'Guardar la matriz' }).click();
    await page.getByText('Matriz guardada.').waitFor();
    await expect.poll(async () => (await (await fetch(`${url}/api/municipalities/ilo/processes/${processId}/evaluation/matrix`)).json() as { criteria: unknown[] }).criteria.length).toBe(5);

    await page.goto(`/m/ilo/staff/p/${processId}/evaluation/assignments`);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Asignar la evaluación' }).waitFor();
    await page.getByText('Walter Chambilla Laura no puede: es su autor').waitFor();
    await expectNoAxeViolations(page, 'assignment page (360px)');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Marcar todas las asignaciones posibles' }).click();
    await page.getByLabel('Motivo de la asignación').fill('reparto entre el equipo técnico');
    await page.getByRole('button', { name: 'Asignar las marcadas (5)' }).click();
    await page.getByText('Asignamos 5 evaluaciones.').waitFor();
    await page.getByText('2 propuestas: 0 sin asignar, 2 sin evaluación publicada.', { exact: false }).waitFor();
    await close(page);

    // Frozen now: the matrix page is read-only and says why.
    const again = await newPage('en', sessions.admin!.token);
    await again.goto(`/m/ilo/staff/p/${processId}/evaluation/matrix`);
    await settled(again);
    await again.getByText('The matrix no longer changes: evaluation started with the first assignment.').waitFor();
    await expectNoAxeViolations(again, 'frozen matrix in English (360px)');
    await close(again);
  });

  it('lets a member of the technical team evaluate on a phone with the keyboard, and publishes when the last one finishes', async () => {
    const matrix = (await (await fetch(`${url}/api/municipalities/ilo/processes/${processId}/evaluation/matrix`)).json()) as { criteria: { id: string }[] };
    const scores = (v: number) => matrix.criteria.map((c) => ({ criterionId: c.id, score: v }));
    const evaluation = `/municipalities/ilo/processes/${processId}/proposals/${proposalId}/evaluation/mine`;
    await call(sessions.planeamiento!, 'PUT', evaluation, { viability: 'viable', reasons: 'Cumple con el objetivo del plan.', adjustedCostCents: 390_000_00, scores: scores(2), finish: true });

    const page = await newPage('es', sessions.tecnico!.token);
    await page.goto('/m/ilo/staff');
    await settled(page);
    // A technical-team member is staff: no access-denied page, and their own menu entry.
    expect(await page.getByRole('heading', { name: 'Sin acceso' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Mis evaluaciones' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mis evaluaciones' }).waitFor();
    await settled(page);
    const link = page.getByRole('link', { name: /Red de agua potable del sector 5/ });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Evaluar la propuesta N.° 1/ }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'evaluation form (360px)');

    // Finishing with nothing filled: the first missing field takes the focus.
    await page.getByRole('button', { name: 'Terminar la evaluación' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('e-viability');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('radio', { name: 'Viable con cambios' }).isChecked()).toBe(true);
    await page.getByLabel('Sustento', { exact: true }).focus();
    await page.keyboard.type('Viable si se corrigen los metrados; falta el plan de mantenimiento.');
    await page.getByLabel('Costo ajustado en soles').focus();
    await page.keyboard.type('410000');
    for (let i = 0; i < matrix.criteria.length; i++) {
      await page.locator(`#e-score-${i}`).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
    }
    await page.getByRole('button', { name: 'Guardar borrador' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Borrador guardado.').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.resolve('test-results', 'screenshots', 'evaluation-form-360-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'Terminar la evaluación' }).focus();
    await page.keyboard.press('Enter');
    // Finishing publishes the evaluation in the same request: on a busy machine it takes a while.
    await page.getByText('Evaluación terminada.').waitFor({ timeout: 30_000 });
    await page.getByText(/Terminó esta evaluación el/).waitFor();
    await close(page);

    // The last evaluator finishes: published. Means: (50 + 50 + 100) / 3 = 66.67; the most cautious viability; the highest cost.
    const last = await call(sessions.obras!, 'PUT', evaluation, { viability: 'viable', reasons: 'Buen sustento técnico.', adjustedCostCents: 400_000_00, scores: scores(4), finish: true });
    expect(last).toEqual({ status: 'finished', published: true });
  });

  it('shows the published evaluation on the public page, and lets its author answer once, in Spanish and English', async () => {
    const page = await newPage('es', sessions.agente!.token);
    await page.goto(`/m/ilo/p/${processId}/proposals/${proposalId}`);
    await settled(page);
    const section = page.locator('section[aria-labelledby="evaluation-title"]');
    await section.getByRole('heading', { name: 'Evaluación técnica' }).waitFor();
    const text = plain(await section.innerText());
    expect(text).toContain('Viable con cambios');
    expect(text).toContain('66.67 de 100');
    expect(text).toContain('S/ 410,000.00');
    expect(text).toContain('Evaluación de Jorge Flores Ticona');
    expect(text).toContain('Viable si se corrigen los metrados');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'published evaluation (360px)');
    await page.getByLabel('Su observación').fill('Aceptamos el costo ajustado; la junta aportará la excavación de zanjas.');
    await page.getByRole('button', { name: 'Enviar la observación' }).click();
    await page.getByText('Enviamos su observación.').waitFor();
    await section.getByRole('heading', { name: 'Respuesta de los autores' }).waitFor();
    expect(await page.getByRole('button', { name: 'Enviar la observación' }).count()).toBe(0);
    await page.screenshot({ path: path.resolve('test-results', 'screenshots', 'published-evaluation-360-es.png'), fullPage: true });
    await close(page);

    const en = await newPage('en');
    await en.goto(`/m/ilo/p/${processId}/proposals/${proposalId}`);
    await settled(en);
    const enSection = en.locator('section[aria-labelledby="evaluation-title"]');
    await enSection.getByRole('heading', { name: 'Technical evaluation' }).waitFor();
    const enText = plain(await enSection.innerText());
    expect(enText).toContain('Viable with changes');
    expect(enText).toContain('66.67 of 100');
    expect(enText).toContain("The authors' answer");
    await expectNoAxeViolations(en, 'published evaluation in English (360px)');
    await close(en);
  });
});
