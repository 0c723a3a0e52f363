import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formatExplanation } from '@concerta/pb-rules';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { processOf } from '../processes/process.queries.ts';
import { AppError } from '../shared/errors.ts';
import { now } from '../shared/clock.ts';
import * as service from './voting.service.ts';
import { findVote, type Vote } from './voting.repository.ts';
import { tallyOf } from './voting.ts';
import { pabulibExport, tallySheetPdf } from './voting.documents.ts';
import {
  ballotLogExportSchema, castBallotBody, castHeaders, changeBallotBody, myBallotQuery, myBallotSchema, changedSchema, closeVoteBody, createTableBody, markedSchema, markVoterBody, myVoteSchema, openVoteBody,
  paperEntryBody, paperResolveBody, poolParams, processParams, receiptCheckSchema, receiptQuery, receiptSchema, resultsSchema, tableDetailSchema,
  tableParams, voteSchema,
} from './voting.schemas.ts';

const writeErrors = { ...commonErrors, 409: errorResponse } as const;
const manage = { policy: { action: 'vote.manage' as const } };
const atTable = { policy: { action: 'vote.polling_table' as const } };

function takingBallots(v: Vote): boolean {
  return v.status === 'open' && now() < v.closesAt;
}

/** The vote as everyone sees it: settings, ballot paper, turnout. Never a result: those are at /results, after the close. */
function presentVote(v: Vote | null) {
  if (!v) return null;
  return {
    id: v.id, status: v.status, closesAt: v.closesAt, allowChanges: v.allowChanges, openedAt: v.openedAt, closedAt: v.closedAt,
    takingBallots: takingBallots(v), settings: v.settings, envelopes: v.paper,
  };
}

