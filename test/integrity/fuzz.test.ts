import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/db.ts';
import { runFuzz, type OpenApi } from './fuzz-cases.ts';
import { apiRoutes, buildWorld, type World } from './world.ts';

/** The seed of the CI run: a failure found here is found again by the same seed. `npm run bench fuzz` runs more. */
const SEED = 20_261_202;
const PER_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 20);

describe.each(testDialects())('malformed input to every route on %s', (dialect) => {
  let w: World;
  let doc: OpenApi;
  beforeAll(async () => {
    w = await buildWorld(dialect);
    doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  }, 300_000);
  afterAll(async () => { await w?.t.close(); });

  it('answers no 5xx, codes every refusal, and writes nothing it refuses', async () => {
    const only = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : null;
    const routes = apiRoutes(w.t.app).filter((r) => !r.url.startsWith('/api/docs') && (!only || only.test(`${r.method} ${r.url}`)));
    const report = await runFuzz(w, doc, { seed: SEED, perRoute: PER_ROUTE, routes });
    console.log(`fuzz on ${dialect}: ${report.cases} cases over ${report.routes} routes in ${report.ms} ms (requests ${report.requestMs} ms, counts ${report.countMs} ms); by status ${JSON.stringify(report.byStatus)}; ${report.accepted} writes accepted`);
    expect(report.routes).toBeGreaterThan(100);
    expect(report.cases).toBe(report.routes * PER_ROUTE);
    expect(report.failures).toEqual([]);
  }, 600_000);
});
