import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse, slugParams } from '../http/schemas.ts';
import { municipalityOf } from '../http/scope.ts';
import { processOf } from '../processes/process.queries.ts';
import { CONTENT_TYPES, OPEN_DATA_SCHEMA, OPEN_DATA_VERSION, schemaDocument, schemaMarkdown, type OpenDataFile, type OpenDataFormat } from './open-data.ts';
import { actaLink, bulkZip, fileLinks, municipalityFile, processFile } from './open-data-files.ts';
import { PORTAL_STATUSES, type PortalStatus } from './portal.ts';
import * as service from './portal.service.ts';
import * as repo from './portal.repository.ts';
import {
  fileParams, historySchema, langQuery, municipalityFileParams, municipalityOpenDataSchema, nationalQuery, nationalSchema, portalProposalsQuery,
  portalProposalsSchema, processOpenDataSchema, processParams,
} from './portal.schemas.ts';

const API = '/api';
const SCHEMA_URL = `${API}/open-data/schema/${OPEN_DATA_VERSION}`;
const tags = ['portal'];
const public_ = { policy: 'public' as const };

function parseFile(name: string): { file: OpenDataFile; format: OpenDataFormat } {
  const [file, format] = name.split('.') as [OpenDataFile, OpenDataFormat];
  return { file, format };
}

