import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ACTIONS } from '@concerta/contracts';
import type { Action } from '../../src/access/policy.ts';
import { signIn } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { strFromU8, unzipSync } from 'fflate';
import {
  apiRoutes, buildWorld, expected, fillRoute, headersOf, isWrite, PARAM_SOURCES, urlOf, type ApiRoute, type Caller, type World,
} from './world.ts';

/**
 * The role matrix: every route the application lists, called by one account per role in two municipalities, a
 * signed-in citizen with no role and an anonymous caller. The expected answer comes from the route's declared policy
 * and the policy table (packages/contracts/src/actions.ts), never from a list written here.
 */
describe.each(testDialects())('the role matrix on %s', (dialect) => {
  let w: World;
  let routes: ApiRoute[];
  beforeAll(async () => {
    w = await buildWorld(dialect);
    routes = apiRoutes(w.t.app);
  }, 300_000);
  afterAll(async () => { await w?.t.close(); });

  const payloadOf = (route: ApiRoute) => (isWrite(route) ? '{}' : undefined);

  async function call(caller: Caller, route: ApiRoute, url: string): Promise<LightMyRequestResponse> {
    return w.t.app.inject({ method: route.method as 'GET', url, headers: headersOf(caller, isWrite(route)), payload: payloadOf(route) });
  }

  /** Calls the route; after a write (which may be signing out), signs the caller in again if their session ended. */
  async function send(caller: Caller, route: ApiRoute, url: string): Promise<LightMyRequestResponse> {
    const res = await call(caller, route, url);
    if (isWrite(route) && caller.login) {
      const session = await w.t.app.inject({ method: 'GET', url: '/api/auth/session', headers: headersOf(caller, false) });
      if (!session.json().user) caller.agent = await signIn(w.t.app, caller.login, caller.password);
    }
    return res;
  }

  /** An answer without the moment it was made. */
  const stable = (body: string) => body.replace(/"generatedAt":\s*"[^"]*"/g, '');
  /** An answer as compared between callers: a zip by its files' contents (its entries carry the time they were made). */
  const comparable = (res: LightMyRequestResponse) => (String(res.headers['content-type'] ?? '').includes('zip')
    ? JSON.stringify(Object.entries(unzipSync(new Uint8Array(res.rawPayload))).map(([name, bytes]) => [name, stable(strFromU8(bytes))]))
    : stable(res.body));
  const short = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 160)}`;

  it('finds a real id for every path parameter of every route', async () => {
    const unknown = [...new Set(routes.flatMap((r) => r.params))].filter((p) => p !== 'slug' && !(p in PARAM_SOURCES));
    expect(unknown, 'add a source for these parameters to PARAM_SOURCES in test/integrity/world.ts').toEqual([]);
    const missing: string[] = [];
    for (const route of routes) {
      const filled = await fillRoute(w, route, 'A');
      if (filled.missing.length) missing.push(`${route.method} ${route.url}: ${filled.missing.join(', ')}`);
    }
    expect(missing).toEqual([]);
  });

  it('answers every route to every caller as the policy table says, in Ilo', async () => {
    const failures: string[] = [];
    let cells = 0;
    let ownershipRefusals = 0;
    for (const route of routes) {
      const { url } = await fillRoute(w, route, 'A');
      const refused = w.callers.filter((c) => expected(route.policy, c, 'A') !== 'allowed');
      const allowed = w.callers.filter((c) => expected(route.policy, c, 'A') === 'allowed');
      // Refused first, all of them between two counts of every table: nothing may change.
      const before = isWrite(route) ? await w.counts() : null;
      for (const caller of refused) {
        cells += 1;
        const res = await call(caller, route, url);
        const want = expected(route.policy, caller, 'A');
        if (res.statusCode !== want) failures.push(`${route.method} ${route.url} as ${caller.name}: want ${want}, got ${short(res)}`);
      }
      if (before) {
        const after = await w.counts();
        const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
        if (changed.length) failures.push(`${route.method} ${route.url}: refused callers changed ${changed.join(', ')}`);
      }
      for (const caller of allowed) {
        cells += 1;
        const res = await send(caller, route, url);
        // A signed-in route's use case may still refuse with 403 by its ownership rule ("its owner, or staff with
        // X"), and an action's use case by a rule of its own on the thing named (a proposal not assigned to this
        // evaluator, a table this facilitator does not staff): a 403 coded other than the policy's FORBIDDEN. That
        // the rule looks at the route's municipality is the next test's business.
        const code = res.statusCode === 403 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
        const ownership = res.statusCode === 403 && (route.policy === 'signed-in' || (code !== undefined && !['FORBIDDEN', 'CSRF_TOKEN_INVALID'].includes(code)));
        if (res.statusCode === 401 || (res.statusCode === 403 && !ownership) || res.statusCode >= 500) {
          failures.push(`${route.method} ${route.url} as ${caller.name}: allowed, got ${short(res)}`);
        } else if (ownership) {
          ownershipRefusals += 1;
          // The rule's "or staff with X": X, when it is an action of the table, is one the caller does not hold here.
          const action = res.json().error?.details?.action as string | undefined;
          if (action && action in ACTIONS && expected({ action: action as Action }, caller, 'A') === 'allowed') {
            failures.push(`${route.method} ${route.url} as ${caller.name}: refused for ${action}, which the policy table gives them`);
          }
        }
      }
    }
    console.log(`role matrix on ${dialect}: ${routes.length} routes x ${w.callers.length} callers = ${cells} answers checked (${ownershipRefusals} refusals by a use case's own rule: owner, assignment)`);
    expect(cells).toBe(routes.length * w.callers.length);
    expect(failures).toEqual([]);
  }, 600_000);

  it("treats Pacocha's staff in Ilo as citizens with no role: same answers, nothing more", async () => {
    const citizen = w.callers.find((c) => c.name === 'citizen')!;
    const strangers = w.callers.filter((c) => c.place === 'B');
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.params.includes('slug'))) {
      const { url } = await fillRoute(w, route, 'A');
      const base = await send(citizen, route, url);
      for (const caller of strangers) {
        const res = await send(caller, route, url);
        if (res.statusCode !== base.statusCode) failures.push(`${route.method} ${route.url} as ${caller.name}: ${short(res)}; the citizen got ${base.statusCode}`);
        else if (!isWrite(route) && res.statusCode === 200 && comparable(res) !== comparable(base)) failures.push(`${route.method} ${route.url} as ${caller.name}: another answer than the citizen's`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  /** Parameters that name a kind of thing, not one of Ilo's rows (Pacocha's process with them is Pacocha's own data). */
  const NAMES = new Set(['file', 'role', 'kind']);

  it("gives nobody Ilo's rows through Pacocha's URLs, and writes nothing", async () => {
    const failures: string[] = [];
    const before = await w.counts();
    let checked = 0;
    for (const route of routes.filter((r) => r.params.includes('slug') && r.params.some((p) => p !== 'slug' && !NAMES.has(p)))) {
      const ilo = await fillRoute(w, route, 'A');
      const variants: Record<string, string>[] = [{ ...ilo.values, slug: w.slugs.B }];
      // Pacocha's own process, with Ilo's ids for everything else the route names.
      if (route.params.includes('processId') && route.params.some((p) => p !== 'slug' && p !== 'processId' && !NAMES.has(p))) variants.push({ ...ilo.values, slug: w.slugs.B, processId: w.processB.id });
      for (const values of variants) {
        const url = urlOf(route, values);
        for (const caller of w.callers) {
          checked += 1;
          const res = await send(caller, route, url);
          if (res.statusCode < 400 || res.statusCode >= 500) failures.push(`${route.method} ${url} as ${caller.name}: ${short(res)}`);
        }
      }
    }
    const after = await w.counts();
    expect(Object.keys(before).filter((k) => before[k] !== after[k])).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 300_000);

  /** Keys that carry a count of the vote: only the results (after the close) and a table's tally may hold them. */
  function resultKeys(body: unknown, path = ''): string[] {
    if (Array.isArray(body)) return body.flatMap((v, i) => resultKeys(v, `${path}[${i}]`));
    if (!body || typeof body !== 'object') return [];
    return Object.entries(body as Record<string, unknown>).flatMap(([k, v]) => [
      ...(['votes', 'tally', 'result', 'results', 'outcome', 'winners'].includes(k) && v !== null ? [`${path}.${k}`] : []),
      ...resultKeys(v, `${path}.${k}`),
    ]);
  }

  it('answers no result of an open vote to anyone, on any route, before the close', async () => {
    const open = w.processesA.find((p) => p.id === w.openVote.processId)!;
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes.filter((r) => r.method === 'GET' && r.params.includes('processId'))) {
      const { url } = await fillRoute(w, route, 'A', [open]);
      for (const caller of w.callers) {
        const res = await call(caller, route, url);
        checked += 1;
        if (res.statusCode >= 500) failures.push(`${url} as ${caller.name}: ${short(res)}`);
        if (/\/vote\/results/.test(route.url)) {
          if (res.statusCode !== 409 || res.json().error.code !== 'RESULTS_NOT_YET') failures.push(`${route.url} as ${caller.name}: ${short(res)}`);
          continue;
        }
        if (res.statusCode === 200 && /json/.test(String(res.headers['content-type']))) {
          const keys = resultKeys(res.json());
          if (keys.length) failures.push(`${route.url} as ${caller.name}: ${keys.join(', ')}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    // The check sees counts where there are some: the 2007 vote is closed, its results carry them.
    const closed = await call(w.callers[0]!, routes.find((r) => r.url.endsWith('/vote/results'))!, `/api/municipalities/ilo/processes/${w.processesA[0]!.id}/vote/results`);
    expect(resultKeys(closed.json()).length).toBeGreaterThan(0);
    // The ballots of the open vote are there, uncounted.
    const cast = await w.t.db.db.selectFrom('online_ballots').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', open.municipalityId).executeTakeFirstOrThrow();
    expect(Number(cast.n)).toBeGreaterThanOrEqual(w.openVote.ballots);
  }, 300_000);
});
