// Execution follows the list the council approved: its projects are tracked with the investment codes the approval
// chain recorded, and a project an amendment takes off the list is cancelled by itself, with the amendment as reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { votedProcess, type VotedFixtureProject, type VotedProjectName } from '../support/voted-process.ts';
import { addDays, localDate } from '../../src/shared/clock.ts';

describe.each(testDialects())('execution of an amended list on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent, facilitator: Agent;
  let processId: string;
  let projects: Record<VotedProjectName, VotedFixtureProject>;
  const today = localDate();

  async function send(method: 'GET' | 'POST' | 'PUT', who: Agent | null, url: string, payload?: object) {
    return t.app.inject({ method, url, headers: who ? as(who) : {}, ...(payload ? { payload } : {}) });
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    ({ processId, projects } = await votedProcess(t.db, async (who, method, url, payload) => {
      const res = await t.app.inject({ method, url, headers: as(who === 'admin' ? admin : facilitator), ...(payload ? { payload } : {}) });
      return { status: res.statusCode, body: res.body };
    }));
    await t.db.db.updateTable('votes').set({ closed_at: new Date(Date.now() - 5 * 24 * 3600_000).toISOString() }).where('process_id', '=', processId).execute();
  });
  afterAll(async () => { await t.close(); });

  it('tracks the formalized list with its codes, and cancels a project withdrawn by amendment, once', async () => {
    const approval = `/api/municipalities/ilo/processes/${processId}/approval`;
    const session = (body: string, heldOn: string) => ({ body, heldOn, reference: `Sesión ${body}`, decision: 'approved', reason: 'acta de la sesión' });
    expect((await send('POST', admin, `${approval}/sessions`, session('ccl', addDays(today, -2)))).statusCode).toBe(201);
    expect((await send('POST', admin, `${approval}/sessions`, session('council', addDays(today, -1)))).statusCode).toBe(201);
    const coded = await send('PUT', admin, `${approval}/projects/${projects.pistas.id}/investment-code`, { investmentCode: '2512345', reason: 'código del banco de inversiones' });
    expect(coded.statusCode, coded.body).toBeLessThan(300);
    // The process moves on to Execution (its other gates are the Acta's and the committee's, not this test's).
    await t.db.db.updateTable('processes').set({ phase: 'execution' }).where('id', '=', processId).execute();
    const base = `/api/municipalities/ilo/processes/${processId}/execution`;
    const tracked = (await send('GET', null, base)).json() as { total: number; projects: { number: number; status: string; investmentCode: string | null }[] };
    expect(tracked.projects.map((p) => p.number).sort()).toEqual([projects.pistas.number, projects.aulas.number, projects.mercado.number].sort());
    expect(tracked.projects.find((p) => p.number === projects.pistas.number)!.investmentCode).toBe('2512345');

    const amend = await send('POST', admin, `${approval}/amendments`, {
      kind: 'withdraw', proposalId: projects.aulas.id, reason: 'la obra ya la ejecuta el gobierno regional',
      vote: { heldOn: today, reference: 'Sesión extraordinaria N.° 3', votesFor: 7, votesAgainst: 2, abstentions: 1 },
    });
    expect(amend.statusCode, amend.body).toBeLessThan(300);
    const after = (await send('GET', null, base)).json() as { projects: { number: number; status: string; statusReason: string | null }[] };
    const aulas = after.projects.find((p) => p.number === projects.aulas.number)!;
    expect(aulas.status).toBe('cancelled');
    expect(aulas.statusReason).toBe('Retirado de la lista formalizada por la enmienda N.° 1: la obra ya la ejecuta el gobierno regional');
    expect(after.projects.filter((p) => p.status === 'cancelled')).toHaveLength(1);
    // Read again: nothing more is written.
    const reports = async () => Number((await t.db.db.selectFrom('execution_reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await reports();
    await send('GET', null, base);
    expect(await reports()).toBe(before);
  });
});
