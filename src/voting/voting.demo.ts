import { createHash } from 'node:crypto';
import type { AreaDemo } from '../kernel/area.ts';
import { appendAudit, canonicalJson } from '../audit/audit-log.ts';
import { prng } from '../demo/people.ts';
import { requireProcess } from '../processes/process.queries.ts';
import { DEMO_PROPOSALS } from '../proposals/proposals.demo.ts';
import { eligibleVoters } from '../training/training.queries.ts';
import { newId } from '../shared/clock.ts';
import * as repo from './voting.repository.ts';
import { ballotPaper, newReceipt, receiptHash, writeBallotLog } from './voting.service.ts';
import { resultDigest, voterTag } from './ballot-log.ts';
import { paperBallots as countedPaperBallots } from './paper.ts';
import { computeResult, poolsOffered, votingSettingsOf, type BallotPart, type PaperContent, type PaperPool } from './voting.ts';

const TABLES = [
  { name: 'Mesa 1', place: 'Auditorio de la Municipalidad Provincial de Ilo' },
  { name: 'Mesa 2', place: 'Colegio Almirante Guise, Alto Ilo' },
];

/**
 * The 2007 process's vote (full demo), in the formalization session of 28 June 2006: the ballot paper of its provisional
 * list, two polling tables where the facilitator and the administrator typed every paper ballot twice (one mismatch per
 * table resolved against the paper, a few blank and spoiled ballots), eight agents who voted online from their accounts,
 * and the close, counted by the same rule as the live vote. About one trained agent in eight did not come.
 */
