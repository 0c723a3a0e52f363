import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse, slugParams } from '../http/schemas.ts';
import { preconditionText, preconditionTexts } from '../shared/errors.ts';
import { listProcessSummaries } from './process-summary.queries.ts';
import { listPhaseMoves } from './process.repository.ts';
import { PHASES } from '@concerta/contracts';
import * as service from './process.service.ts';
import {
  copyProcessBody, createProcessBody, movePhaseBody, phaseCheckSchema, phaseMoveSchema, processParams, processSchema, updateProcessBody,
} from './process.schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';

const manage = { policy: { action: 'process.manage' as const } };
const writeErrors = { ...commonErrors, 409: errorResponse };

export function processRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes';

    r.get(base, {
      config: { policy: 'public' },
      schema: {
        tags: ['processes'], summary: "The municipality's yearly processes, newest first", params: slugParams,
        response: { 200: z.object({ processes: z.array(z.object({ id: z.string(), name: z.string(), fiscalYear: z.number(), phase: z.enum(PHASES) })) }), 404: errorResponse },
      },
    }, async (request) => ({ processes: await listProcessSummaries(ctx.db.db, municipalityOf(request).id) }));

    r.post(base, {
      config: manage,
      schema: { tags: ['processes'], summary: 'Open the yearly process (administrator)', params: slugParams, body: createProcessBody, response: { 201: processSchema, ...writeErrors } },
    }, async (request, reply) => {
      const p = await service.createProcess(ctx.db, actorOf(request), municipalityOf(request).id, request.body);
      return reply.code(201).send(p);
    });

    r.get(`${base}/:processId`, {
      config: { policy: 'public' },
      schema: {
        tags: ['processes'], summary: 'A process: envelope, calendar, rules, zone split, and every phase move with its reason', params: processParams,
        response: { 200: processSchema.extend({ phaseMoves: z.array(phaseMoveSchema) }), 404: errorResponse },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const p = await service.getProcess(ctx.db, m.id, request.params.processId);
      return { ...p, phaseMoves: await listPhaseMoves(ctx.db.db, m.id, p.id) };
    });

    r.patch(`${base}/:processId`, {
      config: manage,
      schema: { tags: ['processes'], summary: 'Change settings during Preparation, and the rules an area locks (the vote settings) until it locks them (administrator; reason required)', params: processParams, body: updateProcessBody, response: { 200: processSchema, ...writeErrors } },
    }, async (request) => service.updateProcess(ctx.db, ctx.settingsLocks, actorOf(request), municipalityOf(request).id, request.params.processId, request.body));

    r.post(`${base}/:processId/copy`, {
      config: manage,
      schema: { tags: ['processes'], summary: "Start a new year's process as a copy of this one", params: processParams, body: copyProcessBody, response: { 201: processSchema, ...writeErrors } },
    }, async (request, reply) => {
      const p = await service.copyProcess(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body);
      return reply.code(201).send(p);
    });

    r.get(`${base}/:processId/phase`, {
      config: manage,
      schema: { tags: ['processes'], summary: 'Whether the process may move to its next phase, and what is missing', params: processParams, response: { 200: phaseCheckSchema, ...commonErrors } },
    }, async (request) => {
      const check = await service.checkNextPhase(ctx.db, ctx.phaseGates, municipalityOf(request).id, request.params.processId);
      return {
        ...check,
        ready: check.to !== null && check.failures.length === 0,
        failures: check.failures.map((f) => ({
          ...f, message: preconditionText(f.code, f.params, request.lang),
          messages: preconditionTexts(f.code, f.params),
        })),
      };
    });

    r.post(`${base}/:processId/phase`, {
      config: manage,
      schema: { tags: ['processes'], summary: 'Move the process to its next phase (administrator; reason required)', params: processParams, body: movePhaseBody, response: { 200: processSchema, ...writeErrors } },
    }, async (request) => service.movePhase(ctx.db, ctx.phaseGates, actorOf(request), municipalityOf(request).id, request.params.processId, request.body.to, request.body.reason));
  };
}
