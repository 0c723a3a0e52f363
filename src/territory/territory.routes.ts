import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { errorResponse, municipalitySchema, named, slugParams } from '../http/schemas.ts';
import { listProcessSummaries } from '../processes/process-summary.queries.ts';
import { PHASES } from '@concerta/contracts';
import { listJurisdictions, listMunicipalities } from './territory.repository.ts';
import type { Municipality } from './territory.ts';
import { municipalityOf } from '../http/scope.ts';

export function presentMunicipality(m: Municipality) {
  return { id: m.id, slug: m.slug, name: m.name, kind: m.kind, province: m.province, region: m.region };
}

export function territoryRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/jurisdictions', {
      config: { policy: 'public' },
      schema: {
        tags: ['territory'], summary: 'The jurisdiction tree: regions, provinces, districts (INEI ubigeo codes)',
        response: { 200: z.object({ jurisdictions: z.array(z.object({
          id: z.string(), parentId: z.string().nullable(), level: z.enum(['region', 'province', 'district']), name: z.string(), ubigeo: z.string(),
        })) }) },
      },
    }, async () => ({ jurisdictions: await listJurisdictions(ctx.db.db) }));

    r.get('/api/municipalities', {
      config: { policy: 'public' },
      schema: { tags: ['territory'], summary: 'Every municipality on this installation', response: { 200: z.object({ municipalities: z.array(municipalitySchema) }) } },
    }, async () => ({ municipalities: (await listMunicipalities(ctx.db.db)).map(presentMunicipality) }));

    r.get('/api/municipalities/:slug', {
      config: { policy: 'public' },
      schema: {
        tags: ['territory'], summary: 'A municipality and its PB processes, newest year first',
        params: slugParams,
        response: {
          200: named('MunicipalityDetail', z.object({
            municipality: municipalitySchema,
            processes: z.array(named('ProcessSummary', z.object({ id: z.string(), name: z.string(), fiscalYear: z.number(), phase: z.enum(PHASES) }))),
          })),
          404: errorResponse,
        },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      return { municipality: presentMunicipality(m), processes: await listProcessSummaries(ctx.db.db, m.id) };
    });
  };
}