function sendFile(reply: FastifyReply, filename: string, format: OpenDataFormat, text: string) {
  return reply.header('content-type', CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="${filename}"`).send(text);
}

/** The transparency portal (no account): the national view, a municipality's history, a process's everything page, open data. */
export function portalRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = ctx.db.db;

    r.get(`${API}/portal/national`, {
      config: public_,
      schema: {
        tags, summary: 'Across municipalities, by region (or a region\'s provinces): how many run PB per year, their envelopes, the women\'s share of approved agents; a page of municipalities, searchable by name',
        querystring: nationalQuery, response: { 200: nationalSchema, 400: errorResponse },
      },
    }, async (request) => {
      const { year, region, province, q, limit, offset } = request.query;
      return service.national(db, { regionId: region, provinceId: province, q: q || undefined }, year, { limit, offset });
    });

    r.get('/api/municipalities/:slug/portal/history', {
      config: public_,
      schema: {
        tags, summary: "A municipality's processes over the years: envelope in soles and as a share of the investment budget",
        params: slugParams, querystring: langQuery, response: { 200: historySchema, ...commonErrors },
      },
    }, async (request) => ({ processes: await service.history(db, municipalityOf(request).id) }));

    r.get('/api/municipalities/:slug/processes/:processId/portal/proposals', {
      config: public_,
      schema: {
        tags, summary: 'Every proposal of a process with its evaluation, workshop votes, vote result (only after the close) and status; searchable, filtered by zone, axis and status, a page at a time',
        params: processParams, querystring: portalProposalsQuery, response: { 200: portalProposalsSchema, ...commonErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const p = processOf(request);
      const { q, zoneId, axisId, status, limit, offset } = request.query;
      const everything = await service.processEverything(db, m.id, p.id, { q: q || undefined, zoneId, axisId });
      const counts = Object.fromEntries(PORTAL_STATUSES.map((s) => [s, 0])) as Record<PortalStatus, number>;
      for (const x of everything.proposals) counts[x.status] += 1;
      const kept = status ? everything.proposals.filter((x) => x.status === status) : everything.proposals;
      return {
        process: { id: p.id, fiscalYear: p.fiscalYear, name: p.name, phase: p.phase },
        voteClosed: everything.voteClosed, counts, total: kept.length, limit, offset,
        proposals: kept.slice(offset, offset + limit).map(({ summary: s, evaluation: e, workshopVotes, vote, status: st }) => ({
          id: s.id, number: s.number, title: s.current.title, zone: s.current.zone,
          axis: { id: s.current.axis.id, code: s.current.axis.code, name: s.current.axis.name },
          requestedCostCents: s.current.costCents, cofinancingCents: s.cofinancingCents, organization: s.author.organization?.name ?? null,
          proposalStatus: s.status,
          evaluation: e && { viability: e.viability, adjustedCostCents: e.adjustedCostCents, weightedScore: e.weightedScore, evaluators: e.evaluators.length, publishedAt: e.publishedAt },
          workshopVotes,
          vote: vote && { envelope: vote.envelope, envelopeName: vote.envelopeName, votes: vote.votes, funded: vote.funded, priority: vote.priority },
          status: st,
        })),
      };
    });

    r.get('/api/municipalities/:slug/processes/:processId/open-data', {
      config: public_,
      schema: {
        tags, summary: "A process's open data: its files (CSV and JSON), each envelope's Pabulib ballots after the close, the receipt check",
        params: processParams, querystring: langQuery, response: { 200: processOpenDataSchema, ...commonErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const p = processOf(request);
      const base = `${API}/municipalities/${m.slug}/processes/${p.id}`;
      const everything = await service.processEverything(db, m.id, p.id);
      return {
        schema: OPEN_DATA_SCHEMA, schemaUrl: SCHEMA_URL, voteClosed: everything.voteClosed,
        files: fileLinks(`${base}/open-data`).filter((l) => l.file !== 'processes'),
        pabulib: (everything.results?.envelopes ?? []).map((e) => ({ envelope: e.key, envelopeName: e.zoneName, url: `${base}/vote/results/${e.key}.pb` })),
        receiptCheckUrl: `${base}/vote/receipt`,
        acta: await actaLink(db, m, p.id, API),
      };
    });

    r.get('/api/municipalities/:slug/processes/:processId/open-data/:file', {
      config: public_,
      schema: {
        tags, summary: "One open data file of a process (schema concerta.open-data/1); results only after the vote's close",
        params: fileParams, querystring: langQuery, response: { ...commonErrors, 409: errorResponse },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const p = processOf(request);
      const { file, format } = parseFile(request.params.file);
      const text = await processFile(db, m, p, file, format);
      return sendFile(reply as FastifyReply, `${m.slug}_${p.fiscalYear}_${file}.${format}`, format, text);
    });

    r.get('/api/municipalities/:slug/open-data', {
      config: public_,
      schema: {
        tags, summary: "A municipality's open data: its files over every process, the bulk zip, each process's open data",
        params: slugParams, querystring: langQuery, response: { 200: municipalityOpenDataSchema, ...commonErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const base = `${API}/municipalities/${m.slug}`;
      const processes = await repo.municipalityProcesses(db, m.id);
      return {
        schema: OPEN_DATA_SCHEMA, schemaUrl: SCHEMA_URL, files: fileLinks(`${base}/open-data`), bulkUrl: `${base}/open-data/bulk.zip`,
        processes: processes.map((p) => ({ id: p.id, fiscalYear: p.fiscalYear, name: p.name, openDataUrl: `${base}/processes/${p.id}/open-data` })),
      };
    });

    r.get('/api/municipalities/:slug/open-data/bulk.zip', {
      config: public_,
      schema: {
        tags, summary: 'Everything public of a municipality in one zip, streamed: every process\'s files, the processes, the schema and an index',
        params: slugParams, querystring: langQuery, response: { ...commonErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      return (reply as FastifyReply).header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${m.slug}_open-data.zip"`).send(bulkZip(db, m, API));
    });

    r.get('/api/municipalities/:slug/open-data/:file', {
      config: public_,
      schema: {
        tags, summary: 'One open data file over every process of the municipality (results of closed votes only)',
        params: municipalityFileParams, querystring: langQuery, response: { ...commonErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const { file, format } = parseFile(request.params.file);
      return sendFile(reply as FastifyReply, `${m.slug}_${file}.${format}`, format, await municipalityFile(db, m, file, format));
    });

    r.get(SCHEMA_URL, {
      config: public_,
      schema: { tags, summary: 'The open data schema concerta.open-data/1: every file, every field, its type and meaning' },
    }, async () => schemaDocument());

    r.get(`${SCHEMA_URL}.md`, {
      config: public_,
      schema: { tags, summary: 'The open data schema concerta.open-data/1 as Markdown (docs/open-data.md)' },
    }, async (_request, reply) => (reply as FastifyReply).header('content-type', 'text/markdown; charset=utf-8').send(schemaMarkdown()));
  };
}
