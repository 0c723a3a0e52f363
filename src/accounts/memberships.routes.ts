import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, slugParams } from '../http/schemas.ts';
import { ROLES } from '@concerta/contracts';
import { grantMembership, listMembers, revokeMembership } from './memberships.service.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { requiredReason, text } from '../http/input.ts';

const memberSchema = z.object({ userId: z.string(), name: z.string(), email: z.string().nullable(), dni: z.string().nullable(), roles: z.array(z.enum(ROLES)) });
const reason = requiredReason;
const manage = { policy: { action: 'membership.manage' as const } };

export function membershipRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/members';

    r.get(base, {
      config: manage,
      schema: { tags: ['accounts'], summary: 'Accounts holding a role in the municipality (administrator)', params: slugParams, response: { 200: z.object({ members: z.array(memberSchema) }), ...commonErrors } },
    }, async (request) => ({ members: await listMembers(ctx.db, municipalityOf(request).id) }));

    r.post(base, {
      config: manage,
      schema: {
        tags: ['accounts'], summary: 'Give an account (by email or DNI) a role here, with the reason', params: slugParams,
        body: z.strictObject({ login: text(254, 1), role: z.enum(ROLES), reason }),
        response: { 200: memberSchema, ...commonErrors },
      },
    }, async (request) => grantMembership(ctx.db, actorOf(request), municipalityOf(request).id, request.body.login, request.body.role, request.body.reason));

    r.delete(`${base}/:userId/roles/:role`, {
      config: manage,
      schema: {
        tags: ['accounts'], summary: 'Take a role away, with the reason',
        params: z.strictObject({ slug: z.string().min(1).max(80), userId: z.string().min(1).max(80), role: z.enum(ROLES) }),
        body: z.strictObject({ reason }),
        response: { 204: z.null(), ...commonErrors },
      },
    }, async (request, reply) => {
      await revokeMembership(ctx.db, actorOf(request), municipalityOf(request).id, request.params.userId, request.params.role, request.body.reason);
      return reply.code(204).send(null);
    });
  };
}
