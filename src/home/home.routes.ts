import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { personalHome, processDashboard } from './home.service.ts';
import { dashboardSchema, personalHomeSchema, processParams } from './home.schemas.ts';

export function homeRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['home'];

    r.get('/api/me/home', {
      config: { policy: 'signed-in' },
      schema: {
        tags, summary: 'Your home: the current process of each municipality of your roles and registrations, the open calls, where you land',
        response: { 200: personalHomeSchema, 401: commonErrors[401] },
      },
    }, async (request) => personalHome(ctx.db, actorOf(request)));

    r.get('/api/municipalities/:slug/processes/:processId/dashboard', {
      config: { policy: { action: 'process.dashboard' } },
      schema: {
        tags, summary: 'A process for its staff: phase and dates, what is due by when, figures, the next steps (administrator, facilitator, technical team, oversight)',
        params: processParams, response: { 200: dashboardSchema, ...commonErrors },
      },
    }, async (request) => processDashboard(ctx.db, municipalityOf(request).id, request.params.processId));
  };
}
