import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/db.ts';
import { seedDemo } from '../../src/seed.ts';
import { verifyAuditChains } from '../../src/audit/audit-log.ts';
import { quotaStatus } from '../../src/quotas/quota.queries.ts';
import { localDate } from '../../src/shared/clock.ts';
import { findProcess } from '../../src/processes/process.repository.ts';
import { TEST_LOG_N } from '../support/app.ts';
import { findProposal, listProposals } from '../../src/proposals/proposals.queries.ts';
import { evaluationProgress, processMatrix, publishedEvaluations } from '../../src/evaluation/evaluation.queries.ts';
import { workshopVotesByProposal, workshopsWithoutMinutes } from '../../src/workshops/workshops.queries.ts';
import { coordination } from '../../src/coordination/coordination.queries.ts';
import { committee } from '../../src/committee/committee.queries.ts';
import { voteResults, votedList } from '../../src/voting/voting.queries.ts';
import { closedBallots, tableBallots } from '../../src/voting/voting.service.ts';
import { computeResult } from '../../src/voting/voting.ts';
import type { Actor } from '../../src/access/actor.ts';
import { issuedActa } from '../../src/acta/acta.queries.ts';
import { formalizedList } from '../../src/approval/approval.queries.ts';
import { listTracked } from '../../src/execution/execution.queries.ts';

