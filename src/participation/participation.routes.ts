import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { errorResponse, named, slugParams } from '../http/schemas.ts';
import { PHASES } from '@concerta/contracts';
import { now } from '../shared/clock.ts';
import * as service from './participation.service.ts';
import { municipalityOf } from '../http/scope.ts';

const row = named('Breakdown', z.object({ key: z.string(), label: z.string(), registered: z.number(), approved: z.number(), trained: z.number(), inWorkshops: z.number().describe('Approved agents who attended a workshop') }));

const figuresSchema = named('Participation', z.object({
  generatedAt: z.string(),
  process: z.object({ id: z.string(), fiscalYear: z.number(), name: z.string(), phase: z.enum(PHASES) }),
  rules: z.object({ trainingRequiredToVote: z.boolean(), minTrainingSessions: z.number() }),
  totals: z.object({
    registered: z.number().describe('Every registration submitted, whatever its state'), pending: z.number(), approved: z.number(),
    rejected: z.number(), trained: z.number(), inWorkshops: z.number().describe('Approved agents who attended at least one workshop'), organizationsRegistered: z.number(), organizationsApproved: z.number(),
  }),
  bySex: z.array(row),
  byAgeBand: z.array(row),
  byZone: z.array(row).describe('key: zone id, label: zone name'),
  byOrganizationType: z.array(row.extend({ organizationsRegistered: z.number(), organizationsApproved: z.number() }))
    .describe('Delegates by the type of their organization; "individual" for agents registered on their own'),
}));

const historySchema = named('ParticipationHistory', z.object({
  years: z.array(named('ParticipationYear', z.object({
    processId: z.string(), fiscalYear: z.number(), registered: z.number(), approved: z.number(),
    women: z.number().describe('Approved women'), men: z.number().describe('Approved men'),
    womenShareOfApproved: z.number().nullable().describe('0..1; null when nobody is approved'),
    organizationsApproved: z.number(), trained: z.number(), inWorkshops: z.number().describe('Approved agents who attended a workshop'),
  }))),
}));

const processParams = z.strictObject({ slug: z.string().min(1).max(80), processId: z.string().min(1).max(80) });

export function participationRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/municipalities/:slug/processes/:processId/participation', {
      config: { policy: 'public' },
      schema: {
        tags: ['participation'],
        summary: 'Who takes part in a process: registered, approved, trained agents and workshop attendees by sex, age band, zone and organization type',
        params: processParams, response: { 200: figuresSchema, 404: errorResponse },
      },
    }, async (request) => {
      const { process, figures } = await service.processFigures(ctx.db, municipalityOf(request).id, request.params.processId, request.lang);
      return {
        generatedAt: now(),
        process: { id: process.id, fiscalYear: process.fiscalYear, name: process.name, phase: process.phase },
        rules: { trainingRequiredToVote: process.rules.trainingRequiredToVote, minTrainingSessions: process.rules.minTrainingSessions },
        ...figures,
      };
    });

    r.get('/api/municipalities/:slug/participation/history', {
      config: { policy: 'public' },
      schema: {
        tags: ['participation'], summary: "Participation per fiscal year of the municipality's processes, oldest first",
        params: slugParams, response: { 200: historySchema, 404: errorResponse },
      },
    }, async (request) => ({ years: await service.participationHistory(ctx.db, municipalityOf(request).id) }));
  };
}
