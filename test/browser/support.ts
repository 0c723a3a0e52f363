/**
 * Browser-test support: Debian's Chromium driven by playwright-core, and an axe-core check.
 * Chromium comes from the system (`apt-get install chromium`), not from a Playwright download.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { build } from '../../src/app.ts';
import { seedDemo } from '../../src/seed.ts';
import { DEMO_PASSWORD } from '../../src/demo/ilo.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TEST_LOG_N, testConfig } from '../support/app.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIST = path.join(repoRoot, 'web', 'dist');

/**
 * `describe` for suites that need Chromium. Without it: in CI a failure (CI must never pass by skipping),
 * on a developer's machine a skip with a message saying how to get it.
 */
export const describeWithBrowser = (() => {
  if (!chromiumAvailable) {
    const message = `Chromium not found at ${CHROMIUM_PATH} (install it with: apt-get install chromium, or set CHROMIUM_PATH)`;
    if (process.env.CI) throw new Error(`${message}: browser tests cannot run in CI without it.`);
    console.warn(`[browser tests skipped] ${message}`);
  }
  return describe.skipIf(!chromiumAvailable);
})();

/** Fails early and clearly if the web bundle was not built (npm test builds it; or `npm run build:web`). */
export function assertWebBuilt(): void {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`web/dist/index.html is missing: build the web app first (npm run build:web).`);
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export const MOBILE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

/** A fresh context (own cookies and localStorage) with a page, at the given viewport. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'es-PE' });
  const page = await context.newPage();
  // A page error (an exception in the app) must fail the test that caused it, not pass unnoticed.
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  uncaught.set(page, errors);
  return { context, page };
}

const uncaught = new WeakMap<Page, string[]>();
/** Exceptions thrown in the page since it was opened by openPage. */
export function uncaughtErrors(page: Page): string[] {
  return uncaught.get(page) ?? [];
}

/** Runs axe (WCAG 2.0–2.2 A and AA, plus best practices) and throws with a readable list if anything is found. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
  throw new Error(`axe found ${results.violations.length} violation(s) on ${label}:\n${report}`);
}

/** Horizontal overflow in CSS pixels (0 when the page fits the viewport width). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth - window.innerWidth;
  });
}

/** A real server on a fresh SQLite database with the Ilo accounts and zones, serving the built web app. */
export async function startServer(): Promise<{ db: TestDatabase; url: string; close(): Promise<void> }> {
  assertWebBuilt();
  const db = await createTestDatabase('sqlite');
  await seedDemo(db, { passwordLogN: TEST_LOG_N });
  const app = await build({ db, config: testConfig({ webDist: WEB_DIST }), passwordLogN: TEST_LOG_N, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return { db, url, close: async () => { await app.close(); await db.drop(); } };
}

/** Signs a demo account in through the API; the session cookie's value, for a browser context. */
export async function sessionToken(url: string, login: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in of ${login} failed: ${res.status}`);
  return /concerta_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
}

/** A page on a 360px phone in the language, signed in when given a session token. */
export async function phonePage(browser: Browser, url: string, lang: 'es' | 'en', token?: string): Promise<Page> {
  const { context, page } = await openPage(browser, url, MOBILE);
  context.setDefaultTimeout(10_000);
  await context.addInitScript((l) => window.localStorage.setItem('concerta.lang', l), lang);
  if (token) await context.addCookies([{ name: 'concerta_session', value: token, url }]);
  return page;
}

/** Waits for the page's heading and for nothing to be loading. */
export async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.status-loading'));
}

/** Closes the page's context, failing if the app threw meanwhile. */
export async function closePage(page: Page): Promise<void> {
  expect(uncaughtErrors(page)).toEqual([]);
  await page.context().close();
}

/** Text as a person reads it: runs of spaces and line breaks as one space, trimmed. */
export function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
