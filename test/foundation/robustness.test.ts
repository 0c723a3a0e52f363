import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { createProcessFixture } from '../support/fixtures.ts';

/**
 * No client mistake is a 500: every route, called by an administrator with wrong bodies, wrong ids and odd query
 * strings, answers a coded 4xx (or a success), never a server error or a stack trace.
 */
describe('every route answers bad input with a coded 4xx', () => {
  let t: TestApp;
  let admin: Agent;
  let processId: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    processId = (await createProcessFixture(t.db)).processId;
  });
  afterAll(async () => { await t.close(); });

  function fill(url: string, id: string): string {
    return url.replace(':slug', 'ilo').replace(':processId', processId).replace(':kind', 'directive_committee')
      .replace(':role', 'facilitator').replace(/:[A-Za-z]+/g, id).replace('*', 'x');
  }

  const bodies: [string, string | undefined][] = [
    ['empty object', '{}'], ['array', '[1,2]'], ['string', '"hola"'], ['null', 'null'], ['malformed', '{"a":'],
    ['wrong types', '{"name":1,"dni":true,"reason":[],"agentIds":"x","fiscalYear":"dos mil","to":5}'], ['no body', undefined],
  ];

  it('for writes with wrong bodies and unknown ids', async () => {
    const writes = t.app.routeTable.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.url.startsWith('/api/'));
    expect(writes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const route of writes) {
      for (const id of ['00000000-0000-0000-0000-000000000000', "x' OR 1=1 --"]) {
        for (const [what, payload] of bodies) {
          const url = fill(route.url, encodeURIComponent(id));
          const res = await t.app.inject({
            method: route.method as 'POST', url, headers: { ...as(admin), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, payload,
          });
          if (res.statusCode >= 500 || /at .*\.ts:\d+/.test(res.body)) failures.push(`${route.method} ${route.url} (${what}, id ${id}): ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400) {
            const body = res.json();
            if (typeof body?.error?.code !== 'string' || typeof body?.error?.message !== 'string') failures.push(`${route.method} ${route.url}: uncoded ${res.statusCode}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('for reads with unknown ids and odd query strings', async () => {
    const reads = t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    const failures: string[] = [];
    for (const route of reads) {
      for (const query of ['', '?limit=-1', '?limit=abc&status=nope&lang=fr', '?offset=99999999999999999999']) {
        const url = fill(route.url, 'no-such-id') + query;
        const res = await t.app.inject({ method: 'GET', url, headers: as(admin) });
        if (res.statusCode >= 500) failures.push(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
