import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { claimRegistration, reissueClaimCode } from './registration-claims.service.ts';
import { agentParams, claimAnswerSchema, claimBody, claimCodeIssueBody, claimCodeSchema, presentAgent } from './registration.schemas.ts';

const writeErrors = { ...commonErrors, 409: errorResponse, 429: errorResponse };

/**
 * Linking a registration made without an account to its person's account: staff issue a new one-time code for the
 * paper receipt (`registration.register_others`); the person, signed in with an account of the same DNI, types it.
 * Both are limited per account, so codes cannot be guessed by trying.
 */
export function registrationClaimRoutes(ctx: AppContext, perAccount: { max: number; timeWindow: number; keyGenerator: (req: FastifyRequest) => string }) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['registration'];

    r.post('/api/municipalities/:slug/processes/:processId/agents/:agentId/claim-code', {
      config: { policy: { action: 'registration.register_others' } },
      schema: {
        tags, summary: 'Issue a new one-time code for a registration without an account (the previous one stops working), with the reason',
        params: agentParams, body: claimCodeIssueBody, response: { 201: claimCodeSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const p = request.params;
      const issued = await reissueClaimCode(ctx.db, actorOf(request), municipalityOf(request).id, p.processId, p.agentId, request.body.reason);
      return reply.code(201).send({ code: issued.code, expiresAt: issued.expiresAt });
    });

    r.post('/api/registration-claims', {
      config: { policy: 'signed-in', rateLimit: perAccount },
      schema: {
        tags, summary: 'Link the registration of your DNI made face to face or by import to your account, with the code of its paper receipt',
        body: claimBody, response: { 200: claimAnswerSchema, ...writeErrors },
      },
    }, async (request) => {
      const claimed = await claimRegistration(ctx.db, actorOf(request), request.body);
      return { ...claimed, agent: presentAgent(claimed.agent, actorOf(request).userId) };
    });
  };
}
