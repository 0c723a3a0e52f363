import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture } from '../support/fixtures.ts';
import { DemoState } from '../../src/kernel/area.ts';
import { DEMO_PROPOSALS } from '../../src/proposals/proposals.demo.ts';
import { EXECUTION_DEMO } from '../../src/execution/execution.demo.ts';
import { executionFixture } from './fixture.ts';

/**
 * The demo step, run against a process whose vote closed (the seed's 2007 process has no vote yet): it tracks the
 * funded projects through the demo's year, with reports and milestones; without an adopted list it does nothing.
 */
describe.each(testDialects())('the execution demo on %s', (dialect) => {
  let t: TestApp;
  let adminId: string;

  const runDemo = async (processId: string, municipalityId: string, fiscalYear: number) => {
    const state = new DemoState();
    state.set(DEMO_PROPOSALS, { processId, fiscalYear, ids: [] });
    await t.db.db.transaction().execute((trx) => EXECUTION_DEMO.municipality!({
      handle: t.db, trx, full: true, passwordLogN: 10, state, municipalityId,
      accounts: new Map([['administrator', { id: adminId, dni: '00000000', name: 'Administradora' }]]),
    }));
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const admin = await signIn(t.app, 'admin@ilo.gob.pe');
    adminId = admin.userId;
    const { processId, iloId } = await executionFixture(t.app, t.db, admin, await signIn(t.app, 'facilitador@ilo.gob.pe'));
    // The demo's year is its own (the fiscal year it is told): a past one, so its milestones are past too.
    await runDemo(processId, iloId, 2025);
    const noVote = await createProcessFixture(t.db, { phase: 'closed', fiscalYear: 2031 });
    await runDemo(noVote.processId, noVote.municipalityId, 2031);
  });
  afterAll(async () => { await t.close(); });

  it('tracks the funded projects through the year: the first completed, the second behind schedule', async () => {
    const projects = await t.db.db.selectFrom('execution_projects').select(['id', 'status', 'physical_tenths', 'reported_on']).orderBy('number').execute();
    expect(projects.map((p) => [p.status, Number(p.physical_tenths), p.reported_on])).toEqual([
      ['completed', 1000, '2025-10-12'],
      ['in_execution', 455, '2025-11-30'],
    ]);
    const processId = (await t.db.db.selectFrom('execution_projects').select('process_id').executeTakeFirstOrThrow()).process_id;
    const list = (await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${processId}/execution` })).json();
    expect(list.projects.map((p: { behindSchedule: boolean }) => p.behindSchedule)).toEqual([false, true]);
    const reports = await t.db.db.selectFrom('execution_reports').select(['kind']).where('project_id', '=', projects[0]!.id).execute();
    expect(reports.filter((r) => r.kind === 'progress')).toHaveLength(4);
    expect(await t.db.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'execution.report').execute()).toHaveLength(7);
  });
});
