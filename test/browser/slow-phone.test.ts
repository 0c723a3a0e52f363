// A cheap phone on a slow link (400 kbps, 400 ms latency, CPU slowed 4x), as issue reports measure it: how long the
// citizen's pages take to show content, printed as a table. Times are printed, not asserted (they are the machine's);
// what is asserted is the bytes: the compressed JavaScript fetched before the first content stays within 100 KB.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { MOBILE, assertWebBuilt, describeWithBrowser, launchBrowser, openPage } from './support.ts';
import { startTestServer } from '../support/server.ts';

const JS_BEFORE_CONTENT_BUDGET = 100 * 1024;

describeWithBrowser('the citizen pages on a slow phone', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let processId: string;
  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({ full: true });
    browser = await launchBrowser();
    const detail = await (await fetch(`${server.url}/api/municipalities/ilo`)).json() as { processes: { id: string; fiscalYear: number }[] };
    processId = [...detail.processes].sort((a, b) => b.fiscalYear - a.fiscalYear)[0]!.id;
  });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  it('shows content on the home, process and registry pages, within the JavaScript budget', async () => {
    const rows: { page: string; firstContentMs: number; headingMs: number; jsKb: number; totalKb: number }[] = [];
    for (const [name, path] of [['home', '/'], ['process', `/m/ilo/p/${processId}`], ['registry', `/m/ilo/p/${processId}/registry`]] as const) {
      const { context, page } = await openPage(browser, server.url, MOBILE);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const started = Date.now();
      await page.goto(path, { waitUntil: 'commit' });
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
      const headingMs = Date.now() - started;
      const measured = await page.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const fcp = paint ? paint.startTime : Number.NaN;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const jsBefore = resources.filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
          .filter((r) => r.startTime <= fcp).reduce((sum, r) => sum + r.transferSize, 0);
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const total = resources.reduce((sum, r) => sum + r.transferSize, nav.transferSize);
        return { fcp, jsBefore, total };
      });
      // What the page needs is announced in the page itself (src/http/page-hints.ts): its data is asked for once, and
      // no chunk of the page's code arrives late, unannounced.
      const fetched = await page.evaluate(() => {
        const announced = [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload], link[rel=preload], script[src]')]
          .map((l) => new URL(l.getAttribute('href') ?? l.getAttribute('src') ?? '', location.href).pathname + new URL(l.getAttribute('href') ?? l.getAttribute('src') ?? '', location.href).search);
        const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => new URL(r.name).pathname + new URL(r.name).search);
        return { announced, resources };
      });
      if (name !== 'home') {
        const scripts = fetched.resources.filter((r) => r.endsWith('.js'));
        expect(scripts.filter((r) => !fetched.announced.includes(r)), `${name}: chunks not announced in the page`).toEqual([]);
        const api = fetched.resources.filter((r) => r.startsWith('/api/'));
        expect(api.filter((r, i) => api.indexOf(r) !== i), `${name}: API answers fetched twice`).toEqual([]);
        expect(fetched.announced.filter((r) => r.startsWith('/api/')).length, `${name}: data announced`).toBeGreaterThan(0);
      }
      rows.push({ page: name, firstContentMs: Math.round(measured.fcp), headingMs, jsKb: +(measured.jsBefore / 1024).toFixed(1), totalKb: +(measured.total / 1024).toFixed(1) });
      expect(measured.jsBefore, `${name}: compressed JS before first content`).toBeLessThanOrEqual(JS_BEFORE_CONTENT_BUDGET);
      await context.close();
    }
    console.log('\nSlow phone (400 kbps, 400 ms, CPU x4), 360 px:');
    console.table(rows);
  });
});
