import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/db.ts';
import { TEST_LOG_N } from '../support/app.ts';
import { seedDemo } from '../../src/seed.ts';
import { DemoState } from '../../src/kernel/area.ts';
import { verifyAuditChains } from '../../src/audit/audit-log.ts';
import { APPROVAL_DEMO } from '../../src/approval/approval.demo.ts';
import { formalizedList } from '../../src/approval/approval.queries.ts';
import { snapshotDigest } from '../../src/approval/approval.service.ts';
import { DEMO_PROPOSALS } from '../../src/proposals/proposals.demo.ts';
import { latestProvisionalList } from '../../src/prioritization/prioritization.queries.ts';
import { votedList } from '../../src/voting/voting.queries.ts';
import { newId } from '../../src/shared/clock.ts';

/**
 * The demo's approval chain waits for a closed 2007 vote: without one it writes nothing; given one (here a closed vote
 * written straight into the database from the 2007 provisional list, as if each funded project had won), it records the
 * CCL's approval, the council's return, the answer and the council's approval, freezes the list and sets two codes.
 */
describe.each(testDialects())('the approval chain of the Ilo demo on %s', (dialect) => {
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

  it('writes nothing while the 2007 vote is not closed', async () => {
    if (await votedList(db.db, ilo, processId)) return;
    expect(await db.db.selectFrom('approval_sessions').select('seq').execute()).toEqual([]);
    expect(await formalizedList(db.db, ilo, processId)).toBeNull();
  });

  it('records the chain of July 2006 and freezes the list once a closed 2007 vote exists', async () => {
    const admin = await db.db.selectFrom('users').select(['id', 'dni', 'name']).where('email', '=', 'admin@ilo.gob.pe').executeTakeFirstOrThrow();
    if (!(await votedList(db.db, ilo, processId))) {
      const list = (await latestProvisionalList(db.db, ilo, processId))!;
      const projectOf = (e: (typeof list.result.pools)[number]['entries'][number], funded: boolean, order: number) => ({
        projectId: String(e.number).padStart(4, '0'), proposalId: e.proposalId, number: e.number, title: e.title, zoneId: e.zoneId, zoneName: e.zoneName, costCents: e.costCents!,
        votes: funded ? 10 - order : 0, points: 0, funded, fundedOrder: funded ? order + 1 : null, reasons: [],
      });
      const pools = list.result.pools.map((pool) => {
        const funded = pool.entries.filter((e) => e.status === 'funded' && e.costCents !== null);
        const alternates = pool.entries.filter((e) => e.status === 'alternate' && e.costCents !== null);
        return {
          key: pool.key, zoneName: pool.zoneName, budgetCents: pool.budgetCents, spentCents: funded.reduce((s, e) => s + e.costCents!, 0), ballots: 10, tieBreaks: [],
          projects: [...funded.map((e, i) => projectOf(e, true, i)), ...alternates.map((e) => projectOf(e, false, 0))],
        };
      });
      await db.db.insertInto('votes').values({
        municipality_id: ilo, id: newId(), process_id: processId, status: 'closed', closes_at: '2006-06-28T22:00:00.000Z', allow_changes: 0,
        settings: JSON.stringify({ ballotKind: 'single', maxChoices: null, outcomeRule: 'greedy', threshold: null, trainingRequiredToVote: false }),
        paper: JSON.stringify(pools.map((p) => ({ key: p.key, zoneName: p.zoneName, budgetCents: p.budgetCents, projects: p.projects }))),
        opened_at: '2006-06-28T14:00:00.000Z', opened_by: admin.id, closed_at: '2006-06-28T23:00:00.000Z', closed_by: admin.id,
        result: JSON.stringify({ rule: 'greedy', ballotKind: 'single', pools }),
      }).execute();
      await db.db.transaction().execute(async (trx) => {
        const state = new DemoState();
        state.set(DEMO_PROPOSALS, { processId, fiscalYear: 2007, ids: [] });
        await APPROVAL_DEMO.municipality!({
          handle: db, trx, full: true, passwordLogN: TEST_LOG_N, state, municipalityId: ilo,
          accounts: new Map([['administrator', { id: admin.id, dni: admin.dni ?? '', name: admin.name }]]),
        });
      });
    }
    const sessions = await db.db.selectFrom('approval_sessions').select(['body', 'seq', 'held_on', 'decision']).where('process_id', '=', processId).orderBy('recorded_at').execute();
    expect(sessions.map((s) => [s.body, Number(s.seq), s.held_on, s.decision])).toEqual([
      ['ccl', 1, '2006-07-05', 'approved'], ['council', 1, '2006-07-10', 'returned'], ['council', 2, '2006-07-17', 'approved'],
    ]);
    expect(await db.db.selectFrom('approval_answers').select('seq').where('process_id', '=', processId).execute()).toHaveLength(1);
    const formal = (await formalizedList(db.db, ilo, processId))!;
    expect(formal.formalizedOn).toBe('2006-07-17');
    expect(formal.sha256).toBe(snapshotDigest((await votedList(db.db, ilo, processId))!).sha256);
    expect(formal.envelopes.flatMap((e) => e.funded).filter((p) => p.investmentCode !== null)).toHaveLength(2);
    expect((await verifyAuditChains(db.db)).breaks).toEqual([]);
  });
});
