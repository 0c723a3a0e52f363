import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { fileDownloadPath } from '../files/file-types.ts';
import type { FileSummary } from '../files/files.queries.ts';
import { processOf } from '../processes/process.queries.ts';
import { AppError } from '../shared/errors.ts';
import { reportSemesters, type Half } from './oversight.ts';
import * as service from './oversight.service.ts';
import { vigilanceReportPdf } from './oversight.report.ts';
import { accountability, accountabilityPdf } from './oversight-accountability.ts';
import {
  accountabilitySchema, answerBody, createdSchema, langQuery, observationBody, piaBody, processParams, reportQuery, requestBody, requestParams, workspaceSchema,
} from './oversight.schemas.ts';
import { z } from 'zod';


function present(slug: string, ws: service.Workspace) {
  const file = (f: FileSummary) => ({ id: f.id, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes, url: fileDownloadPath(slug, f.id) });
  const base = `/api/municipalities/${slug}/processes/${ws.process.id}/oversight`;
  return {
    ...ws,
    process: { id: ws.process.id, fiscalYear: ws.process.fiscalYear, name: ws.process.name, phase: ws.process.phase },
    projects: ws.projects.map((p) => ({
      id: p.id, number: p.number, title: p.title, zoneName: p.zoneName, investmentCode: p.investmentCode, status: p.status, statusReason: p.statusReason,
      physicalPercent: p.physicalPercent, financialPercent: p.financialPercent, behindSchedule: p.behindSchedule, costCents: p.costCents,
      agreedCents: p.agreedCents, piaCents: p.piaCents, piaFlag: p.piaFlag, observations: p.observations,
    })),
    observations: ws.observations.map((o) => ({ ...o, photos: o.photos.map(file) })),
    requests: ws.requests.map((r) => ({ ...r, answer: r.answer ? { ...r.answer, documents: r.answer.documents.map(file) } : null })),
    reports: reportSemesters(ws.process.fiscalYear, ws.today).map((s) => ({ ...s, url: `${base}/report.pdf?year=${s.year}&half=${s.half}` })),
  };
}

const writeErrors = { ...commonErrors, 409: errorResponse };

/**
 * Oversight: the committee's workspace (public to read): the opening budget check, observations, requests for
 * information and the municipality's answers; the semi-annual vigilance report; the account of past agreements.
 */
export function oversightRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/oversight';
    const tags = ['oversight'];

    r.get(base, {
      config: { policy: 'public' },
      schema: {
        tags, summary: "The oversight of a process in Execution: each tracked project's state and place in the opening budget (PIA), the committee's observations, the requests for information (overdue first) and their answers, the vigilance reports",
        params: processParams, querystring: langQuery, response: { 200: workspaceSchema, ...commonErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      return present(m.slug, await service.readWorkspace(ctx.db, m.id, request.params.processId, request.actor?.userId ?? null));
    });

    r.put(`${base}/pia`, {
      config: { policy: { action: 'oversight.record_pia' } },
      schema: {
        tags, summary: "Record what the opening budget (PIA) assigns each tracked project (administrators; 0: not included; null: clear), with a reason",
        params: processParams, body: piaBody, response: { 200: workspaceSchema, ...writeErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      return present(m.slug, await service.recordPia(ctx.db, actorOf(request), m.id, request.params.processId, request.body));
    });

    r.post(`${base}/observations`, {
      config: { policy: { action: 'oversight.observe' } },
      schema: {
        tags, summary: 'File an observation on a tracked project, with photos (members of the oversight committee); public with its author\'s name',
        params: processParams, body: observationBody, response: { 201: createdSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const { id, workspace } = await service.fileObservation(ctx.db, actorOf(request), m.id, request.params.processId, request.body);
      return reply.code(201).send({ id, workspace: present(m.slug, workspace) });
    });

    r.post(`${base}/requests`, {
      config: { policy: { action: 'oversight.observe' } },
      schema: {
        tags, summary: 'Send the municipality a request for information about a project or the process, with a deadline of at least 7 working days (members of the oversight committee)',
        params: processParams, body: requestBody, response: { 201: createdSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const { id, workspace } = await service.sendRequest(ctx.db, actorOf(request), m.id, request.params.processId, request.body);
      return reply.code(201).send({ id, workspace: present(m.slug, workspace) });
    });

    r.post(`${base}/requests/:requestId/answer`, {
      config: { policy: { action: 'oversight.answer' } },
      schema: {
        tags, summary: "Answer a request for information once, with documents (the municipality's administrators)",
        params: requestParams, body: answerBody, response: { 200: workspaceSchema, ...writeErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      return present(m.slug, await service.answerRequest(ctx.db, actorOf(request), m.id, request.params.processId, request.params.requestId, request.body));
    });

    r.get(`${base}/report.pdf`, {
      config: { policy: 'public' },
      schema: {
        tags, summary: "The semi-annual vigilance report (PDF): every tracked project's state and PIA check, the semester's observations, the requests and their answers or overdue flag",
        params: processParams, querystring: reportQuery, response: { ...commonErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const process = processOf(request);
      const { year, lang } = request.query;
      const half = request.query.half as Half;
      if (year < process.fiscalYear - 1 || year > process.fiscalYear + 1) {
        throw new AppError('OVERSIGHT_SEMESTER', { half, year, from: process.fiscalYear - 1, to: process.fiscalYear + 1 }, 'year');
      }
      const ws = await service.readWorkspace(ctx.db, m.id, process.id, request.actor?.userId ?? null);
      const pdf = await vigilanceReportPdf(ws, m.name, year, half, lang ?? request.lang);
      return (reply as FastifyReply).header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="informe-vigilancia-${process.fiscalYear}-${year}-s${half}.pdf"`).send(Buffer.from(pdf));
    });

    const accountBase = '/api/municipalities/:slug/accountability';
    const slugOnly = z.strictObject({ slug: z.string().min(1).max(80) });
    r.get(accountBase, {
      config: { policy: 'public' },
      schema: {
        tags, summary: "The account of past agreements (rendición de cuentas): every process with tracked projects, each project done, in progress, not started or cancelled, with its reason",
        params: slugOnly, querystring: langQuery, response: { 200: accountabilitySchema, ...commonErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const years = await accountability(ctx.db, m.id, request.actor?.userId ?? null);
      return { municipality: { slug: m.slug, name: m.name }, years: years.map(({ id, ...y }) => ({ processId: id, ...y })), pdfUrl: `/api/municipalities/${m.slug}/accountability.pdf` };
    });

    r.get(`${accountBase}.pdf`, {
      config: { policy: 'public' },
      schema: { tags, summary: 'The account of past agreements as PDF', params: slugOnly, querystring: langQuery, response: { ...commonErrors } },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const pdf = await accountabilityPdf(await accountability(ctx.db, m.id, request.actor?.userId ?? null), m.name, request.query.lang ?? request.lang);
      return (reply as FastifyReply).header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="rendicion-de-cuentas-${m.slug}.pdf"`).send(Buffer.from(pdf));
    });
  };
}