export const VOTING_DEMO: AreaDemo = {
  municipality: async (ctx) => {
    if (!ctx.full) return;
    const { processId, fiscalYear } = ctx.state.get(DEMO_PROPOSALS);
    const m = ctx.municipalityId;
    const paper = await ballotPaper(ctx.trx, m, processId);
    if (paper.length === 0) return;
    const process = await requireProcess(ctx.trx, m, processId);
    const settings = votingSettingsOf(process.rules);
    const day = `${fiscalYear - 1}-06-28`;
    const at = (hour: number, minute = 0) => `${day}T${String(hour + 5).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
    const adminId = ctx.accounts.get('administrator')!.id;
    const facilitatorId = ctx.accounts.get('facilitator')!.id;
    const audit = (actorId: string, action: string, entityType: string, entityId: string, reason: string | null, data: Record<string, unknown>) =>
      appendAudit(ctx.trx, ctx.handle.dialect, { scope: m, actorId, action, entityType, entityId, reason, data });

    const voteId = newId();
    const closesAt = at(17);
    await repo.insertVote(ctx.trx, m, { id: voteId, processId, closesAt, allowChanges: false, settings, paper, openedAt: at(8), openedBy: adminId });
    await audit(adminId, 'vote.open', 'vote', voteId, 'taller de formalización del presupuesto participativo 2007', {
      processId, closesAt, allowChanges: false, settings, envelopes: paper.map((p) => ({ key: p.key, budgetCents: p.budgetCents, projects: p.projects.map((x) => x.number) })),
    });
    const tableIds: string[] = [];
    for (const t of TABLES) {
      const id = newId();
      tableIds.push(id);
      await repo.insertPollingTable(ctx.trx, m, { id, voteId, name: t.name, place: t.place, facilitatorIds: [facilitatorId, adminId], at: at(7, 30), by: adminId });
      await audit(adminId, 'vote.table_create', 'polling_table', id, null, { processId, voteId, name: t.name, place: t.place, facilitatorUserIds: [facilitatorId, adminId] });
    }

    // Each envelope has its favourites: a fixed popularity per project, three times as high for one the envelope can pay (the
    // workshops told the agents which), and each voter's choice drawn by it.
    const rand = prng(2006);
    const weights = new Map(paper.flatMap((pool) => pool.projects.map((p) => [`${pool.key}/${p.projectId}`, (1 + 6 * rand() ** 2) * (p.costCents <= pool.budgetCents ? 3 : 1)] as const)));
    const choose = (pool: PaperPool): string => {
      const total = pool.projects.reduce((s, p) => s + weights.get(`${pool.key}/${p.projectId}`)!, 0);
      let r = rand() * total;
      for (const p of pool.projects) if ((r -= weights.get(`${pool.key}/${p.projectId}`)!) <= 0) return p.projectId;
      return pool.projects.at(-1)!.projectId;
    };
    const ballotOf = (zoneId: string): BallotPart[] => poolsOffered(paper, zoneId).map((pool) => ({ pool: pool.key, projects: [choose(pool)] }))
      .sort((a, b) => (a.pool < b.pool ? -1 : a.pool > b.pool ? 1 : 0));

    const voters = (await eligibleVoters(ctx.trx, m, processId)).filter((v, i) => v.userId !== null || i % 8 !== 5);
    const ballots: BallotPart[][] = [];
    const paperBallots: { tableId: string; serial: string; content: PaperContent }[] = [];
    for (const [i, v] of voters.entries()) {
      const parts = ballotOf(v.zoneId);
      if (parts.length === 0) continue;
      const votedAt = at(8 + Math.floor((i * 8) / voters.length), (i * 37) % 60);
      if (v.userId !== null) {
        await repo.insertVoter(ctx.trx, m, { processId, agentId: v.agentId, voteId, channel: 'online', tableId: null, at: votedAt, by: v.userId });
        const receipt = newReceipt();
        await repo.insertOnlineBallot(ctx.trx, m, { id: newId(), voteId, receiptHash: receiptHash(receipt), voterTag: voterTag(v.agentId, receipt), parts, at: votedAt });
        await audit(v.userId, 'vote.cast_online', 'vote', voteId, null, { processId, agentId: v.agentId, channel: 'online' });
        ballots.push(parts);
        continue;
      }
      const tableId = tableIds[i % tableIds.length]!;
      await repo.insertVoter(ctx.trx, m, { processId, agentId: v.agentId, voteId, channel: 'paper', tableId, at: votedAt, by: facilitatorId });
      await audit(facilitatorId, 'vote.mark_paper', 'polling_table', tableId, null, { processId, agentId: v.agentId, channel: 'paper' });
      const serial = String(paperBallots.filter((b) => b.tableId === tableId).length + 1).padStart(4, '0');
      // A few left the paper blank, a few spoiled it (two marks in one envelope).
      const content: PaperContent = i % 41 === 7 ? { kind: 'blank' } : i % 53 === 11 ? { kind: 'spoiled' } : { kind: 'valid', parts };
      paperBallots.push({ tableId, serial, content });
      if (content.kind === 'valid') ballots.push(content.parts);
    }

    // After the polls close, each table types its ballots twice: the facilitator first, the administrator second; at
    // each table the tenth ballot's second entry slipped a line and the facilitator resolved it against the paper.
    for (const [k, b] of paperBallots.entries()) {
      const enteredAt = at(17, 10 + Math.floor(k / 10) % 50);
      const entry = async (entryNo: 1 | 2 | 3, by: string, content: PaperContent, reason: string | null) => {
        await repo.insertPaperEntry(ctx.trx, m, { id: newId(), tableId: b.tableId, serial: b.serial, entryNo, content, enteredBy: by, enteredAt, reason });
        await audit(by, entryNo === 3 ? 'vote.paper_resolve' : 'vote.paper_entry', 'polling_table', b.tableId, reason, {
          processId, serial: b.serial, entryNo, digest: createHash('sha256').update(canonicalJson(content)).digest('hex'),
        });
      };
      await entry(1, facilitatorId, b.content, null);
      const slipped = b.serial === '0010' && b.content.kind === 'valid' ? slip(b.content.parts, paper) : null;
      await entry(2, adminId, slipped ?? b.content, null);
      if (slipped) await entry(3, facilitatorId, b.content, 'revisada la cédula en papel: la segunda digitación marcó el proyecto de la línea siguiente');
    }

    const result = computeResult(paper, settings, ballots);
    const closedAt = at(18, 45);
    // The ballot log, as the close writes it: every counted ballot and the online receipts, its head in the close's audit entry.
    const tables = await repo.listPollingTables(ctx.trx, m, voteId);
    const log = await writeBallotLog(ctx.trx, m, voteId, countedPaperBallots(await repo.paperEntries(ctx.trx, m, tables.map((t) => t.id))));
    await repo.closeVote(ctx.trx, m, voteId, closedAt, adminId, result, log.head);
    const online = voters.filter((v) => v.userId !== null).length;
    await audit(adminId, 'vote.close', 'vote', voteId, 'escrutinio concluido en las dos mesas; resultados leídos en el taller', {
      processId, turnout: { eligible: (await eligibleVoters(ctx.trx, m, processId)).length, online, paper: paperBallots.length }, ballots: ballots.length,
      resultDigest: resultDigest(result), ballotLog: log.summary,
      funded: result.pools.map((p) => ({ envelope: p.key, projects: p.projects.filter((x) => x.funded).map((x) => x.number) })),
    });
  },
};

/** A second entry that marked the next project on the paper instead of the one chosen, in the ballot's first envelope. */
function slip(parts: readonly BallotPart[], paper: readonly PaperPool[]): PaperContent | null {
  const [first, ...rest] = parts;
  const pool = paper.find((p) => p.key === first?.pool);
  if (!first || !pool || pool.projects.length < 2) return null;
  const at = pool.projects.findIndex((p) => p.projectId === first.projects[0]);
  const next = pool.projects[(at + 1) % pool.projects.length]!.projectId;
  return { kind: 'valid', parts: [{ pool: first.pool, projects: [next] }, ...rest] };
}
