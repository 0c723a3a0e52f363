/**
 * The built browser bundle (dist/browser/pb-rules.js) runs in Chromium: a page imports it as an ES
 * module, parses a .pb file, and computes outcomes equal to those Node computes from the sources.
 * Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium): skipped without it, a failure under CI=true.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { computeOutcome, pabulibToElection, parsePabulib } from '../src/index.ts';
import { assertBuilt, BROWSER_BUNDLE } from './built.ts';
import { corpusPath } from './corpus-files.ts';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  const message = `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env['CI'] === 'true') throw new Error(`${message}: required under CI=true.`);
  console.warn(`[browser test skipped] ${message}`);
}

const ORIGIN = 'http://pb-rules.test';
const FILES = ['Netherlands_Assen_2024.pb', 'Switzerland_Zurich_S5.pb'];
const RULES = ['greedy', 'mes', 'mes-add1', 'phragmen'];

function inNode(text: string, rule: string): { selected: readonly string[]; cost: string } {
  const parsed = parsePabulib(text);
  if (!parsed.ok) throw new Error('parse');
  const converted = pabulibToElection(parsed.value);
  if (!converted.ok) throw new Error('convert');
  const outcome = computeOutcome(converted.value.election, rule);
  if (!outcome.ok) throw new Error('outcome');
  return { selected: outcome.value.selected, cost: outcome.value.cost.toDecimalString() };
}

describe.skipIf(!available)('the browser bundle in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    assertBuilt();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('computes the same outcomes as Node, from the .pb text', async () => {
    const page = await browser.newPage();
    const bundle = readFileSync(BROWSER_BUNDLE, 'utf8');
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/pb-rules.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>pb-rules</title>' });
    });
    await page.goto(`${ORIGIN}/`);
    // The page imports the bundle as an ES module, as an application would.
    await page.addScriptTag({ type: 'module', content: `import * as lib from '${ORIGIN}/pb-rules.js'; window.pbRules = lib;` });
    await page.waitForFunction(() => 'pbRules' in window);
    for (const file of FILES) {
      const text = readFileSync(corpusPath(file), 'utf8');
      const results = await page.evaluate(
        ({ text, rules }) => {
          const lib = (window as unknown as { pbRules: any }).pbRules;
          const parsed = lib.parsePabulib(text);
          const election = lib.pabulibToElection(parsed.value).value.election;
          return {
            node: typeof (globalThis as { process?: unknown }).process,
            outcomes: rules.map((rule: string) => {
              const o = lib.computeOutcome(election, rule).value;
              return { selected: o.selected, cost: o.cost.toDecimalString() };
            }),
          };
        },
        { text, rules: RULES },
      );
      expect(results.node).toBe('undefined');
      expect(results.outcomes, file).toEqual(RULES.map((rule) => inNode(text, rule)));
    }
    await page.close();
  });
});
