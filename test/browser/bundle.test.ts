// Keeps the citizen's first download small: what index.html loads up front stays under a budget, and no chart
// library is in it (pages that need one must load it lazily, with `lazy: () => import(...)` in web/src/routes.tsx).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEB_DIST, assertWebBuilt } from './support.ts';

/**
 * gzip bytes of the JavaScript loaded before first render: at most 100 KB, the budget for a cheap phone on a slow link
 * (about 71 KB today: Preact's React compatibility layer, the router, i18next, the shell; brotli, as served, is smaller).
 */
const INITIAL_JS_BUDGET = 100 * 1024;
const INITIAL_CSS_BUDGET = 15 * 1024;
const CHART_LIBRARIES = ['chart.js', 'recharts', 'echarts', 'apexcharts', 'plotly', 'highcharts', 'victory', 'nivo', 'd3', 'vega'];

function initialAssets(ext: 'js' | 'css'): string[] {
  const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  const pattern =
    ext === 'js'
      ? /<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g
      : /<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+\.css)"/g;
  return [...html.matchAll(pattern)].map((m) => path.join(WEB_DIST, m[1]!));
}

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** npm packages whose code is in a built file, read from its source map. */
function packagesIn(file: string): string[] {
  const map = `${file}.map`;
  if (!fs.existsSync(map)) return [];
  const { sources } = JSON.parse(fs.readFileSync(map, 'utf8')) as { sources: string[] };
  const names = sources.flatMap((source) => {
    const after = source.split('node_modules/').pop();
    if (after === source || !after) return [];
    const parts = after.split('/');
    return [parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!];
  });
  return [...new Set(names)].sort();
}

describe('web bundle loaded by the public pages', () => {
  it('stays within its size budget (gzip)', () => {
    assertWebBuilt();
    const js = initialAssets('js');
    const css = initialAssets('css');
    expect(js.length).toBeGreaterThan(0);
    const jsBytes = js.reduce((sum, f) => sum + gzipSize(f), 0);
    const cssBytes = css.reduce((sum, f) => sum + gzipSize(f), 0);
    expect(jsBytes, `initial JS is ${(jsBytes / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
    expect(cssBytes, `initial CSS is ${(cssBytes / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(INITIAL_CSS_BUDGET);
  });

  it('has no chart library in the initial download', () => {
    assertWebBuilt();
    const packages = initialAssets('js').flatMap(packagesIn);
    expect(packages, 'source maps of the initial bundle list its packages').toContain('preact');
    const charts = packages.filter((p) => CHART_LIBRARIES.some((c) => p === c || p.startsWith(`${c}-`) || p.startsWith(`@${c}`)));
    expect(charts, `initial bundle packages: ${packages.join(', ')}`).toEqual([]);
  });

  it('loads the PB cycle pages and their messages lazily, each page in its own chunk', () => {
    assertWebBuilt();
    const initial = initialAssets('js').map((f) => path.basename(f));
    const all = fs.readdirSync(path.join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.js'));
    for (const name of ['ProcessOverview', 'RegistryPage', 'ParticipationPage', 'ParticipationCharts', 'MyRegistrationPage', 'RegistrationsAdminPage', 'es.cycle', 'en.cycle']) {
      expect(all.some((f) => f.startsWith(`${name}-`)), `a chunk for ${name}`).toBe(true);
      expect(initial.some((f) => f.startsWith(`${name}-`)), `${name} is not in the first download`).toBe(false);
    }
  });

  it('draws the participation charts without any chart library (inline SVG), in a chunk of their own', () => {
    assertWebBuilt();
    const chunks = fs.readdirSync(path.join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => path.join(WEB_DIST, 'assets', f));
    const charts = chunks.flatMap(packagesIn).filter((p) => CHART_LIBRARIES.some((c) => p === c || p.startsWith(`${c}-`) || p.startsWith(`@${c}`)));
    expect(charts).toEqual([]);
    const chartChunk = chunks.find((f) => path.basename(f).startsWith('ParticipationCharts-'))!;
    expect(gzipSize(chartChunk)).toBeLessThan(8 * 1024);
  });
});
