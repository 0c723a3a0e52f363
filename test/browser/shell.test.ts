// The web shell in a real Chromium against a real server (fresh SQLite with the Ilo demo, serving web/dist).
// Needs the bundle built first: `npm test` does it, or `npm run build:web`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startTestServer } from '../support/server.ts';
import es from '../../web/src/i18n/es.json';
import en from '../../web/src/i18n/en.json';
import {
  DESKTOP,
  MOBILE,
  assertWebBuilt,
  describeWithBrowser,
  expectNoAxeViolations,
  horizontalOverflow,
  launchBrowser,
  openPage,
  uncaughtErrors,
} from './support.ts';

const ADMIN = { email: 'admin@ilo.gob.pe', dni: '40123456', name: 'Rosa Quispe Mamani' };
const DEMO_PASSWORD = 'ilo-demo-2026';
const ILO = 'Municipalidad Provincial de Ilo';
const SCREENSHOTS = path.resolve('test-results', 'screenshots');

interface Process {
  name: string;
  fiscalYear: number;
  phase: keyof typeof es.phase;
}

describeWithBrowser('web shell in Chromium', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newPage(viewport: { width: number; height: number } = DESKTOP, lang?: 'es' | 'en'): Promise<Page> {
    const { context, page } = await openPage(browser, server.url, viewport);
    context.setDefaultTimeout(10_000);
    if (lang) await context.addInitScript((l) => window.localStorage.setItem('concerta.lang', l), lang);
    return page;
  }

  async function visible(locator: Locator): Promise<Locator> {
    await locator.first().waitFor({ state: 'visible' });
    return locator;
  }

  async function iloProcesses(): Promise<Process[]> {
    const res = await fetch(`${server.url}/api/municipalities/ilo`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { processes: Process[] }).processes;
  }

  it('signs in as the demo administrator, shows Ilo in Spanish, then in English after the switch', async () => {
    const page = await newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await visible(page.getByRole('heading', { level: 1, name: 'Presupuesto participativo en tu municipalidad' }));

    await page.getByRole('link', { name: 'Ingresar', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Ingresar' }));
    await page.getByLabel('Correo electrónico o DNI').fill(ADMIN.email);
    await page.getByLabel('Contraseña', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar', exact: true }).click();

    // Signed in: the administrator lands on the municipality's staff page (Ilo has no process yet); the account page
    // lists the roles per municipality.
    await page.waitForURL('**/m/ilo/staff');
    await visible(page.getByRole('heading', { level: 1, name: 'Gestión' }));
    await page.goto('/account');
    await visible(page.getByRole('heading', { level: 1, name: 'Mi cuenta' }));
    await visible(page.getByRole('navigation', { name: 'Cuenta' }).getByRole('link', { name: ADMIN.name }));
    const role = page.getByRole('link', { name: `Administrador — ${ILO}` });
    await visible(role);

    // The municipality page, in Spanish.
    await role.click();
    await page.waitForURL('**/m/ilo');
    await visible(page.getByRole('heading', { level: 1, name: ILO }));
    const jurisdiction = page.getByRole('list', { name: 'Jurisdicción' });
    expect(await jurisdiction.getByRole('listitem').allInnerTexts()).toEqual(['Región Moquegua', 'Provincia de Ilo']);
    expect(await page.getByText('Tu rol aquí:').innerText()).toBe('Tu rol aquí: Administrador');
    await visible(page.getByRole('heading', { level: 2, name: 'Procesos de presupuesto participativo' }));
    const processes = await iloProcesses();
    if (processes.length === 0) {
      await visible(page.getByText('Esta municipalidad todavía no tiene procesos de presupuesto participativo.'));
    }
    for (const p of processes) {
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: p.name }) });
      expect(await card.innerText()).toContain(`Año fiscal ${p.fiscalYear}`);
      expect(await card.innerText()).toContain(es.phase[p.phase]);
    }
    expect(await page.title()).toBe(`${ILO} · Concerta`);

    // Switch to English: same page, English strings, <html lang="en">, and the choice survives a reload.
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('heading', { level: 2, name: 'Participatory budgeting processes' }));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await visible(page.getByRole('heading', { level: 1, name: ILO }));
    expect(await page.getByRole('list', { name: 'Jurisdiction' }).getByRole('listitem').allInnerTexts()).toEqual([
      'Moquegua Region',
      'Ilo Province',
    ]);
    expect(await page.getByText('Your role here:').innerText()).toBe('Your role here: Administrator');
    await visible(page.getByText('PROVINCIAL MUNICIPALITY', { exact: false }).or(page.getByText('Provincial municipality')));
    if (processes.length === 0) {
      await visible(page.getByText('This municipality has no participatory budgeting processes yet.'));
    }
    for (const p of processes) {
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: p.name }) });
      expect(await card.innerText()).toContain(`Fiscal year ${p.fiscalYear}`);
      expect(await card.innerText()).toContain(en.phase[p.phase]);
    }
    await visible(page.getByRole('button', { name: 'Sign out' }));
    expect(await page.getByText('Región Moquegua').count()).toBe(0);

    await page.reload();
    await visible(page.getByRole('heading', { level: 2, name: 'Participatory budgeting processes' }));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('concerta.lang'))).toBe('en');

    // Sign out (a POST that must carry the CSRF token): back to the public view.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await visible(page.getByRole('link', { name: 'Sign in', exact: true }));
    const session = await page.evaluate(() => fetch('/api/auth/session').then((r) => r.json()));
    expect(session).toMatchObject({ user: null });

    // Back to Spanish.
    await page.getByRole('button', { name: 'Español' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('lists municipalities by region and province for the public, no account needed', async () => {
    const page = await newPage();
    await page.goto('/');
    const region = page.getByRole('region', { name: 'Región Moquegua' });
    await visible(region);
    const province = region.getByRole('region', { name: 'Provincia de Ilo' });
    const names = await province.getByRole('link').allInnerTexts();
    expect(names.map((n) => n.split('\n')[0]!.trim())).toEqual([
      ILO, // the provincial municipality first, then districts alphabetically
      'Municipalidad Distrital de El Algarrobal',
      'Municipalidad Distrital de Pacocha',
    ]);
    await province.getByRole('link', { name: /Pacocha/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Municipalidad Distrital de Pacocha' }));
    expect(await page.getByText('Tu rol aquí').count()).toBe(0);

    await page.goto('/m/no-existe');
    await visible(page.getByRole('heading', { level: 1, name: 'No encontramos esa municipalidad' }));
    await page.goto('/ruta/que/no/existe');
    await visible(page.getByRole('heading', { level: 1, name: 'Página no encontrada' }));
    expect(uncaughtErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('shows sign-in errors next to the field, in the language of the page', async () => {
    const page = await newPage();
    await page.goto('/signin');
    const login = page.getByLabel('Correo electrónico o DNI');
    const password = page.getByLabel('Contraseña', { exact: true });
    const submit = page.getByRole('button', { name: 'Ingresar', exact: true });

    // Empty form: checked in the browser, focus goes to the first wrong field.
    await submit.click();
    expect(await login.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(login)).toContain('Escribe tu correo electrónico o tu DNI.');
    expect(await describedText(password)).toContain('Escribe tu contraseña.');
    await expect.poll(() => login.evaluate((el) => el === document.activeElement), { timeout: 5000 }).toBe(true);

    await login.fill('1234');
    await password.fill('x');
    await submit.click();
    expect(await describedText(login)).toContain('DNI de 8 dígitos');
    expect(await password.getAttribute('aria-invalid')).toBeNull();

    // Wrong password: the server's message (Spanish, from Accept-Language) next to the login field.
    await login.fill(ADMIN.email);
    await password.fill('not-the-password');
    await submit.click();
    await page.waitForFunction(() => document.querySelector('#login-error')?.textContent?.includes('incorrectos'));
    expect(await describedText(login)).toContain('Usuario o contraseña incorrectos.');

    // Switching to English turns the message already on screen into English (the server sent it in both languages).
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('#login-error')?.textContent?.includes('Wrong'));
    expect(await describedText(page.getByLabel('Email or DNI'))).toContain('Wrong user or password.');
    // And a new attempt in English: the request carries Accept-Language: en.
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#login-error')?.textContent?.includes('Wrong'));
    expect(await describedText(page.getByLabel('Email or DNI'))).toContain('Wrong user or password.');
    await expectNoAxeViolations(page, 'sign-in with errors (en)');

    // A DNI works as the login too.
    await page.getByLabel('Email or DNI').fill(ADMIN.dni);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/m/ilo/staff');
    await page.goto('/account');
    await visible(page.getByRole('link', { name: `Administrator — ${ILO}` }));
    expect(uncaughtErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('signs up a citizen with a DNI, explaining the password rules', async () => {
    const page = await newPage(MOBILE);
    await page.goto('/signup');
    await visible(page.getByRole('heading', { level: 1, name: 'Crear cuenta' }));
    const password = page.getByLabel('Contraseña', { exact: true });
    expect(await describedText(password)).toContain('Tener al menos 10 caracteres.');

    await page.getByLabel('Nombre completo').fill('Ana Torres Flores');
    await page.getByLabel('Correo electrónico o DNI').fill(ADMIN.dni);
    await password.fill('corta');
    await page.getByRole('button', { name: 'Crear cuenta', exact: true }).click();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(password)).toContain('La contraseña debe tener al menos 10 caracteres.');

    // A DNI that has an account: the server names the field (without saying which of email or DNI exists), next to "Correo electrónico o DNI".
    await password.fill('mi barrio tiene agua');
    await page.getByRole('button', { name: 'Crear cuenta', exact: true }).click();
    const login = page.getByLabel('Correo electrónico o DNI');
    await page.waitForFunction(() => document.querySelector('#login')?.getAttribute('aria-invalid') === 'true');
    expect(await describedText(login)).toContain('ya existe una cuenta con ese correo o ese DNI');
    expect(await describedText(login)).not.toContain(ADMIN.dni);

    await login.fill('41234567');
    await page.getByRole('button', { name: 'Crear cuenta', exact: true }).click();
    await page.waitForURL('**/account');
    await visible(page.getByText('Todavía no tienes un rol en ninguna municipalidad.', { exact: false }));
    expect(await page.locator('.details').innerText()).toContain('41234567');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('has no axe violations on home, sign-in and municipality pages, in Spanish and English', async () => {
    for (const lang of ['es', 'en'] as const) {
      const page = await newPage(DESKTOP, lang);
      for (const [url, heading] of [
        ['/', lang === 'es' ? 'Presupuesto participativo en tu municipalidad' : 'Participatory budgeting in your municipality'],
        ['/signin', lang === 'es' ? 'Ingresar' : 'Sign in'],
        ['/signup', lang === 'es' ? 'Crear cuenta' : 'Create an account'],
        ['/m/ilo', ILO],
        ['/m/no-existe', lang === 'es' ? 'No encontramos esa municipalidad' : 'We could not find that municipality'],
      ] as const) {
        await page.goto(url);
        await visible(page.getByRole('heading', { level: 1, name: heading }));
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expectNoAxeViolations(page, `${url} (${lang})`);
      }
      // Signed in: header with the user's name, account page, municipality with the role.
      await signInAs(page, lang);
      for (const url of ['/account', '/m/ilo']) {
        await page.goto(url);
        await visible(page.getByRole('heading', { level: 1 }));
        await expectNoAxeViolations(page, `${url} signed in (${lang})`);
      }
      expect(uncaughtErrors(page)).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it('fits a 360px-wide phone with no horizontal scroll', async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const lang of ['es', 'en'] as const) {
      const page = await newPage(MOBILE, lang);
      for (const url of ['/', '/signin', '/signup', '/m/ilo', '/m/el-algarrobal']) {
        await page.goto(url);
        await visible(page.getByRole('heading', { level: 1 }));
        const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        expect(width, `${url} (${lang}) is ${width}px wide`).toBeLessThanOrEqual(MOBILE.width);
      }
      await page.goto('/');
      await visible(page.getByRole('link', { name: ILO }));
      await page.screenshot({ path: path.join(SCREENSHOTS, `home-360-${lang}.png`), fullPage: true });

      await signInAs(page, lang);
      for (const url of ['/account', '/m/ilo']) {
        await page.goto(url);
        await visible(page.getByRole('heading', { level: 1 }));
        const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        expect(width, `${url} signed in (${lang}) is ${width}px wide`).toBeLessThanOrEqual(MOBILE.width);
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, `ilo-360-signed-in-${lang}.png`), fullPage: true });
      await page.context().close();
    }
    const desktop = await newPage(DESKTOP);
    await desktop.goto('/');
    await visible(desktop.getByRole('link', { name: ILO }));
    await desktop.screenshot({ path: path.join(SCREENSHOTS, 'home-1280-es.png'), fullPage: true });
    await desktop.context().close();
  });

  it('is keyboard usable: the skip link is the first Tab stop and leads to the main content', async () => {
    const page = await newPage(MOBILE);
    await page.goto('/');
    await visible(page.getByRole('link', { name: ILO }));

    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { tag: el.tagName, text: el.textContent, href: el.getAttribute('href'), top: box.top, height: box.height };
    });
    expect(first).toMatchObject({ tag: 'A', text: 'Saltar al contenido principal', href: '#main' });
    expect(first.top).toBeGreaterThanOrEqual(0); // shown on screen when focused
    expect(first.height).toBeGreaterThan(20);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5000 }).toBe('main');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { inMain: Boolean(el.closest('main')), text: el.textContent, outline: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
    });
    expect(next.inMain).toBe(true);
    expect(next.text).toContain(ILO);
    expect(next.outline).not.toBe('none'); // visible focus
    expect(parseFloat(next.width)).toBeGreaterThanOrEqual(2);

    // Enter follows the link, and focus lands on the new page's main content.
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: ILO }));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5000 }).toBe('main');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.context().close();
  });

  /** Signs the demo administrator in through the form, in the page's language. */
  async function signInAs(page: Page, lang: 'es' | 'en'): Promise<void> {
    await page.goto('/signin');
    await page.getByLabel(lang === 'es' ? 'Correo electrónico o DNI' : 'Email or DNI').fill(ADMIN.email);
    await page.getByLabel(lang === 'es' ? 'Contraseña' : 'Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: lang === 'es' ? 'Ingresar' : 'Sign in', exact: true }).click();
    await page.waitForURL('**/m/ilo/staff');
  }
});

/** The text a screen reader reads as the field's description (hint and error, via aria-describedby). */
async function describedText(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}
