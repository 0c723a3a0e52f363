import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse, slugParams } from '../http/schemas.ts';
import { listPlan, listZones } from './plan.repository.ts';
import * as service from './plan.service.ts';
import { ZONE_KINDS } from './plan.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { multilineText, requiredReason, text } from '../http/input.ts';

const code = text(20, 1).regex(/^[A-Za-z0-9._-]+$/, { message: 'format' });
const reason = requiredReason;
const zoneSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(ZONE_KINDS), population: z.number().nullable() });
const objectiveSchema = z.object({ id: z.string(), axisId: z.string(), code: z.string(), title: z.string(), description: z.string() });
const axisSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), description: z.string(), objectives: z.array(objectiveSchema) });
const idParams = (name: string) => z.strictObject({ slug: z.string().min(1).max(80), [name]: z.string().min(1).max(80) });
const manage = { policy: { action: 'plan.manage' as const } };
const writeErrors = { ...commonErrors, 409: errorResponse };

export function planRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug';

    r.get(`${base}/zones`, {
      config: { policy: 'public' },
      schema: { tags: ['plan'], summary: 'Zones of the municipality (sectors, neighbourhood committees, rural centres)', params: slugParams, response: { 200: z.object({ zones: z.array(zoneSchema) }), 404: errorResponse } },
    }, async (request) => ({ zones: await listZones(ctx.db.db, municipalityOf(request).id) }));

    r.post(`${base}/zones`, {
      config: manage,
      schema: {
        tags: ['plan'], summary: 'Add a zone', params: slugParams,
        body: z.strictObject({ code, name: text(120, 2), kind: z.enum(ZONE_KINDS), population: z.number().int().min(0).nullable().default(null), reason: multilineText(2000).optional() }),
        response: { 201: zoneSchema, ...writeErrors },
      },
    }, async (request, reply) => reply.code(201).send(await service.createZone(ctx.db, actorOf(request), municipalityOf(request).id, request.body)));

    r.patch(`${base}/zones/:zoneId`, {
      config: manage,
      schema: {
        tags: ['plan'], summary: 'Change a zone (reason required)', params: idParams('zoneId'),
        body: z.strictObject({ code: code.optional(), name: text(120, 2).optional(), kind: z.enum(ZONE_KINDS).optional(), population: z.number().int().min(0).nullable().optional(), reason }),
        response: { 200: zoneSchema, ...writeErrors },
      },
    }, async (request) => service.updateZone(ctx.db, actorOf(request), municipalityOf(request).id, String(request.params.zoneId), request.body));

    r.get(`${base}/plan`, {
      config: { policy: 'public' },
      schema: { tags: ['plan'], summary: 'Thematic axes and the strategic objectives of the Concerted Development Plan', params: slugParams, response: { 200: z.object({ axes: z.array(axisSchema) }), 404: errorResponse } },
    }, async (request) => ({ axes: await listPlan(ctx.db.db, municipalityOf(request).id) }));

    r.post(`${base}/plan/axes`, {
      config: manage,
      schema: {
        tags: ['plan'], summary: 'Add a thematic axis', params: slugParams,
        body: z.strictObject({ code, name: text(160, 2), description: multilineText(4000).default(''), reason: multilineText(2000).optional() }),
        response: { 201: axisSchema, ...writeErrors },
      },
    }, async (request, reply) => reply.code(201).send(await service.createAxis(ctx.db, actorOf(request), municipalityOf(request).id, request.body)));

    r.patch(`${base}/plan/axes/:axisId`, {
      config: manage,
      schema: {
        tags: ['plan'], summary: 'Change a thematic axis (reason required)', params: idParams('axisId'),
        body: z.strictObject({ code: code.optional(), name: text(160, 2).optional(), description: multilineText(4000).optional(), reason }),
        response: { 200: axisSchema, ...writeErrors },
      },
    }, async (request) => service.updateAxis(ctx.db, actorOf(request), municipalityOf(request).id, String(request.params.axisId), request.body));

    r.post(`${base}/plan/objectives`, {
      config: manage,
      schema: {
        tags: ['plan'], summary: 'Add a strategic objective under an axis', params: slugParams,
        body: z.strictObject({ axisId: z.string().min(1).max(80), code, title: text(300, 3), description: multilineText(4000).default(''), reason: multilineText(2000).optional() }),
        response: { 201: objectiveSchema, ...writeErrors },
      },
    }, async (request, reply) => reply.code(201).send(await service.createObjective(ctx.db, actorOf(request), municipalityOf(request).id, request.body)));

    r.patch(`${base}/plan/objectives/:objectiveId`, {
      config: manage,
      schema: {
        tags: ['plan'], summary: 'Change a strategic objective (reason required)', params: idParams('objectiveId'),
        body: z.strictObject({ axisId: z.string().min(1).max(80).optional(), code: code.optional(), title: text(300, 3).optional(), description: multilineText(4000).optional(), reason }),
        response: { 200: objectiveSchema, ...writeErrors },
      },
    }, async (request) => service.updateObjective(ctx.db, actorOf(request), municipalityOf(request).id, String(request.params.objectiveId), request.body));
  };
}
