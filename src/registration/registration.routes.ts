import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { AppError } from '../shared/errors.ts';
import * as service from './registration.service.ts';
import { decideAgents, decideOne, decideOrganizations, revertAgents, revertOrganizations } from './registration-decisions.service.ts';
import { importAgents } from './registration-import.service.ts';
import { ImportJobs } from './registration-import-jobs.service.ts';
import { publicRegistry } from './registry.service.ts';
import { registrationListRoutes } from './registration-lists.routes.ts';
import { registrationClaimRoutes } from './registration-claims.routes.ts';
import { registryExportRoutes } from './registry-export.routes.ts';
import {
  agentBody, agentDecisionsBody, agentListQuery, agentParams, agentPatchBody, agentSchema, decisionBody, revertBody, importJobParams, importJobSchema,
  importQuery, importReportSchema, inPersonAgentSchema,
  langQuery, organizationBody, organizationDecisionsBody, organizationListQuery, organizationParams, organizationPatchBody,
  organizationSchema, presentAgent, presentOrganization, processParams, registryQuery, registrySchema,
} from './registration.schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';

/** Largest CSV accepted by the import (a registration day's spreadsheet is a few hundred KB at most). */
export const CSV_BODY_LIMIT = 5 * 1024 * 1024;

const writeErrors = { ...commonErrors, 409: errorResponse };

/**
 * Registration of participating agents and organizations (Preparation phase).
 *
 * Two doors, two routes, so each declares its own policy:
 * - `POST .../agents` (signed-in): a person registers themself online (source `online`, linked to their account);
 * - `POST .../agents/in-person` (`registration.register_others`: administrator, facilitator): staff register someone
 *   at a face-to-face registration day (source `in_person`, no account linked);
 * likewise for organizations. `POST .../agents/import` takes a facilitator's CSV (`registration.import`) and answers
 * its report; `POST .../agents/import-jobs` takes it as a job the web app polls for progress (`GET .../import-jobs/:jobId`).
 */
