// Always a next step, in a real Chromium on a 360px phone, in Spanish and English, with axe: a new account sees the open
// registration; an approved agent sees the training the process requires, what they attended and what comes next; the
// administrator and the technical team land on the process's dashboard; a person registered face to face links that
// registration to their account with the code of the paper receipt (fresh SQLite with the Ilo accounts and zones; the
// process is written straight into the database).
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, localDate } from '../../src/shared/clock.ts';
import type { TestDatabase } from '../support/db.ts';
import { createProcessFixture, zoneIds } from '../support/fixtures.ts';
import { closePage, describeWithBrowser, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, settled, startServer, plain} from './support.ts';

const DEMO_PASSWORD = 'ilo-demo-2026';
const LANGS = ['es', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** The words each check looks for, per language. */
const TEXT = {
  es: {
    next: 'Tu siguiente paso', register: (p: string) => `Inscribirme en ${p}`, myRegistration: 'Mi inscripción', training: 'Tu capacitación',
    missing: 'Te falta 1 sesión de capacitación.', attended: 'Asististe a 1 sesión', nextSession: 'Próxima capacitación: «Segunda sesión»',
    required: 'Para votar en la formalización debes asistir al menos a 2 sesiones de capacitación.', whatNext: 'Lo que sigue',
    decide: 'Decidir las inscripciones pendientes', dashboardGo: 'Ir a Inscripciones de agentes', figures: 'Cómo va',
    claimTitle: '¿Te inscribiste en persona?', code: 'Código de vinculación', claim: 'Vincular mi inscripción',
    wrong: 'El código no corresponde a ninguna inscripción con el DNI de tu cuenta.', linked: 'quedó vinculada a tu cuenta', see: 'Ver mi inscripción',
    signIn: 'Ingresar', login: 'Correo electrónico o DNI', password: 'Contraseña', pending: 'espera la decisión de la municipalidad',
    newCode: 'Dar un código nuevo', dniSearch: 'DNI de la persona inscrita', search: 'Buscar', reason: 'Motivo', receipt: 'Constancia de inscripción',
  },
  en: {
    next: 'Your next step', register: (p: string) => `Register for ${p}`, myRegistration: 'My registration', training: 'Your training',
    missing: 'You still need 1 training session.', attended: 'You attended 1 session', nextSession: 'Next training: “Segunda sesión”',
    required: 'To vote at formalization you must attend at least 2 training sessions.', whatNext: 'What comes next',
    decide: 'Decide the pending registrations', dashboardGo: 'Go to Agent registrations', figures: 'How it is going',
    claimTitle: 'Did you register in person?', code: 'Link code', claim: 'Link my registration',
    wrong: 'The code matches no registration with the DNI of your account.', linked: 'is now linked to your account', see: 'See my registration',
    signIn: 'Sign in', login: 'Email or DNI', password: 'Password', pending: 'awaits the municipality’s decision',
    newCode: 'Give a new code', dniSearch: 'DNI of the person registered', search: 'Search', reason: 'Reason', receipt: 'Registration receipt',
  },
} as const;

describeWithBrowser('always a next step, in Chromium', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let url: string;
  let browser: Browser;
  let processId: string;
  let processName: string;
  let zones: { id: string; code: string; name: string }[];
  let dniSeq = 48_100_000;
  const today = localDate();

  async function api(method: string, path: string, body?: unknown, session?: { token: string; csrf: string }): Promise<{ status: number; json: any; token?: string; csrf?: string }> {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(session ? { cookie: `concerta_session=${session.token}`, 'x-csrf-token': session.csrf } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    const token = /concerta_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    return { status: res.status, json, token, csrf: json?.csrfToken };
  }

  async function signInApi(login: string, password = DEMO_PASSWORD) {
    const r = await api('POST', '/auth/signin', { login, password });
    expect(r.status).toBe(200);
    return { token: r.token!, csrf: r.csrf! };
  }

  async function signUpApi(dni?: string) {
    const email = `vecina-${Math.random().toString(36).slice(2, 10)}@example.pe`;
    const r = await api('POST', '/auth/signup', { name: 'Vecina de Ilo', email, ...(dni ? { dni } : {}), password: 'una-clave-larga' });
    expect(r.status).toBe(201);
    return { token: r.token!, csrf: r.csrf! };
  }

  const nextDni = () => String((dniSeq += 1));
  const agentBody = (dni: string, fullName: string) => ({ dni, fullName, sex: 'female', ageBand: '30-44', zoneId: zones[1]!.id, phone: '987654321' });

  const newPage = (lang: 'es' | 'en', token?: string): Promise<Page> => phonePage(browser, url, lang, token);
  const close = closePage;

  async function fits(page: Page, label: string): Promise<void> {
    expect(await horizontalOverflow(page), `${label} fits 360px`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, label);
  }

  beforeAll(async () => {
    server = await startServer();
    ({ db, url } = server);
    browser = await launchBrowser();
    zones = await zoneIds(db);
    ({ processId } = await createProcessFixture(db, { fiscalYear: 2027, rules: { minTrainingSessions: 2, trainingRequiredToVote: true } }));
    processName = 'Presupuesto Participativo 2027';
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of LANGS) {
    const tx = TEXT[lang];

    it(`shows a new account the open registration and takes it there (${lang}, 360px)`, async () => {
      const me = await signUpApi();
      const page = await newPage(lang, me.token);
      await page.goto('/account');
      await settled(page);
      await page.getByRole('heading', { level: 2, name: tx.next }).waitFor();
      const link = page.getByRole('link', { name: tx.register(processName) });
      await link.waitFor();
      expect(plain(await page.locator('main').innerText())).toContain(String(new Date(`${addDays(today, 14)}T12:00:00Z`).getUTCFullYear()));
      await fits(page, `account page of a new account (${lang})`);
      await link.click();
      await page.getByRole('heading', { level: 1, name: tx.myRegistration }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/m/ilo/p/${processId}/register`);
      await close(page);
    }, 120_000);

    it(`shows an approved agent the training the process requires, what they attended and what comes next (${lang}, 360px)`, async () => {
      const dni = nextDni();
      const me = await signUpApi(dni);
      const reg = await api('POST', `/municipalities/ilo/processes/${processId}/agents`, agentBody(dni, `Agente ${lang}`), me);
      expect(reg.status).toBe(201);
      const admin = await signInApi('admin@ilo.gob.pe');
      expect((await api('POST', `/municipalities/ilo/processes/${processId}/agents/${reg.json.id}/decision`, { decision: 'approve' }, admin)).status).toBe(200);
      const facilitator = await signInApi('facilitador@ilo.gob.pe');
      const session = async (day: number, topic: string) => {
        const date = addDays(today, day);
        const r = await api('POST', `/municipalities/ilo/processes/${processId}/trainings`, {
          topic, place: 'Casa de la Cultura de Ilo', startsAt: `${date}T20:00:00.000Z`, endsAt: `${date}T23:00:00.000Z`, facilitatorName: 'ONG Labor', allowDuplicate: true,
        }, facilitator);
        expect(r.status).toBe(201);
        return r.json.session.id as string;
      };
      const held = await session(-1, `Primera sesión ${lang}`);
      await session(3 + LANGS.indexOf(lang), 'Segunda sesión');
      expect((await api('POST', `/municipalities/ilo/processes/${processId}/trainings/${held}/attendance`, { agentIds: [reg.json.id] }, facilitator)).status).toBe(200);

      const page = await newPage(lang, me.token);
      await page.goto('/signin');
      await settled(page);
      // Signed in already: the start page sends the agent to their registration.
      await page.goto('/start');
      await page.getByRole('heading', { level: 1, name: tx.myRegistration }).waitFor();
      await page.getByRole('heading', { level: 2, name: tx.training }).waitFor();
      await settled(page);
      const main = plain(await page.locator('main').innerText());
      expect(main).toContain(tx.required);
      expect(main).toContain(tx.missing);
      expect(main).toContain(tx.attended);
      expect(main).toContain(`Primera sesión ${lang}`);
      expect(main).toContain(tx.nextSession);
      expect(main).toContain('Casa de la Cultura de Ilo');
      await fits(page, `my registration with training (${lang})`);
      await page.screenshot({ path: path.resolve('test-results', 'screenshots', `my-next-step-360-${lang}.png`), fullPage: true });
      await close(page);
    }, 120_000);

    it(`lands the administrator and the technical team on the process dashboard when they sign in (${lang}, 360px)`, async () => {
      const facilitator = await signInApi('facilitador@ilo.gob.pe');
      expect((await api('POST', `/municipalities/ilo/processes/${processId}/agents/in-person`, agentBody(nextDni(), `Pendiente ${lang}`), facilitator)).status).toBe(201);
      for (const login of ['admin@ilo.gob.pe', 'tecnico@ilo.gob.pe']) {
        const page = await newPage(lang);
        await page.goto('/signin');
        await settled(page);
        await page.getByLabel(tx.login).fill(login);
        await page.getByLabel(tx.password, { exact: true }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: tx.signIn, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: processName }).waitFor();
        await settled(page);
        expect(new URL(page.url()).pathname).toBe(`/m/ilo/staff/p/${processId}`);
        await page.getByRole('heading', { level: 2, name: tx.whatNext }).waitFor();
        await page.getByRole('heading', { level: 2, name: tx.figures }).waitFor();
        const main = plain(await page.locator('main').innerText());
        expect(main).toContain(tx.decide);
        // The administrator gets a link to where each step is done; the technical team reads the steps.
        expect((await page.getByRole('link', { name: tx.dashboardGo }).count()) > 0).toBe(login.startsWith('admin'));
        await fits(page, `dashboard of ${login} (${lang})`);
        if (login.startsWith('admin')) await page.screenshot({ path: path.resolve('test-results', 'screenshots', `dashboard-360-${lang}.png`), fullPage: true });
        await close(page);
      }
    }, 120_000);

    it(`lets a person registered face to face link the registration with the code of the receipt (${lang}, 360px)`, async () => {
      const dni = nextDni();
      const facilitator = await signInApi('facilitador@ilo.gob.pe');
      const reg = await api('POST', `/municipalities/ilo/processes/${processId}/agents/in-person`, agentBody(dni, `Presencial ${lang}`), facilitator);
      expect(reg.status).toBe(201);

      // The receipt was lost: the facilitator finds the registration by DNI and gives a new code, which prints.
      const staff = await newPage(lang, facilitator.token);
      await staff.goto(`/m/ilo/staff/p/${processId}/registrations/new`);
      await settled(staff);
      await staff.getByRole('heading', { level: 2, name: tx.newCode }).waitFor();
      await staff.getByLabel(tx.dniSearch).fill(dni);
      await staff.getByRole('button', { name: tx.search }).click();
      await staff.getByText(`Presencial ${lang}`).waitFor();
      await staff.getByLabel(tx.reason).fill('Perdió la constancia de inscripción');
      await staff.getByRole('button', { name: tx.newCode }).click();
      await staff.getByRole('heading', { level: 2, name: tx.receipt }).waitFor();
      const code = plain(await staff.locator('.claim-code').innerText());
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      await fits(staff, `receipt with a new code (${lang})`);
      await close(staff);

      const me = await signUpApi(dni);
      const page = await newPage(lang, me.token);
      await page.goto('/account');
      await settled(page);
      await page.getByRole('heading', { level: 2, name: tx.claimTitle }).waitFor();
      // The old code no longer works: the refusal shows next to the field, which takes the focus.
      await page.getByLabel(tx.code).fill(reg.json.claimCode.code);
      await page.getByRole('button', { name: tx.claim }).click();
      await page.getByText(tx.wrong).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('claim-code');
      await fits(page, `claim refused (${lang})`);
      await page.getByLabel(tx.code).fill(code.toLowerCase());
      await page.getByRole('button', { name: tx.claim }).click();
      await page.getByText(tx.linked).waitFor();
      // The account's next steps reload after the link: the registration then shows as awaiting the decision.
      await expect.poll(async () => plain(await page.locator('main').innerText())).toContain(tx.pending);
      await fits(page, `claim done (${lang})`);
      await page.getByRole('link', { name: tx.see }).first().click();
      await page.getByRole('heading', { level: 1, name: tx.myRegistration }).waitFor();
      await settled(page);
      expect(plain(await page.locator('main').innerText())).toContain(`Presencial ${lang}`);
      await close(page);
    }, 120_000);
  }
});