export function votingRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/vote';

    async function votePage(municipalityId: string, processId: string) {
      const vote = await findVote(ctx.db.db, municipalityId, processId);
      const [turnout, tables] = await Promise.all([service.turnout(ctx.db.db, municipalityId, processId, vote), service.pollingTables(ctx.db.db, municipalityId, processId)]);
      return { vote, turnout, tables };
    }

    r.get(base, {
      config: { policy: 'public' },
      schema: { tags: ['voting'], summary: 'The vote of a process: its settings, ballot paper, polling tables and live turnout (no results before the close)', params: processParams, response: { 200: voteSchema, 404: errorResponse } },
    }, async (request) => {
      const m = municipalityOf(request);
      const p = processOf(request);
      const { vote, turnout, tables } = await votePage(m.id, p.id);
      return { process: { id: p.id, fiscalYear: p.fiscalYear, phase: p.phase, name: p.name }, vote: presentVote(vote), turnout, tables };
    });

    r.post(`${base}/open`, {
      config: manage,
      schema: { tags: ['voting'], summary: 'Open the vote during Formalization, with its closing time (administrator); its settings freeze', params: processParams, body: openVoteBody, response: { 201: voteSchema.shape.vote, ...writeErrors } },
    }, async (request, reply) => {
      const v = await service.openVote(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body);
      return reply.code(201).send(presentVote(v));
    });

    r.post(`${base}/close`, {
      config: manage,
      schema: { tags: ['voting'], summary: 'Close the vote at or after its closing time and count it (administrator)', params: processParams, body: closeVoteBody, response: { 200: voteSchema.shape.vote, ...writeErrors } },
    }, async (request) => presentVote(await service.closeVote(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body.reason)));

    r.get(`${base}/me`, {
      config: { policy: 'signed-in' },
      schema: { tags: ['voting'], summary: 'Whether you may vote in this process and why not, whether you voted, and your ballot paper', params: processParams, response: { 200: myVoteSchema, ...commonErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const { vote, eligibility, voted, pools } = await service.myVote(ctx.db.db, actorOf(request), m.id, request.params.processId);
      return {
        voteStatus: vote ? vote.status : 'not_opened' as const, takingBallots: vote ? takingBallots(vote) : false, closesAt: vote?.closesAt ?? null,
        allowChanges: vote?.allowChanges ?? false, eligible: eligibility.eligible, reason: eligibility.reason, trainingRequired: eligibility.trainingRequired,
        sessionsAttended: eligibility.attended, sessionsRequired: eligibility.required, agentName: eligibility.agent?.fullName ?? null,
        voted: voted ? { channel: voted.channel, votedAt: voted.votedAt } : null,
        ballotKind: vote?.settings.ballotKind ?? null, maxChoices: vote?.settings.maxChoices ?? null, envelopes: pools,
      };
    });

    r.post(`${base}/ballot`, {
      config: { policy: 'signed-in' },
      schema: {
        tags: ['voting'], summary: 'Cast your one ballot online (an eligible agent); answers the receipt code. With an Idempotency-Key, a retry answers the same receipt',
        params: processParams, headers: castHeaders, body: castBallotBody, response: { 201: receiptSchema, ...writeErrors, 422: errorResponse },
      },
    }, async (request, reply) => {
      const out = await service.castOnline(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body.parts, request.headers['idempotency-key']);
      return reply.code(201).send(out);
    });

    r.get(`${base}/ballot`, {
      config: { policy: 'signed-in' },
      schema: { tags: ['voting'], summary: 'Your own online ballot, with its receipt code (only the voter who cast it)', params: processParams, querystring: myBallotQuery, response: { 200: myBallotSchema, ...commonErrors } },
    }, async (request) => service.myBallot(ctx.db.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.query.receipt));

    r.put(`${base}/ballot`, {
      config: { policy: 'signed-in' },
      schema: { tags: ['voting'], summary: 'Replace your online ballot with its receipt code, until the close, where the vote allows it', params: processParams, body: changeBallotBody, response: { 200: changedSchema, ...writeErrors } },
    }, async (request) => service.changeOnline(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body.receipt, request.body.parts));

    r.get(`${base}/receipt`, {
      config: { policy: 'public' },
      schema: { tags: ['voting'], summary: 'Whether the online ballot of a receipt code was recorded and counted (never its content)', params: processParams, querystring: receiptQuery, response: { 200: receiptCheckSchema, ...commonErrors } },
    }, async (request) => {
      const { castAt, changes, counted } = await service.checkReceipt(ctx.db.db, municipalityOf(request).id, request.params.processId, request.query.code);
      return { castAt, changes, counted };
    });

    r.get(`${base}/ballot-log`, {
      config: { policy: 'public' },
      schema: {
        tags: ['voting'], summary: 'The anonymous ballots of a closed vote with their hash chain, head, result and anchor, to check with `concerta verify-vote`; refused before the close',
        params: processParams, response: { 200: ballotLogExportSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const p = processOf(request);
      const out = await service.ballotLogExport(ctx.db.db, m, p);
      return reply.header('content-disposition', `inline; filename="${m.slug}_${p.fiscalYear}_ballot-log.json"`).send(out);
    });

    r.post(`${base}/tables`, {
      config: manage,
      schema: { tags: ['voting'], summary: 'Set up a polling table with its place and facilitators (administrator)', params: processParams, body: createTableBody, response: { 201: voteSchema.shape.tables.element, ...writeErrors } },
    }, async (request, reply) => reply.code(201).send(await service.createPollingTable(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body)));

    async function tableDetail(municipalityId: string, processId: string, tableId: string, actorId: string, request: Parameters<typeof actorOf>[0]) {
      const d = await service.tableBallots(ctx.db.db, actorOf(request), municipalityId, processId, tableId);
      const counted = d.ballots.filter((b) => b.content !== null);
      const closed = d.vote.status === 'closed';
      return {
        table: d.table, voteStatus: d.vote.status, envelopes: d.vote.paper, ballotKind: d.vote.settings.ballotKind, voters: d.voters,
        figures: {
          typed: d.ballots.length, counted: counted.length, valid: counted.filter((b) => b.content!.kind === 'valid').length,
          blank: counted.filter((b) => b.content!.kind === 'blank').length, spoiled: counted.filter((b) => b.content!.kind === 'spoiled').length,
          mismatches: d.ballots.filter((b) => b.state === 'mismatch').length, awaitingSecond: d.ballots.filter((b) => b.state === 'awaiting_second').length,
        },
        ballots: d.ballots.map((b) => ({
          serial: b.serial, state: b.state, content: b.content,
          entries: d.entries.filter((e) => e.serial === b.serial).map((e) => ({
            entryNo: e.entryNo, content: e.content, enteredByName: e.enteredByName, enteredAt: e.enteredAt, reason: e.reason, mine: e.enteredBy === actorId,
          })),
        })),
        tally: closed ? tallyOf(d.vote.paper, d.vote.settings, counted.flatMap((b) => (b.content!.kind === 'valid' ? [b.content!.parts] : []))) : null,
      };
    }

    r.get(`${base}/tables/:tableId`, {
      config: atTable,
      schema: { tags: ['voting'], summary: "A polling table's ballots as typed, its mismatches and its tally sheet (its facilitators, administrators)", params: tableParams, response: { 200: tableDetailSchema, ...commonErrors } },
    }, async (request) => tableDetail(municipalityOf(request).id, request.params.processId, request.params.tableId, actorOf(request).userId, request));

    r.get(`${base}/tables/:tableId/sheet.pdf`, {
      config: atTable,
      schema: { tags: ['voting'], summary: "A polling table's tally sheet (acta de escrutinio) as PDF", params: tableParams, response: { ...commonErrors } },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const p = processOf(request);
      const d = await tableDetail(m.id, p.id, request.params.tableId, actorOf(request).userId, request);
      const pdf = await tallySheetPdf({ municipalityName: m.name, fiscalYear: p.fiscalYear, ...d, at: new Date() });
      return (reply as FastifyReply).header('content-type', 'application/pdf')
        .header('content-disposition', 'inline; filename="acta-de-escrutinio.pdf"').send(Buffer.from(pdf));
    });

    r.post(`${base}/tables/:tableId/voters`, {
      config: atTable,
      schema: { tags: ['voting'], summary: 'Mark an agent (by DNI) as having voted on paper at this table (its facilitators)', params: tableParams, body: markVoterBody, response: { 201: markedSchema, ...writeErrors } },
    }, async (request, reply) => reply.code(201).send(await service.markPaperVoter(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.tableId, request.body.dni)));

    r.post(`${base}/tables/:tableId/entries`, {
      config: atTable,
      schema: { tags: ['voting'], summary: 'Type a paper ballot by its serial number: the first entry, or the second by another facilitator', params: tableParams, body: paperEntryBody, response: { 201: tableDetailSchema.shape.ballots.element.omit({ entries: true }), ...writeErrors } },
    }, async (request, reply) => reply.code(201).send(await service.enterPaperBallot(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.tableId, request.body)));

    r.post(`${base}/tables/:tableId/resolve`, {
      config: atTable,
      schema: { tags: ['voting'], summary: 'Resolve a mismatch against the paper: a third entry, with the reason', params: tableParams, body: paperResolveBody, response: { 201: tableDetailSchema.shape.ballots.element.omit({ entries: true }), ...writeErrors } },
    }, async (request, reply) => reply.code(201).send(await service.resolvePaperBallot(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.tableId, request.body)));

    r.get(`${base}/results`, {
      config: { policy: 'public' },
      schema: { tags: ['voting'], summary: 'The results of a closed vote per envelope, with the rules library\'s explanation; refused before the close', params: processParams, response: { 200: resultsSchema, ...writeErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const vote = await findVote(ctx.db.db, m.id, request.params.processId);
      if (!vote) throw new AppError('VOTE_NOT_OPENED', {});
      if (vote.status !== 'closed' || !vote.result) throw new AppError('RESULTS_NOT_YET', { closesAt: vote.closesAt });
      const t = await service.turnout(ctx.db.db, m.id, vote.processId, vote);
      const paper = await service.paperFigures(ctx.db.db, m.id, vote);
      return {
        closedAt: vote.closedAt!, ballotKind: vote.result.ballotKind, outcomeRule: vote.result.rule,
        turnout: { eligible: t.eligible, voted: t.voted, online: t.online, paper: t.paper, blank: paper.blank, spoiled: paper.spoiled },
        envelopes: vote.result.pools.map((pool) => ({
          key: pool.key, zoneName: pool.zoneName, budgetCents: pool.budgetCents, spentCents: pool.spentCents, ballots: pool.ballots,
          pabulibUrl: `/api/municipalities/${m.slug}/processes/${vote.processId}/vote/results/${pool.key}.pb`,
          projects: pool.projects.map((p) => ({
            projectId: p.projectId, proposalId: p.proposalId, number: p.number, title: p.title, zoneName: p.zoneName, costCents: p.costCents,
            votes: p.votes, points: p.points, funded: p.funded, fundedOrder: p.fundedOrder, explanation: p.reasons.map((x) => formatExplanation(x, request.lang)),
          })),
        })),
      };
    });

    r.get(`${base}/results/:pool`, {
      config: { policy: 'public' },
      schema: { tags: ['voting'], summary: "One envelope's anonymous ballots in Pabulib format (`<envelope>.pb`), after the close", params: poolParams, response: { ...writeErrors } },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const p = processOf(request);
      const file = await pabulibExport(ctx.db.db, m, p, request.params.pool.replace(/\.pb$/, ''));
      return (reply as FastifyReply).header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.name}"`).send(file.text);
    });
  };
}
