import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { processOf } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import type { Lang } from '../shared/i18n.ts';
import { ELECTION_RULE } from './committee.ts';
import * as service from './committee.service.ts';
import { candidateBody, committeeSchema, electionBody, langQuery, processParams } from './committee.schemas.ts';

function present(process: Process, c: service.Committee, lang: Lang) {
  return { process: { id: process.id, fiscalYear: process.fiscalYear, phase: process.phase }, rule: ELECTION_RULE[lang], ...c };
}

const writeErrors = { ...commonErrors, 409: errorResponse };

/** The oversight committee's election: its public page, the candidates who stand and the session's votes. */
export function committeeRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/oversight-committee';
    const tags = ['committee'];

    r.get(base, {
      config: { policy: 'public' },
      schema: {
        tags, summary: 'The oversight committee: its seats and women quota, the candidates, the session\'s votes and the elected members',
        params: processParams, querystring: langQuery, response: { 200: committeeSchema, 404: errorResponse },
      },
    }, async (request) => present(processOf(request), await service.committee(ctx.db.db, municipalityOf(request).id, request.params.processId), request.lang));

    r.post(`${base}/candidates`, {
      config: { policy: { action: 'committee.manage' } },
      schema: {
        tags, summary: 'Register an approved agent who stands for the oversight committee, with their consent (administrators and facilitators, in Formalization)',
        params: processParams, body: candidateBody, response: { 201: committeeSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const c = await service.standCandidate(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body);
      return reply.code(201).send(present(processOf(request), c, request.lang));
    });

    r.post(`${base}/election`, {
      config: { policy: { action: 'committee.manage' } },
      schema: {
        tags, summary: 'Type in each candidate\'s votes from the formalization session; the members are chosen by votes under the women quota and seated (administrators and facilitators, in Formalization)',
        params: processParams, body: electionBody, response: { 201: committeeSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const c = await service.recordElection(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body);
      return reply.code(201).send(present(processOf(request), c, request.lang));
    });
  };
}
