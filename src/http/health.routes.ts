import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { schemaVersion } from '../db/migrate.ts';
import { AppError } from '../shared/errors.ts';

export function healthRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
      config: { policy: 'public' },
      schema: {
        tags: ['system'], summary: 'Liveness: the database dialect and the schema version',
        response: { 200: z.object({ status: z.literal('ok'), dialect: z.enum(['sqlite', 'postgres']), schemaVersion: z.string() }) },
      },
    }, async () => {
      const version = await schemaVersion(ctx.db).catch(() => null);
      if (!version) throw new AppError('UNAVAILABLE', { reason: 'migrations pending' });
      return { status: 'ok' as const, dialect: ctx.db.dialect, schemaVersion: version };
    });
  };
}