export function registrationRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    // The CSV import takes the file as the raw body; the parser lives in this plugin's scope only.
    app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) => done(null, body));
    const importJobs = new ImportJobs(ctx.db, (err) => app.log.error({ err }, 'CSV import job failed'));
    // Running imports finish (and commit or roll back) before the server closes its database.
    app.addHook('onClose', () => importJobs.settled());

    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId';
    const tags = ['registration'];

    // --- Agents ---

    // A DNI sent by a person for themself is a lookup too: limited per account, so it cannot be used to probe DNIs.
    const perAccount = { max: ctx.config.dniLookupsPerMinute, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => req.actor?.userId ?? req.ip };

    r.post(`${base}/agents`, {
      config: { policy: 'signed-in', rateLimit: perAccount },
      schema: { tags, summary: 'Register yourself online as a participating agent (pending until the municipality decides)', params: processParams, body: agentBody, response: { 201: agentSchema, ...writeErrors } },
    }, async (request, reply) => {
      const a = await service.registerSelf(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body);
      return reply.code(201).send(presentAgent(a, actorOf(request).userId));
    });

    r.post(`${base}/agents/in-person`, {
      config: { policy: { action: 'registration.register_others' } },
      schema: {
        tags, summary: 'Register someone at a face-to-face registration day (administrator, facilitator); the answer carries the one-time code for the paper receipt',
        params: processParams, body: agentBody, response: { 201: inPersonAgentSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const { agent, claimCode } = await service.registerInPerson(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body);
      return reply.code(201).send({ ...presentAgent(agent, actorOf(request).userId), claimCode: claimCode && { code: claimCode.code, expiresAt: claimCode.expiresAt } });
    });

    r.get(`${base}/agents`, {
      config: { policy: { action: 'registration.read' } },
      schema: {
        tags, summary: 'Every agent registration, with filters and search by name or DNI (administrator, facilitator)', params: processParams, querystring: agentListQuery,
        response: { 200: z.object({ agents: z.array(agentSchema), total: z.number() }), ...commonErrors },
      },
    }, async (request) => {
      const { lang: _lang, ...filters } = request.query;
      const res = await service.listAgents(ctx.db, municipalityOf(request).id, request.params.processId, filters);
      return { agents: res.agents.map((a) => presentAgent(a, actorOf(request).userId)), total: res.total };
    });

    r.get(`${base}/agents/mine`, {
      config: { policy: 'signed-in' },
      schema: { tags, summary: 'Your own registration in this process, or null', params: processParams, querystring: langQuery, response: { 200: z.object({ agent: agentSchema.nullable() }), ...commonErrors } },
    }, async (request) => {
      const a = await service.myAgent(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId);
      return { agent: a ? presentAgent(a, actorOf(request).userId) : null };
    });

    r.get(`${base}/agents/:agentId`, {
      config: { policy: 'signed-in' },
      schema: { tags, summary: 'One registration: its owner, or staff with registration.read', params: agentParams, querystring: langQuery, response: { 200: agentSchema, ...commonErrors } },
    }, async (request) => {
      const a = await service.getAgent(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.agentId);
      return presentAgent(a, actorOf(request).userId);
    });

    r.patch(`${base}/agents/:agentId`, {
      config: { policy: 'signed-in', rateLimit: perAccount },
      schema: {
        tags, summary: 'Correct a pending registration: its owner; for face-to-face and imported ones, staff who register others. Every rule is checked again',
        params: agentParams, body: agentPatchBody, response: { 200: agentSchema, ...writeErrors },
      },
    }, async (request) => {
      const a = await service.updateAgent(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.agentId, request.body);
      return presentAgent(a, actorOf(request).userId);
    });

    r.post(`${base}/agents/:agentId/decision`, {
      config: { policy: { action: 'registration.decide' } },
      schema: { tags, summary: 'Approve or reject a pending registration (administrator; reason required to reject)', params: agentParams, body: decisionBody, response: { 200: agentSchema, ...writeErrors } },
    }, async (request) => {
      const a = await decideOne(decideAgents(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, [request.params.agentId], request.body));
      return presentAgent(a, actorOf(request).userId);
    });

    r.post(`${base}/agents/:agentId/revert`, {
      config: { policy: { action: 'registration.decide' } },
      schema: { tags, summary: 'Revert the decision on a registration: back to pending, with the reason (administrator; until the definitive list)', params: agentParams, body: revertBody, response: { 200: agentSchema, ...writeErrors } },
    }, async (request) => {
      const a = await decideOne(revertAgents(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, [request.params.agentId], request.body.reason));
      return presentAgent(a, actorOf(request).userId);
    });

    r.post(`${base}/agents/decisions`, {
      config: { policy: { action: 'registration.decide' } },
      schema: {
        tags, summary: 'Approve or reject many pending registrations at once: all or nothing (administrator)', params: processParams, body: agentDecisionsBody,
        response: { 200: z.object({ agents: z.array(agentSchema) }), ...writeErrors },
      },
    }, async (request) => {
      const { agentIds, ...decision } = request.body;
      const agents = await decideAgents(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, agentIds, decision);
      return { agents: agents.map((a) => presentAgent(a, actorOf(request).userId)) };
    });

    const importSummary = 'Columns: dni, nombres, sexo, rango_edad, zona [, telefono, correo, partida_organizacion]';
    const importDescription = 'Raw body, Content-Type: text/csv, UTF-8, max 5 MB. Separator , or ; (from the header line). sexo: F/M or mujer/hombre; rango_edad: 18-29, 30-44, 45-59, 60+; zona: zone code (Z02) or exact name; '
      + 'partida_organizacion: registry number of an approved organization of this process. mode=dry-run (default) writes nothing; all-or-nothing writes every row or none (422 CSV_INVALID_ROWS, details.report); valid-rows writes the good rows. '
      + 'Lines are numbered as in the file, header = line 1.';
    const csvBody = z.any().describe('The CSV file itself, as the raw request body (Content-Type: text/csv)');
    const fileOf = (body: unknown, contentType: string | undefined): Buffer => {
      if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { type: contentType ?? 'none' });
      return body;
    };

    r.post(`${base}/agents/import`, {
      config: { policy: { action: 'registration.import' } },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags, summary: `Import agents from a CSV and answer the report. ${importSummary}`, description: importDescription,
        params: processParams, querystring: importQuery, consumes: ['text/csv'], body: csvBody,
        response: { 200: importReportSchema, ...writeErrors, 413: errorResponse, 415: errorResponse, 422: errorResponse },
      },
    }, async (request) => {
      const file = fileOf(request.body, request.headers['content-type']);
      return importAgents(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, file, request.query.mode, request.lang);
    });

    r.post(`${base}/agents/import-jobs`, {
      config: { policy: { action: 'registration.import' } },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags, summary: `Start importing agents from a CSV as a job, to poll for its progress and report. ${importSummary}`,
        description: `${importDescription} Answers 202 with the job; its report, or the error the plain import would answer, comes with GET .../import-jobs/:jobId.`,
        params: processParams, querystring: importQuery, consumes: ['text/csv'], body: csvBody,
        response: { 202: importJobSchema, ...writeErrors, 413: errorResponse, 415: errorResponse },
      },
    }, async (request, reply) => {
      const file = fileOf(request.body, request.headers['content-type']);
      const job = await importJobs.start(actorOf(request), municipalityOf(request).id, request.params.processId, file, request.query.mode, request.lang);
      return reply.code(202).send(job);
    });

    r.get(`${base}/agents/import-jobs/:jobId`, {
      config: { policy: { action: 'registration.import' } },
      schema: {
        tags, summary: 'An import job: its progress (rows parsed, validated, written of the total), then its report or error',
        params: importJobParams, querystring: langQuery, response: { 200: importJobSchema, ...commonErrors },
      },
    }, async (request) => importJobs.read(municipalityOf(request).id, request.params.processId, request.params.jobId, request.lang));

    // --- Organizations ---

    r.post(`${base}/organizations`, {
      config: { policy: 'signed-in' },
      schema: { tags, summary: 'Register an organization online (pending until the municipality decides)', params: processParams, body: organizationBody, response: { 201: organizationSchema, ...writeErrors } },
    }, async (request, reply) => {
      const o = await service.registerOrganizationOnline(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body);
      return reply.code(201).send(presentOrganization(o, actorOf(request).userId));
    });

    r.post(`${base}/organizations/in-person`, {
      config: { policy: { action: 'registration.register_others' } },
      schema: { tags, summary: 'Register an organization at a face-to-face registration day (administrator, facilitator)', params: processParams, body: organizationBody, response: { 201: organizationSchema, ...writeErrors } },
    }, async (request, reply) => {
      const o = await service.registerOrganizationInPerson(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body);
      return reply.code(201).send(presentOrganization(o, actorOf(request).userId));
    });

    r.get(`${base}/organizations`, {
      config: { policy: { action: 'registration.read' } },
      schema: {
        tags, summary: 'Every organization registration, with filters and search (administrator, facilitator)', params: processParams, querystring: organizationListQuery,
        response: { 200: z.object({ organizations: z.array(organizationSchema), total: z.number() }), ...commonErrors },
      },
    }, async (request) => {
      const { lang: _lang, ...filters } = request.query;
      const res = await service.listOrganizations(ctx.db, municipalityOf(request).id, request.params.processId, filters);
      return { organizations: res.organizations.map((o) => presentOrganization(o, actorOf(request).userId)), total: res.total };
    });

    r.get(`${base}/organizations/mine`, {
      config: { policy: 'signed-in' },
      schema: { tags, summary: 'The organizations you registered online in this process', params: processParams, querystring: langQuery, response: { 200: z.object({ organizations: z.array(organizationSchema) }), ...commonErrors } },
    }, async (request) => {
      const list = await service.myOrganizations(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId);
      return { organizations: list.map((o) => presentOrganization(o, actorOf(request).userId)) };
    });

    r.get(`${base}/organizations/:organizationId`, {
      config: { policy: 'signed-in' },
      schema: { tags, summary: 'One organization registration: its online submitter, or staff with registration.read', params: organizationParams, querystring: langQuery, response: { 200: organizationSchema, ...commonErrors } },
    }, async (request) => {
      const o = await service.getOrganization(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.organizationId);
      return presentOrganization(o, actorOf(request).userId);
    });

    r.patch(`${base}/organizations/:organizationId`, {
      config: { policy: 'signed-in' },
      schema: {
        tags, summary: 'Correct a pending organization registration: its online submitter; for face-to-face ones, staff who register others',
        params: organizationParams, body: organizationPatchBody, response: { 200: organizationSchema, ...writeErrors },
      },
    }, async (request) => {
      const o = await service.updateOrganization(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.organizationId, request.body);
      return presentOrganization(o, actorOf(request).userId);
    });

    r.post(`${base}/organizations/:organizationId/decision`, {
      config: { policy: { action: 'registration.decide' } },
      schema: { tags, summary: 'Approve or reject a pending organization (administrator; reason required to reject)', params: organizationParams, body: decisionBody, response: { 200: organizationSchema, ...writeErrors } },
    }, async (request) => {
      const o = await decideOne(decideOrganizations(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, [request.params.organizationId], request.body));
      return presentOrganization(o, actorOf(request).userId);
    });

    r.post(`${base}/organizations/:organizationId/revert`, {
      config: { policy: { action: 'registration.decide' } },
      schema: { tags, summary: 'Revert the decision on an organization: back to pending, with the reason (administrator; none of its delegates approved)', params: organizationParams, body: revertBody, response: { 200: organizationSchema, ...writeErrors } },
    }, async (request) => {
      const o = await decideOne(revertOrganizations(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, [request.params.organizationId], request.body.reason));
      return presentOrganization(o, actorOf(request).userId);
    });

    r.post(`${base}/organizations/decisions`, {
      config: { policy: { action: 'registration.decide' } },
      schema: {
        tags, summary: 'Approve or reject many pending organizations at once: all or nothing (administrator)', params: processParams, body: organizationDecisionsBody,
        response: { 200: z.object({ organizations: z.array(organizationSchema) }), ...writeErrors },
      },
    }, async (request) => {
      const { organizationIds, ...decision } = request.body;
      const orgs = await decideOrganizations(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, organizationIds, decision);
      return { organizations: orgs.map((o) => presentOrganization(o, actorOf(request).userId)) };
    });

    // --- The public registry ---

    r.get(`${base}/registry`, {
      config: { policy: 'public' },
      schema: {
        tags, summary: 'The public registry: every registration, its status and the reason of each decision (no DNI, phone or email)',
        params: processParams, querystring: registryQuery, response: { 200: registrySchema, 404: errorResponse },
      },
    }, async (request) => {
      const { lang: _lang, ...q } = request.query;
      return publicRegistry(ctx.db, municipalityOf(request).id, request.params.processId, q);
    });

    // The lists and challenges, and the claim codes, in this same scope.
    await registrationListRoutes(ctx)(app);
    await registrationClaimRoutes(ctx, perAccount)(app);
    await registryExportRoutes(ctx)(app);
  };
}
