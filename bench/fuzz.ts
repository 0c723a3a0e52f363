import { runFuzz, type OpenApi } from '../test/integrity/fuzz-cases.ts';
import { apiRoutes, buildWorld } from '../test/integrity/world.ts';

/**
 * The fuzz test's larger run: every route that reads input gets `FUZZ_PER_ROUTE` (default 200) malformed requests from
 * fast-check, on SQLite (or the dialect in FUZZ_DIALECT) with the full Ilo demo. Prints the cases run, the answers by
 * status and the time (FUZZ_SEED: another fixed seed than the test's, 1 by default); any 5xx, uncoded refusal or write by a refused request is listed and fails the run.
 */
export default async function fuzzBench(): Promise<void> {
  const perRoute = Number(process.env.FUZZ_PER_ROUTE ?? 200);
  const seed = Number(process.env.FUZZ_SEED ?? 1);
  const dialect = process.env.FUZZ_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
  const world = await buildWorld(dialect);
  try {
    const doc = (await world.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    const routes = apiRoutes(world.t.app).filter((r) => !r.url.startsWith('/api/docs'));
    const report = await runFuzz(world, doc, { seed, perRoute, routes });
    console.table([{
      dialect, seed, routes: report.routes, cases: report.cases, 'writes accepted': report.accepted,
      's total': (report.ms / 1000).toFixed(1), 's in requests': (report.requestMs / 1000).toFixed(1),
      'cases/s': Math.round(report.cases / (report.ms / 1000)), failures: report.failures.length,
    }]);
    console.table(Object.entries(report.byStatus).map(([status, n]) => ({ status, answers: n })));
    const slowest = Object.entries(report.routeMs).sort(([, a], [, b]) => b - a).slice(0, 8);
    console.table(slowest.map(([route, ms]) => ({ route, 'ms per case': Math.round(ms / perRoute) })));
    if (report.failures.length) {
      for (const f of report.failures.slice(0, 50)) console.log(f);
      process.exitCode = 1;
    }
  } finally {
    await world.t.close();
  }
}
