import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { csvDocument, describeColumns, downloadHeaders, listPdf, section } from '../shared/export.ts';
import { localDate } from '../shared/clock.ts';
import { REGISTRATION_STATUSES } from './registration.ts';
import { processParams } from './registration.schemas.ts';
import { AGENT_COLUMNS, AGENT_PDF_COLUMNS, ORGANIZATION_COLUMNS, ORGANIZATION_PDF_COLUMNS, PUBLIC_REGISTRY_COLUMNS } from './registry-export.ts';
import { publicRegistryRows, registryForStaff } from './registry-export.service.ts';

const exportQuery = z.strictObject({
  status: z.enum(REGISTRATION_STATUSES).optional(),
  zoneId: z.string().min(1).max(80).optional(),
  lang: z.enum(['es', 'en']).optional(),
});
const publicExportQuery = exportQuery.extend({ kind: z.enum(['individual', 'organization']).optional() });

const TITLES = {
  es: (year: number) => `Registro de agentes participantes y organizaciones ${year}`,
  en: (year: number) => `Registry of participating agents and organizations ${year}`,
};

/**
 * Downloads of the registry: for staff who read it (`registration.read`), every agent and organization with DNI and
 * contact as CSV, and both lists as one PDF to file (audited); for anyone, the public registry as CSV. Headers follow
 * the request language. The columns are described in registry-export.ts.
 */
export function registryExportRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId';
    const tags = ['registration'];
    const staff = { policy: { action: 'registration.read' as const } };
    const errors = { ...commonErrors };

    r.get(`${base}/agents.csv`, {
      config: staff,
      schema: { tags, summary: 'Every agent registration as CSV (UTF-8 with BOM), with DNI and contact (administrator, facilitator; audited)', description: describeColumns(AGENT_COLUMNS), params: processParams, querystring: exportQuery, response: errors },
    }, async (request, reply) => {
      const { lang: _l, ...filters } = request.query;
      const { process, agents } = await registryForStaff(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, 'agents', 'csv', filters);
      const name = request.lang === 'es' ? `agentes-${process.fiscalYear}.csv` : `agents-${process.fiscalYear}.csv`;
      return (reply as FastifyReply).headers(downloadHeaders(name, 'csv')).send(csvDocument(AGENT_COLUMNS, agents, request.lang));
    });

    r.get(`${base}/organizations.csv`, {
      config: staff,
      schema: { tags, summary: 'Every organization registration as CSV (UTF-8 with BOM), with contact (administrator, facilitator; audited)', description: describeColumns(ORGANIZATION_COLUMNS), params: processParams, querystring: exportQuery, response: errors },
    }, async (request, reply) => {
      const { lang: _l, ...filters } = request.query;
      const { process, organizations } = await registryForStaff(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, 'organizations', 'csv', filters);
      const name = request.lang === 'es' ? `organizaciones-${process.fiscalYear}.csv` : `organizations-${process.fiscalYear}.csv`;
      return (reply as FastifyReply).headers(downloadHeaders(name, 'csv')).send(csvDocument(ORGANIZATION_COLUMNS, organizations, request.lang));
    });

    r.get(`${base}/registry.pdf`, {
      config: staff,
      schema: { tags, summary: 'The registry to print and file: every agent and organization, numbered, headers on every page (administrator, facilitator; audited)', params: processParams, querystring: exportQuery, response: errors },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const { lang: _l, ...filters } = request.query;
      const { process, agents, organizations } = await registryForStaff(ctx.db, actorOf(request), m.id, request.params.processId, 'registry', 'pdf', filters);
      const es = request.lang === 'es';
      const at = new Date();
      const pdf = await listPdf({
        title: TITLES[request.lang](process.fiscalYear), author: m.name, at, lang: request.lang,
        lines: [`${m.name}. ${process.name}.`, es ? `Emitido el ${localDate(at.toISOString())}.` : `Issued on ${localDate(at.toISOString())}.`],
        sections: [
          section({ heading: es ? `Agentes participantes (${agents.length})` : `Participating agents (${agents.length})`, columns: AGENT_PDF_COLUMNS, rows: agents.map((a, i) => ({ ...a, n: i + 1 })) }),
          section({ heading: es ? `Organizaciones (${organizations.length})` : `Organizations (${organizations.length})`, columns: ORGANIZATION_PDF_COLUMNS, rows: organizations.map((o, i) => ({ ...o, n: i + 1 })) }),
        ],
      });
      const name = es ? `registro-${process.fiscalYear}.pdf` : `registry-${process.fiscalYear}.pdf`;
      return (reply as FastifyReply).headers(downloadHeaders(name, 'pdf')).send(Buffer.from(pdf));
    });

    r.get(`${base}/registry.csv`, {
      config: { policy: 'public' },
      schema: { tags, summary: 'The public registry as CSV (UTF-8 with BOM): the public page\'s fields, every row; no DNI, phone or email', description: describeColumns(PUBLIC_REGISTRY_COLUMNS), params: processParams, querystring: publicExportQuery, response: { 404: errorResponse } },
    }, async (request, reply) => {
      const { lang: _l, ...filters } = request.query;
      const { process, entries } = await publicRegistryRows(ctx.db, municipalityOf(request).id, request.params.processId, filters);
      const name = request.lang === 'es' ? `registro-publico-${process.fiscalYear}.csv` : `public-registry-${process.fiscalYear}.csv`;
      return (reply as FastifyReply).headers(downloadHeaders(name, 'csv')).send(csvDocument(PUBLIC_REGISTRY_COLUMNS, entries, request.lang));
    });
  };
}
