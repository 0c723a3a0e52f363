import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse, named } from '../http/schemas.ts';
import { ORGANIZATION_TYPES, SEXES } from '../registration/registration.ts';
import { BODY_KINDS, ELECTED_BODY_KINDS } from '../processes/quota-rules.ts';
import * as service from './quota.service.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { multilineText } from '../http/input.ts';
import { csvDocument, describeColumns, downloadHeaders, listPdf, section } from '../shared/export.ts';
import { localDate } from '../shared/clock.ts';
import { requireProcess } from '../processes/process.queries.ts';
import { BODY_COLUMNS, MEMBER_COLUMNS, memberRows } from './quota-export.ts';

const id = z.string().min(1).max(80);
const processParams = z.strictObject({ slug: z.string().min(1).max(80), processId: id });
const bodyParams = processParams.extend({ kind: z.enum(ELECTED_BODY_KINDS) });
const memberParams = bodyParams.extend({ agentId: id });
const langQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });

const bodySchema = named('BodyQuota', z.object({
  kind: z.enum(BODY_KINDS),
  seats: z.number(),
  filled: z.number(),
  women: z.number(),
  men: z.number(),
  minWomen: z.number(),
  status: z.enum(['met', 'open', 'broken']).describe("met: enough women already; open: still reachable with the free seats; broken: no longer reachable"),
  members: z.array(z.object({
    agentId: z.string(), name: z.string(), sex: z.enum(SEXES),
    organization: z.object({ id: z.string(), name: z.string(), type: z.enum(ORGANIZATION_TYPES) }).nullable(), electedAt: z.string(),
  })).nullable().describe('Members of the elected committees; null for the delegates (see the public registry)'),
}));

const writeErrors = { ...commonErrors, 409: errorResponse };

/** The representative bodies of a process and their gender quotas: the public quota page, and electing committees. */
export function quotaRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId';
    const tags = ['quotas'];

    r.get(`${base}/quotas`, {
      config: { policy: 'public' },
      schema: {
        tags, summary: 'The quota page: each body with its seats, women and men, its quota status, and the members of the elected committees',
        params: processParams, querystring: langQuery,
        response: { 200: z.object({ processId: z.string(), bodies: z.array(bodySchema) }), 404: errorResponse },
      },
    }, async (request) => service.quotaPage(ctx.db, municipalityOf(request).id, request.params.processId));

    // The quota page as CSV and PDF: the public page's data only (see quota-export.ts), so public like it.
    r.get(`${base}/quotas.csv`, {
      config: { policy: 'public' },
      schema: { tags, summary: 'The quota page\'s bodies as CSV (UTF-8 with BOM): seats, women, men, least women, quota status', description: describeColumns(BODY_COLUMNS), params: processParams, querystring: langQuery, response: { 404: errorResponse } },
    }, async (request, reply) => {
      const { bodies } = await service.quotaPage(ctx.db, municipalityOf(request).id, request.params.processId);
      return (reply as FastifyReply).headers(downloadHeaders(request.lang === 'es' ? 'cuotas.csv' : 'quotas.csv', 'csv')).send(csvDocument(BODY_COLUMNS, bodies, request.lang));
    });

    r.get(`${base}/quota-members.csv`, {
      config: { policy: 'public' },
      schema: { tags, summary: 'The members of the elected committees as CSV (UTF-8 with BOM): body, name, sex, organization, elected on', description: describeColumns(MEMBER_COLUMNS), params: processParams, querystring: langQuery, response: { 404: errorResponse } },
    }, async (request, reply) => {
      const { bodies } = await service.quotaPage(ctx.db, municipalityOf(request).id, request.params.processId);
      return (reply as FastifyReply).headers(downloadHeaders(request.lang === 'es' ? 'integrantes-comites.csv' : 'committee-members.csv', 'csv'))
        .send(csvDocument(MEMBER_COLUMNS, memberRows(bodies), request.lang));
    });

    r.get(`${base}/quotas.pdf`, {
      config: { policy: 'public' },
      schema: { tags, summary: 'The quota page as PDF: the bodies against their quotas, then the committees\' members', params: processParams, querystring: langQuery, response: { 404: errorResponse } },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const process = await requireProcess(ctx.db.db, m.id, request.params.processId);
      const { bodies } = await service.quotaPage(ctx.db, m.id, process.id);
      const members = memberRows(bodies);
      const es = request.lang === 'es';
      const at = new Date();
      const pdf = await listPdf({
        title: es ? `Cuotas de representación ${process.fiscalYear}` : `Representation quotas ${process.fiscalYear}`, author: m.name, at, lang: request.lang,
        lines: [`${m.name}. ${process.name}.`, es ? `Emitido el ${localDate(at.toISOString())}.` : `Issued on ${localDate(at.toISOString())}.`],
        sections: [
          section({ heading: es ? 'Órganos y cuotas de mujeres' : 'Bodies and women quotas', columns: BODY_COLUMNS, rows: bodies }),
          section({ heading: es ? `Integrantes de los comités (${members.length})` : `Committee members (${members.length})`, columns: MEMBER_COLUMNS, rows: members }),
        ],
      });
      return (reply as FastifyReply).headers(downloadHeaders(es ? 'cuotas.pdf' : 'quotas.pdf', 'pdf')).send(Buffer.from(pdf));
    });

    r.post(`${base}/bodies/:kind/members`, {
      config: { policy: { action: 'body.manage' } },
      schema: {
        tags, summary: 'Elect an approved agent to the directive or oversight committee (administrator); refused if the gender quota could no longer be met',
        params: bodyParams, body: z.strictObject({ agentId: id, reason: multilineText(2000).optional() }),
        response: { 201: bodySchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const body = await service.electMember(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.kind, request.body);
      return reply.code(201).send(body);
    });

    r.post(`${base}/bodies/:kind/members/:agentId/removal`, {
      config: { policy: { action: 'body.manage' } },
      schema: {
        tags, summary: 'Remove a member from a committee, with the reason (administrator)',
        params: memberParams, body: z.strictObject({ reason: multilineText(2000) }),
        response: { 200: bodySchema, ...writeErrors },
      },
    }, async (request) => service.removeMember(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.kind, request.params.agentId, request.body.reason));
  };
}
