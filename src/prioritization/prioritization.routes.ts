import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { processOf } from '../processes/process.queries.ts';
import type { Lang } from '../shared/i18n.ts';
import { explain } from './prioritization.ts';
import * as service from './prioritization.service.ts';
import { computeBody, listQuery, processParams, provisionalListAnswer, provisionalListSchema } from './prioritization.schemas.ts';

function present(list: service.ProvisionalList, lang: Lang) {
  return {
    id: list.id, seq: list.seq, computedAt: list.computedAt, computedByName: list.computedByName, reason: list.reason,
    current: list.current, unevaluated: list.unevaluated, settings: list.result.settings, criteria: list.criteria,
    pools: list.result.pools.map((p) => ({
      key: p.key, zoneName: p.zoneName, budgetCents: p.budgetCents, spentCents: p.spentCents,
      tieBreaks: p.tieBreaks.map((t) => ({ stage: t.stage, order: [...t.order], by: t.by })),
      entries: p.entries.map(({ reasons: _reasons, evaluators, ...e }) => ({
        ...e,
        evaluators: evaluators.map(({ evaluatorId: _id, ...x }) => x),
        explanation: explain({ reasons: _reasons }, lang),
      })),
    })),
  };
}

export function prioritizationRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/provisional-list';

    r.get(base, {
      config: { policy: 'public' },
      schema: {
        tags: ['prioritization'], summary: 'The latest provisional ranked list: per envelope, each proposal\'s place, scores per criterion and evaluator, and why it is in or out',
        params: processParams, querystring: listQuery, response: { 200: provisionalListAnswer, 404: errorResponse },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const process = processOf(request);
      const list = await service.latestProvisionalList(ctx.db.db, m.id, process.id);
      return { process: { id: process.id, fiscalYear: process.fiscalYear, phase: process.phase }, list: list ? present(list, request.lang) : null };
    });

    r.post(base, {
      config: { policy: { action: 'prioritization.compute' } },
      schema: {
        tags: ['prioritization'], summary: 'Compute the provisional ranked list from today\'s evaluations and workshop votes (administrators, in Concertation); earlier lists are kept',
        params: processParams, body: computeBody, response: { 201: provisionalListSchema, ...commonErrors, 409: errorResponse },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const list = await service.computeProvisionalList(ctx.db, actorOf(request), m.id, request.params.processId, request.body.reason);
      return reply.code(201).send(present(list, request.lang));
    });
  };
}
