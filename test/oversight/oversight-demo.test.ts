import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/db.ts';
import { TEST_LOG_N } from '../support/app.ts';
import { seedDemo } from '../../src/seed.ts';
import { requireProcess } from '../../src/processes/process.queries.ts';
import { workspace } from '../../src/oversight/oversight.service.ts';
import { accountability } from '../../src/oversight/oversight-accountability.ts';

/** The full demo's oversight of the 2007 process: the PIA check, the committee's observations, its two requests. */
describe.each(testDialects())('the oversight demo on %s', (dialect) => {
  let db: TestDatabase;
  let ilo: string;
  let processId: string;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seedDemo(db, { full: true, passwordLogN: TEST_LOG_N });
    ilo = (await db.db.selectFrom('municipalities').select('id').where('slug', '=', 'ilo').executeTakeFirstOrThrow()).id;
    processId = (await db.db.selectFrom('processes').select('id').where('municipality_id', '=', ilo).where('fiscal_year', '=', 2007).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await db.drop(); });

  it('records the 2007 PIA with one project included with less, two observations, one request answered and one overdue', async () => {
    const ws = await workspace(db.db, await requireProcess(db.db, ilo, processId));
    expect(ws.projects.length).toBeGreaterThan(3);
    expect(ws.pia).toEqual({ included: ws.projects.length - 1, included_less: 1, missing: 0 });
    expect(ws.observations).toHaveLength(2);
    expect(ws.observations.every((o) => o.authorName === 'Marta Huanca Choque')).toBe(true);
    expect(ws.requestCounts).toEqual({ total: 2, answered: 1, pending: 1, overdue: 1 });
    expect(ws.requests[0]).toMatchObject({ overdue: true, answer: null });
    expect(ws.requests[1]!.answer).toMatchObject({ answeredByName: 'Rosa Quispe Mamani' });
  });

  it('gives the account of 2007: done, in progress and cancelled with its reason', async () => {
    const years = await accountability(db, ilo, null);
    const y2007 = years.find((y) => y.fiscalYear === 2007)!;
    expect(y2007.counts.done).toBeGreaterThan(0);
    expect(y2007.counts.cancelled).toBeGreaterThan(0);
    expect(y2007.projects.find((p) => p.state === 'cancelled')!.reason).toMatch(/terreno/);
  });
});
