import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse, slugParams } from '../http/schemas.ts';
import { listAudit } from './audit-log.ts';
import { listCheckpoints } from './audit-checkpoints.ts';
import { loadAuditKey, type AuditKey } from './audit-signing.ts';
import { auditCheckpointsSchema, auditEntrySchema, auditVocabularySchema } from './audit.schemas.ts';
import { municipalityOf } from '../http/scope.ts';
import { text } from '../http/input.ts';
import { auditVocabulary } from '../shared/errors.ts';

export function auditRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    // The installation's key, read once it exists (the server creates it on first start).
    let key: AuditKey | null = null;
    const publicKey = () => (key ??= loadAuditKey(ctx.config, { create: false }));

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
          200: z.object({ entries: z.array(auditEntrySchema), vocabulary: auditVocabularySchema }),
          ...commonErrors,
        },
      },
    }, async (request) => ({ entries: await listAudit(ctx.db.db, municipalityOf(request).id, request.query), vocabulary: auditVocabulary() }));

    app.withTypeProvider<ZodTypeProvider>().get('/api/municipalities/:slug/audit/checkpoints', {
      config: { policy: 'public' },
      schema: {
        tags: ['audit'],
        summary: "The signed heads of the municipality's audit chain and the key that checks them (public; keep copies)",
        params: slugParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          lang: z.enum(['es', 'en']).optional(),
        }),
        response: { 200: auditCheckpointsSchema, 400: errorResponse, 404: errorResponse },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const k = publicKey();
      const checkpoints = await listCheckpoints(ctx.db.db, m.id, request.query.limit);
      return {
        municipality: m.slug, scope: m.id, algorithm: 'Ed25519' as const, keyId: k?.id ?? null, publicKey: k?.publicPem ?? null,
        checkpoints: checkpoints.map(({ seq, hash, at, keyId, signature }) => ({ seq, hash, at, keyId, signature })),
      };
    });
  };
}
