import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, named, slugParams } from '../http/schemas.ts';
import { listAudit } from './audit-log.ts';
import { municipalityOf } from '../http/scope.ts';
import { text } from '../http/input.ts';

export function auditRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/api/municipalities/:slug/audit', {
      config: { policy: { action: 'audit.read' } },
      schema: {
        tags: ['audit'], summary: "The municipality's audit log, newest first",
        params: slugParams,
        querystring: z.strictObject({
          entityType: text(60).optional(),
          entityId: text(80).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          lang: z.enum(['es', 'en']).optional(),
        }),
        response: {
          200: z.object({ entries: z.array(named('AuditEntry', z.object({
            seq: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), action: z.string(),
            entityType: z.string(), entityId: z.string().nullable(), reason: z.string().nullable(), data: z.record(z.string(), z.unknown()),
          }))) }),
          ...commonErrors,
        },
      },
    }, async (request) => ({ entries: await listAudit(ctx.db.db, municipalityOf(request).id, request.query) }));
  };
}
