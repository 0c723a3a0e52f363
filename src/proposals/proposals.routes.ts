import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import type { Actor } from '../access/actor.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { fileDownloadPath } from '../files/file-types.ts';
import { proposalDeadlineOf, type Process } from '../processes/process.ts';
import { localDate } from '../shared/clock.ts';
import * as service from './proposals.service.ts';
import { checkProposalsOpen, pledgedCents, type Proposal, type ProposalSummary, type ProposalVersion } from './proposals.ts';
import {
  editProposalBody, listProposalsQuery, myProposalsSchema, paperProposalBody, processParams, proposalListSchema, proposalParams,
  proposalSchema, submitProposalBody, withdrawProposalBody,
} from './proposals.schemas.ts';

function presentProcess(p: Process) {
  const proposalDeadline = proposalDeadlineOf(p);
  return {
    process: { id: p.id, fiscalYear: p.fiscalYear, phase: p.phase, envelopeCents: p.envelopeCents },
    proposalDeadline,
    open: checkProposalsOpen(p.phase, proposalDeadline, localDate()) === null,
  };
}

function presentVersion(v: ProposalVersion, slug: string) {
  return {
    version: v.version, title: v.title, description: v.description, zone: v.zone, axis: v.axis, objective: v.objective, problem: v.problem,
    beneficiariesCount: v.beneficiariesCount, beneficiaryGroups: v.beneficiaryGroups, costCents: v.costCents, location: v.location,
    pledges: v.pledges, cofinancingCents: pledgedCents(v.pledges),
    attachments: v.attachments.map((a) => ({ ...a, url: fileDownloadPath(slug, a.id) })),
    createdAt: v.createdAt, createdByName: v.createdByName, reason: v.reason,
  };
}

function presentRecord(p: ProposalSummary | Proposal) {
  return {
    id: p.id, processId: p.processId, number: p.number, status: p.status, source: p.source, author: p.author,
    submittedAt: p.submittedAt, updatedAt: p.updatedAt, currentVersion: p.currentVersion,
  };
}

export function presentSummary(p: ProposalSummary) {
  const c = p.current;
  return {
    ...presentRecord(p), cofinancingCents: p.cofinancingCents,
    current: {
      version: c.version, title: c.title, zone: c.zone, axis: c.axis, objective: c.objective, beneficiariesCount: c.beneficiariesCount,
      costCents: c.costCents, createdAt: c.createdAt, createdByName: c.createdByName, reason: c.reason,
    },
  };
}

async function present(ctx: AppContext, p: Proposal, slug: string, municipalityId: string, actor: Actor | null) {
  const process = await service.processOfProposal(ctx.db, municipalityId, p.processId);
  const deadline = proposalDeadlineOf(process);
  const editable = actor !== null && await service.mayEditNow(ctx.db, actor, municipalityId, process, p);
  return {
    ...presentRecord(p), current: presentVersion(p.current, slug), versions: p.versions.map((v) => presentVersion(v, slug)),
    proposalDeadline: deadline, editable,
  };
}

const writeErrors = { ...commonErrors, 409: errorResponse } as const;

export function proposalsRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/proposals';

    r.get(base, {
      config: { policy: 'public' },
      schema: {
        tags: ['proposals'], summary: 'Proposals of a process, by number, filtered by zone, axis, objective or status and searched by words or number',
        params: processParams, querystring: listProposalsQuery, response: { 200: proposalListSchema, ...commonErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const { limit, offset, lang: _lang, ...filter } = request.query;
      const { process, total, proposals } = await service.searchProposals(ctx.db, m.id, request.params.processId, filter, { limit, offset });
      return { ...presentProcess(process), total, proposals: proposals.map(presentSummary) };
    });

    r.post(base, {
      config: { policy: 'signed-in' },
      schema: {
        tags: ['proposals'], summary: 'Propose a project (an approved agent, or the delegate of an approved organization for it); public at once',
        params: processParams, body: submitProposalBody, response: { 201: proposalSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const actor = actorOf(request);
      const p = await service.submitProposal(ctx.db, actor, m.id, request.params.processId, request.body);
      return reply.code(201).send(await present(ctx, p, m.slug, m.id, actor));
    });

    r.post(`${base}/paper`, {
      config: { policy: { action: 'proposal.register_paper' } },
      schema: {
        tags: ['proposals'], summary: 'Register a proposal brought on paper, on behalf of an approved agent or organization (staff)',
        params: processParams, body: paperProposalBody, response: { 201: proposalSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const actor = actorOf(request);
      const p = await service.registerPaperProposal(ctx.db, actor, m.id, request.params.processId, request.body);
      return reply.code(201).send(await present(ctx, p, m.slug, m.id, actor));
    });

    r.get(`${base}/:proposalId`, {
      config: { policy: 'public' },
      schema: { tags: ['proposals'], summary: 'One proposal with its current version, every earlier version and its pledges', params: proposalParams, response: { 200: proposalSchema, 404: errorResponse } },
    }, async (request) => {
      const m = municipalityOf(request);
      const p = await service.getProposal(ctx.db, m.id, request.params.processId, request.params.proposalId);
      return present(ctx, p, m.slug, m.id, request.actor ?? null);
    });

    r.put(`${base}/:proposalId`, {
      config: { policy: 'signed-in' },
      schema: {
        tags: ['proposals'], summary: 'Edit a proposal (its authors, until the proposal deadline): a new version, the earlier ones kept',
        params: proposalParams, body: editProposalBody, response: { 200: proposalSchema, ...writeErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const actor = actorOf(request);
      const p = await service.editProposal(ctx.db, actor, m.id, request.params.processId, request.params.proposalId, request.body);
      return present(ctx, p, m.slug, m.id, actor);
    });

    r.post(`${base}/:proposalId/withdraw`, {
      config: { policy: 'signed-in' },
      schema: {
        tags: ['proposals'], summary: 'Withdraw a proposal (its authors, until the deadline); it stays public, marked withdrawn',
        params: proposalParams, body: withdrawProposalBody, response: { 200: proposalSchema, ...writeErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const actor = actorOf(request);
      const p = await service.withdrawProposal(ctx.db, actor, m.id, request.params.processId, request.params.proposalId, request.body.reason);
      return present(ctx, p, m.slug, m.id, actor);
    });

    r.get('/api/municipalities/:slug/processes/:processId/my-proposals', {
      config: { policy: 'signed-in' },
      schema: { tags: ['proposals'], summary: 'Whether you may propose in this process, and your (or your organization\'s) proposals', params: processParams, response: { 200: myProposalsSchema, ...commonErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const { process, agent, organization, proposals } = await service.myProposals(ctx.db, actorOf(request), m.id, request.params.processId);
      return { ...presentProcess(process), agent, organization, proposals: proposals.map(presentSummary) };
    });
  };
}
