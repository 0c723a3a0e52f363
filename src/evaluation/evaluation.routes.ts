import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import type { Process } from '../processes/process.ts';
import { pledgedCents, type Proposal, type ProposalSummary } from '../proposals/proposals.ts';
import * as service from './evaluation.service.ts';
import { checkEvaluationOpen } from './evaluation.ts';
import {
  assignBody, assignedSchema, assignmentBoardSchema, matrixSchema, myAssignmentsSchema, myEvaluationSchema, observeBody, processParams,
  proposalEvaluationSchema, proposalParams, savedEvaluationSchema, saveEvaluationBody, setMatrixBody, unassignBody,
} from './evaluation.schemas.ts';

function presentProcess(p: Process) {
  return { id: p.id, fiscalYear: p.fiscalYear, phase: p.phase };
}

function presentProposal(p: ProposalSummary | Proposal) {
  return { id: p.id, number: p.number, version: p.current.version, title: p.current.title, zone: p.current.zone, costCents: p.current.costCents, author: p.author };
}

function presentDetail(p: Proposal) {
  const c = p.current;
  return {
    ...presentProposal(p), description: c.description, problem: c.problem, location: c.location, beneficiariesCount: c.beneficiariesCount,
    beneficiaryGroups: c.beneficiaryGroups, cofinancingCents: pledgedCents(c.pledges),
  };
}

const writeErrors = { ...commonErrors, 409: errorResponse } as const;

export function evaluationRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/evaluation';
    const ofProposal = '/api/municipalities/:slug/processes/:processId/proposals/:proposalId/evaluation';

    r.get(`${base}/matrix`, {
      config: { policy: 'public' },
      schema: { tags: ['evaluation'], summary: 'The process\'s prioritization matrix, whether it is frozen, and the Peruvian template', params: processParams, response: { 200: matrixSchema, 404: errorResponse } },
    }, async (request) => {
      const m = municipalityOf(request);
      const { process, ...matrix } = await service.getMatrix(ctx.db, m.id, request.params.processId);
      return { process: presentProcess(process), ...matrix };
    });

    r.put(`${base}/matrix`, {
      config: { policy: { action: 'evaluation.manage' } },
      schema: {
        tags: ['evaluation'], summary: 'Set the prioritization matrix (weights summing to 100, a scale and its meanings per criterion) until the first assignment',
        params: processParams, body: setMatrixBody, response: { 200: matrixSchema, ...writeErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      await service.setMatrix(ctx.db, actorOf(request), m.id, request.params.processId, request.body);
      const { process, ...matrix } = await service.getMatrix(ctx.db, m.id, request.params.processId);
      return { process: presentProcess(process), ...matrix };
    });

    r.get(`${base}/assignments`, {
      config: { policy: { action: 'evaluation.manage' } },
      schema: {
        tags: ['evaluation'], summary: 'Proposals and the technical team: who evaluates what, who may not and why, and the progress',
        params: processParams, response: { 200: assignmentBoardSchema, ...commonErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const board = await service.assignmentBoard(ctx.db, m.id, request.params.processId);
      return { ...board, process: presentProcess(board.process), proposals: board.proposals.map((p) => ({ ...p, proposal: presentProposal(p.proposal) })) };
    });

    r.post(`${base}/assignments`, {
      config: { policy: { action: 'evaluation.manage' } },
      schema: {
        tags: ['evaluation'], summary: 'Assign proposals to members of the technical team (all the pairs or none), with a reason',
        params: processParams, body: assignBody, response: { 201: assignedSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const assigned = await service.assign(ctx.db, actorOf(request), m.id, request.params.processId, request.body);
      return reply.code(201).send({ assigned });
    });

    r.post(`${base}/assignments/remove`, {
      config: { policy: { action: 'evaluation.manage' } },
      schema: {
        tags: ['evaluation'], summary: 'Take back an assignment its evaluator has not started, with a reason',
        params: processParams, body: unassignBody, response: { 204: z.null(), ...writeErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      await service.unassign(ctx.db, actorOf(request), m.id, request.params.processId, request.body);
      return reply.code(204).send(null);
    });

    r.get(`${base}/mine`, {
      config: { policy: { action: 'evaluation.score' } },
      schema: { tags: ['evaluation'], summary: 'The proposals assigned to you for evaluation, and where each stands', params: processParams, response: { 200: myAssignmentsSchema, ...commonErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const { process, assignments } = await service.myAssignments(ctx.db, actorOf(request), m.id, request.params.processId);
      return { process: presentProcess(process), open: checkEvaluationOpen(process.phase) === null, assignments: assignments.map((a) => ({ ...a, proposal: presentProposal(a.proposal) })) };
    });

    r.get(`${ofProposal}/mine`, {
      config: { policy: { action: 'evaluation.score' } },
      schema: { tags: ['evaluation'], summary: 'Your evaluation of a proposal assigned to you, with the proposal and the matrix', params: proposalParams, response: { 200: myEvaluationSchema, ...commonErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const e = await service.myEvaluation(ctx.db, actorOf(request), m.id, request.params.processId, request.params.proposalId);
      return { ...e, process: presentProcess(e.process), proposal: presentDetail(e.proposal) };
    });

    r.put(`${ofProposal}/mine`, {
      config: { policy: { action: 'evaluation.score' } },
      schema: {
        tags: ['evaluation'], summary: 'Save your evaluation as a draft, or finish it (final); the last evaluator to finish publishes the proposal\'s evaluation',
        params: proposalParams, body: saveEvaluationBody, response: { 200: savedEvaluationSchema, ...writeErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const { published } = await service.saveMyEvaluation(ctx.db, actorOf(request), m.id, request.params.processId, request.params.proposalId, request.body);
      return { status: request.body.finish ? 'finished' as const : 'draft' as const, published };
    });

    r.get(ofProposal, {
      config: { policy: 'public' },
      schema: { tags: ['evaluation'], summary: 'A proposal\'s published technical evaluation with every evaluator\'s scores, and its authors\' answer', params: proposalParams, response: { 200: proposalEvaluationSchema, 404: errorResponse } },
    }, async (request) => {
      const m = municipalityOf(request);
      const e = await service.proposalEvaluation(ctx.db, request.actor ?? null, m.id, request.params.processId, request.params.proposalId);
      return { published: e.evaluation !== null, progress: e.progress, matrix: e.matrix, evaluation: e.evaluation, observation: e.observation, mayObserve: e.mayObserve };
    });

    r.post(`${ofProposal}/observation`, {
      config: { policy: 'signed-in' },
      schema: {
        tags: ['evaluation'], summary: 'Its authors answer a proposal\'s published evaluation, once, during Concertation',
        params: proposalParams, body: observeBody, response: { 201: proposalEvaluationSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const actor = actorOf(request);
      await service.observe(ctx.db, actor, m.id, request.params.processId, request.params.proposalId, request.body.text);
      const e = await service.proposalEvaluation(ctx.db, actor, m.id, request.params.processId, request.params.proposalId);
      return reply.code(201).send({ published: e.evaluation !== null, progress: e.progress, matrix: e.matrix, evaluation: e.evaluation, observation: e.observation, mayObserve: e.mayObserve });
    });
  };
}