describe.each(testDialects())('the full Ilo demo on %s', (dialect) => {
  let db: TestDatabase;
  let ilo: string;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seedDemo(db, { full: true, passwordLogN: TEST_LOG_N });
    ilo = (await db.db.selectFrom('municipalities').select('id').where('slug', '=', 'ilo').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await db.drop(); });

  it("reports women's participation rising from 38% in 2000 to 52% in 2007, as the case does", async () => {
    const rows = await db.db.selectFrom('agents as a').innerJoin('processes as p', (j) => j.onRef('p.id', '=', 'a.process_id').onRef('p.municipality_id', '=', 'a.municipality_id'))
      .select(['p.fiscal_year', 'a.sex', (eb) => eb.fn.countAll<number>().as('n')])
      .where('a.municipality_id', '=', ilo).where('a.status', '=', 'approved').where('p.fiscal_year', 'in', [2000, 2007])
      .groupBy(['p.fiscal_year', 'a.sex']).execute();
    const share = (year: number) => {
      const women = Number(rows.find((r) => Number(r.fiscal_year) === year && r.sex === 'female')!.n);
      const men = Number(rows.find((r) => Number(r.fiscal_year) === year && r.sex === 'male')!.n);
      return Math.round((100 * women) / (women + men));
    };
    expect(share(2000)).toBe(38);
    expect(share(2007)).toBe(52);
  });

  it("puts this year's process in Preparation with registration open, a few hundred agents, a dozen organizations, trainings held", async () => {
    const current = await db.db.selectFrom('processes').select(['id', 'phase']).where('municipality_id', '=', ilo).orderBy('fiscal_year', 'desc').executeTakeFirstOrThrow();
    expect(current.phase).toBe('preparation');
    const p = (await findProcess(db.db, ilo, current.id))!;
    expect(p.rules.registrationDeadline >= localDate()).toBe(true);
    expect(p.zoneEnvelopes.reduce((s, z) => s + z.amountCents, 0)).toBeLessThanOrEqual(p.envelopeCents);
    const agents = await db.db.selectFrom('agents').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('process_id', '=', current.id).groupBy('status').execute();
    const total = agents.reduce((s, r) => s + Number(r.n), 0);
    expect(total).toBeGreaterThan(250);
    expect(agents.map((r) => r.status).sort()).toEqual(['approved', 'pending', 'rejected']);
    const orgs = await db.db.selectFrom('organizations').select('type').where('process_id', '=', current.id).execute();
    expect(orgs).toHaveLength(12);
    const attendance = await db.db.selectFrom('training_attendance as t').innerJoin('training_sessions as s', (j) => j.onRef('s.id', '=', 't.session_id').onRef('s.municipality_id', '=', 't.municipality_id'))
      .select(['s.id', (eb) => eb.fn.countAll<number>().as('n')]).where('s.process_id', '=', current.id).groupBy('s.id').execute();
    expect(attendance).toHaveLength(2);
    const quotas = await quotaStatus(db.db, ilo, current.id);
    expect(quotas.map((q) => [q.kind, q.status])).toEqual([['delegates', 'open'], ['directive_committee', 'met'], ['oversight_committee', 'open']]);
  });

  it('carries about forty proposals of 2007 across every zone and axis, costed within the envelope, co-financed, some corrected', async () => {
    const process = await db.db.selectFrom('processes').select(['id', 'envelope_cents']).where('municipality_id', '=', ilo).where('fiscal_year', '=', 2007).executeTakeFirstOrThrow();
    const { total, proposals } = await listProposals(db.db, ilo, { processId: process.id });
    expect(total).toBe(40);
    expect(new Set(proposals.map((p) => p.current.zone.id)).size).toBe(7);
    expect(new Set(proposals.map((p) => p.current.axis.code))).toEqual(new Set(['EJ1', 'EJ2', 'EJ3', 'EJ4']));
    expect(proposals.every((p) => p.current.costCents > 0 && p.current.costCents <= Number(process.envelope_cents) && p.cofinancingCents > 0)).toBe(true);
    expect(proposals.filter((p) => p.currentVersion === 2).length).toBeGreaterThanOrEqual(5);
    const first = (await findProposal(db.db, ilo, proposals[0]!.id))!;
    expect(first.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(first.current.pledges.map((p) => p.funderKind)).toContain('community');
  });

  it('evaluates every 2007 proposal still in the running with the Peruvian matrix: three planners, a few not viable, some with changes, a few answers', async () => {
    const process = await db.db.selectFrom('processes').select('id').where('municipality_id', '=', ilo).where('fiscal_year', '=', 2007).executeTakeFirstOrThrow();
    const matrix = await processMatrix(db.db, ilo, process.id);
    expect(matrix.map((c) => c.weight)).toEqual([40, 10, 10, 10, 30]);
    const evaluated = await publishedEvaluations(db.db, ilo, process.id);
    expect(evaluated).toHaveLength(39);
    expect(evaluated.every((e) => e.evaluators.length === 3 && e.evaluators.every((v) => v.scores.length === 5 && v.reasons.length > 10 && v.adjustedCostCents > 0))).toBe(true);
    expect(new Set(evaluated.flatMap((e) => e.evaluators.map((v) => v.evaluatorName)))).toEqual(new Set(['Jorge Flores Ticona', 'Carmen Vizcarra Salas', 'Walter Chambilla Laura']));
    const by = (v: string) => evaluated.filter((e) => e.viability === v).length;
    expect(by('not_viable')).toBe(3);
    expect(by('viable_with_changes')).toBeGreaterThanOrEqual(8);
    expect(by('viable')).toBeGreaterThanOrEqual(15);
    const scores = evaluated.map((e) => e.weightedScore);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...scores)).toBeLessThanOrEqual(100);
    expect(new Set(scores).size).toBeGreaterThan(10);
    expect(await evaluationProgress(db.db, ilo, process.id)).toEqual({ proposals: 39, unassigned: 0, unevaluated: 0, evaluatorsPending: [] });
    const observations = await db.db.selectFrom('evaluation_observations').select('proposal_id').where('process_id', '=', process.id).execute();
    expect(observations.length).toBeGreaterThanOrEqual(2);
  });

  it('holds the 2007 workshops: one per zone and a thematic one, attended, with signed minutes and the votes of each room', async () => {
    const process = await db.db.selectFrom('processes').select('id').where('municipality_id', '=', ilo).where('fiscal_year', '=', 2007).executeTakeFirstOrThrow();
    const workshops = await db.db.selectFrom('workshops').select(['id', 'zone_id', 'axis_id', 'agenda', 'starts_at']).where('municipality_id', '=', ilo).where('process_id', '=', process.id).execute();
    const zones = await db.db.selectFrom('zones').select('id').where('municipality_id', '=', ilo).execute();
    expect(new Set(workshops.flatMap((w) => (w.zone_id ? [w.zone_id] : [])))).toEqual(new Set(zones.map((z) => z.id)));
    expect(workshops.filter((w) => w.zone_id === null && w.axis_id !== null)).toHaveLength(1);
    expect(workshops.every((w) => w.agenda.split('\n').length >= 3 && w.starts_at.startsWith('2006-05'))).toBe(true);
    // Every workshop held has attendance, and minutes signed by attendees only.
    for (const w of workshops) {
      const present = new Set((await db.db.selectFrom('workshop_attendance').select('agent_id').where('session_id', '=', w.id).execute()).map((r) => r.agent_id));
      expect(present.size, w.id).toBeGreaterThan(0);
      const signers = await db.db.selectFrom('workshop_minutes_signers').select('agent_id').where('workshop_id', '=', w.id).execute();
      expect(signers.length).toBeGreaterThan(0);
      expect(signers.every((s) => present.has(s.agent_id))).toBe(true);
      const agreements = await db.db.selectFrom('workshop_agreements').select('text').where('workshop_id', '=', w.id).execute();
      expect(agreements.length).toBeGreaterThan(0);
    }
    expect(await workshopsWithoutMinutes(db.db, ilo, process.id, new Date().toISOString())).toEqual([]);
    // The rooms voted on standing proposals of their process only, and every zone's proposals got votes.
    const votes = await workshopVotesByProposal(db.db, ilo, process.id);
    const { proposals } = await listProposals(db.db, ilo, { processId: process.id });
    const standing = new Set(proposals.filter((p) => p.status === 'submitted').map((p) => p.id));
    expect(votes.size).toBeGreaterThan(30);
    expect([...votes.keys()].every((id) => standing.has(id))).toBe(true);
    expect([...votes.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });

  it('co-finances 2007 projects by signed agreements, one of regional reach, and elects its oversight committee under the quota', async () => {
    const process = await db.db.selectFrom('processes').select('id').where('municipality_id', '=', ilo).where('fiscal_year', '=', 2007).executeTakeFirstOrThrow();
    const c = await coordination(db.db, ilo, process.id);
    const agreed = c.projects.filter((p) => p.agreements.length > 0);
    expect(agreed.map((p) => p.agreements[0]!.partyKind).sort()).toEqual(['national_programme', 'ngo', 'regional_government']);
    const regional = agreed.find((p) => p.reach === 'regional')!;
    expect(regional.agreements[0]!.partyKind).toBe('regional_government');
    // Funded projects balance; the alternate the national programme takes on has no gap left.
    expect(c.projects.filter((p) => p.status === 'funded').every((p) => p.financing.gapCents === 0)).toBe(true);
    expect(agreed.find((p) => p.status === 'alternate')!.financing.gapCents).toBe(0);
    const files = await db.db.selectFrom('files').select(['id', 'content_type']).where('municipality_id', '=', ilo).where('id', 'in', agreed.map((p) => p.agreements[0]!.documentFileId)).execute();
    expect(files.map((f) => f.content_type)).toEqual(['application/pdf', 'application/pdf', 'application/pdf']);
    const k = await committee(db.db, ilo, process.id);
    expect(k.election?.heldOn).toBe('2006-06-28');
    expect(k.members).toHaveLength(6);
    expect(k.members.filter((m) => m.sex === 'female')).toHaveLength(3);
    const oversight = (await quotaStatus(db.db, ilo, process.id)).find((b) => b.kind === 'oversight_committee')!;
    expect(oversight).toMatchObject({ filled: 6, women: 3, status: 'met' });
  });

  it('closes the 2007 vote: paper ballots typed twice at two tables, eight online, blank and spoiled apart, a result the rule recounts', async () => {
    const process = await db.db.selectFrom('processes').select('id').where('municipality_id', '=', ilo).where('fiscal_year', '=', 2007).executeTakeFirstOrThrow();
    const r = (await voteResults(db.db, ilo, process.id))!;
    expect(r.closedAt.startsWith('2006-06-28T23:45')).toBe(true);
    expect(r.turnout.online).toBe(8);
    expect(r.turnout.paper).toBeGreaterThan(100);
    expect(r.turnout.voted).toBeLessThan(r.turnout.eligible);
    expect(r.turnout.blank).toBeGreaterThan(0);
    expect(r.turnout.spoiled).toBeGreaterThan(0);
    expect(r.envelopes.some((e) => e.funded.length > 0)).toBe(true);
    expect(r.envelopes.every((e) => e.spentCents <= e.budgetCents)).toBe(true);
    // What was kept at the close is what the rule gives on the ballots kept.
    const kept = (await closedBallots(db.db, ilo, process.id))!;
    expect(kept.ballots.length).toBe(r.turnout.voted - r.turnout.blank - r.turnout.spoiled);
    expect(computeResult(kept.vote.paper, kept.vote.settings, kept.ballots)).toEqual(kept.vote.result);
    // Every paper ballot was typed by two people; one per table was resolved against the paper.
    const admin = await db.db.selectFrom('users').select('id').where('email', '=', 'admin@ilo.gob.pe').executeTakeFirstOrThrow();
    const actor: Actor = { userId: admin.id, name: 'Rosa Quispe Mamani', email: null, dni: null, roles: [{ municipalityId: ilo, municipalitySlug: 'ilo', municipalityName: 'Ilo', role: 'administrator' }] };
    for (const t of await db.db.selectFrom('polling_tables').select('id').where('municipality_id', '=', ilo).execute()) {
      const table = await tableBallots(db.db, actor, ilo, process.id, t.id);
      expect(table.ballots.filter((b) => b.state === 'resolved')).toHaveLength(1);
      expect(table.ballots.every((b) => b.state === 'counted' || b.state === 'resolved')).toBe(true);
      expect(new Set(table.entries.filter((e) => e.entryNo < 3).map((e) => e.enteredBy)).size).toBe(2);
    }
    // The list the vote adopted carries each project's financing, balanced for the funded ones.
    const list = (await votedList(db.db, ilo, process.id))!;
    const funded = list.envelopes.flatMap((e) => e.funded);
    expect(funded.length).toBeGreaterThan(3);
    expect(funded.every((p) => p.financing.gapCents === 0)).toBe(true);
  });

  it('formalizes 2007 in full: the Acta issued with its hash, the approval chain done, the funded projects tracked through the year', async () => {
    const process = await db.db.selectFrom('processes').select('id').where('municipality_id', '=', ilo).where('fiscal_year', '=', 2007).executeTakeFirstOrThrow();
    const acta = await issuedActa(db.db, ilo, process.id);
    expect(acta.versions).toHaveLength(1);
    expect(acta.versions[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const list = (await formalizedList(db.db, ilo, process.id))!;
    expect(list.formalizedOn).toBe('2006-07-17');
    const funded = list.envelopes.flatMap((e) => e.funded);
    expect(funded.length).toBeGreaterThan(3);
    const tracked = await listTracked(db, ilo, process.id, {}, { page: 1, pageSize: 50 }, null);
    expect(tracked.total).toBe(funded.length);
    const statuses = new Set(tracked.projects.map((p) => p.status));
    expect(statuses.has('completed') && statuses.has('cancelled')).toBe(true);
  });

  it('leaves an intact audit log', async () => {
    expect((await verifyAuditChains(db.db)).breaks).toEqual([]);
  });
});
