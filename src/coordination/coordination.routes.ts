import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { processOf } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { REACH_THRESHOLDS } from './coordination.ts';
import * as service from './coordination.service.ts';
import { agreementBody, agreementParams, coordinationSchema, langQuery, processParams, projectParams, reachBody, withdrawalBody } from './coordination.schemas.ts';

function present(process: Process, c: service.Coordination) {
  return {
    process: { id: process.id, fiscalYear: process.fiscalYear, phase: process.phase },
    thresholds: { ...REACH_THRESHOLDS },
    list: c.list,
    projects: c.projects.map((p) => ({
      ...p,
      agreements: p.agreements.map(({ processId: _p, proposalId: _q, createdBy: _c, withdrawal, ...a }) => ({
        ...a, withdrawal: withdrawal ? { at: withdrawal.at, byName: withdrawal.byName, reason: withdrawal.reason } : null,
      })),
    })),
  };
}

const writeErrors = { ...commonErrors, 409: errorResponse };

/** Coordination: the public financing of the projects, and the administrators' agreements and reach. */
export function coordinationRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/coordination';
    const tags = ['coordination'];

    r.get(base, {
      config: { policy: 'public' },
      schema: {
        tags, summary: 'The projects of Coordination (funded and alternates of the provisional list): agreements, reach and financing table with its gap',
        params: processParams, querystring: langQuery, response: { 200: coordinationSchema, 404: errorResponse },
      },
    }, async (request) => present(processOf(request), await service.coordination(ctx.db.db, municipalityOf(request).id, request.params.processId)));

    r.post(`${base}/projects/:proposalId/agreements`, {
      config: { policy: { action: 'coordination.manage' } },
      schema: {
        tags, summary: 'Record a signed agreement co-financing a project (administrators, in Coordination)',
        params: projectParams, body: agreementBody, response: { 201: coordinationSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const c = await service.addAgreement(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.proposalId, request.body);
      return reply.code(201).send(present(processOf(request), c));
    });

    r.post(`${base}/agreements/:agreementId/withdrawal`, {
      config: { policy: { action: 'coordination.manage' } },
      schema: {
        tags, summary: 'Withdraw an agreement, with the reason; it stays on record (administrators, in Coordination)',
        params: agreementParams, body: withdrawalBody, response: { 200: coordinationSchema, ...writeErrors },
      },
    }, async (request) => present(processOf(request),
      await service.withdrawAgreement(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.agreementId, request.body.reason)));

    r.put(`${base}/projects/:proposalId/reach`, {
      config: { policy: { action: 'coordination.manage' } },
      schema: {
        tags, summary: "Set a project's reach (district, provincial or regional), with the reason (administrators, in Coordination)",
        params: projectParams, body: reachBody, response: { 200: coordinationSchema, ...writeErrors },
      },
    }, async (request) => present(processOf(request),
      await service.setReach(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.proposalId, request.body)));
  };
}
