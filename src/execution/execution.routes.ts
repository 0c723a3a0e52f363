import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { fileDownloadPath } from '../files/file-types.ts';
import { processOf } from '../processes/process.queries.ts';
import { soles } from '../processes/process-settings.ts';
import { AppError, ruleText } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { percentToTenths } from './execution.ts';
import type { ReportWarning } from './execution-report.ts';
import * as service from './execution.service.ts';
import { ExecutionImportJobs, importProgress } from './execution-import.service.ts';
import {
  documentBody, importJobSchema, importQuery, importReportSchema, jobParams, langQuery, listQuery, milestoneBody, milestoneParams, milestoneUpdateBody,
  processParams, projectParams, projectSchema, reportAnswerSchema, reportBody, trackedListSchema, type HistoryChanges,
} from './execution.schemas.ts';

/** Largest progress CSV accepted (a budget system's export of a year's projects is far smaller). */
const CSV_BODY_LIMIT = 5 * 1024 * 1024;

function present(slug: string, processId: string, fiscalYear: number, p: service.ProjectView) {
  return {
    ...p, processId, fiscalYear,
    documents: p.documents.map((d) => ({ id: d.id, fileId: d.fileId, kind: d.kind, caption: d.caption, filename: d.filename, contentType: d.contentType, url: fileDownloadPath(slug, d.fileId), addedAt: d.addedAt })),
    reports: p.reports.map((r) => ({ id: r.id, seq: r.seq, kind: r.kind, reportedOn: r.reportedOn, changes: r.changes as HistoryChanges, reason: r.reason, fromImport: r.importId !== null, at: r.at, byName: r.byName })),
    milestones: p.milestones.map((m) => ({ id: m.id, name: m.name, plannedOn: m.plannedOn, actualOn: m.actualOn, overdue: m.overdue })),
  };
}

function warningTexts(warnings: readonly ReportWarning[], lang: Lang): string[] {
  return warnings.map((w) => ruleText(w.rule, { code: w.params.code, executed: soles(w.params.executedCents), budgeted: soles(w.params.budgetedCents) }, lang));
}

const writeErrors = { ...commonErrors, 409: errorResponse };

/** Execution: the public tracking of the funded projects, and the administrators' reports and CSV import. */
export function executionRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) => done(null, body));
    const jobs = new ExecutionImportJobs(ctx.db, (err) => app.log.error({ err }, 'execution CSV import failed'));
    app.addHook('onClose', () => jobs.settled());

    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/execution';
    const tags = ['execution'];

    r.get(base, {
      config: { policy: 'public' },
      schema: {
        tags, summary: "A process's tracked projects (every funded project once the process is in Execution): status, physical and financial progress, behind schedule; filtered by status and zone, a page at a time",
        params: processParams, querystring: listQuery, response: { 200: trackedListSchema, ...commonErrors },
      },
    }, async (request) => {
      const { status, zoneId, page, pageSize } = request.query;
      const list = await service.listTracked(ctx.db, municipalityOf(request).id, request.params.processId, { status, zoneId }, { page, pageSize }, request.actor?.userId ?? null);
      return {
        process: { id: list.process.id, fiscalYear: list.process.fiscalYear, phase: list.process.phase }, tracking: list.tracking, total: list.total,
        page, pageSize, counts: list.counts, zones: list.zones, projects: list.projects,
      };
    });

    r.get(`${base}/projects/:projectId`, {
      config: { policy: 'public' },
      schema: {
        tags, summary: 'One tracked project: budget lines (budgeted and executed by source), milestones, photos and documents, and the history of its reports',
        params: projectParams, querystring: langQuery, response: { 200: projectSchema, ...commonErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const p = await service.readProject(ctx.db, m.id, request.params.processId, request.params.projectId, request.actor?.userId ?? null);
      return present(m.slug, request.params.processId, processOf(request).fiscalYear, p);
    });

    r.post(`${base}/projects/:projectId/reports`, {
      config: { policy: { action: 'execution.manage' } },
      schema: {
        tags, summary: "Report a project's progress: status (the transition table; a reason to suspend or cancel), physical %, executed per source, investment code (administrators)",
        params: projectParams, body: reportBody, response: { 201: reportAnswerSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const { physicalPercent, ...body } = request.body;
      let physicalTenths: number | undefined;
      if (physicalPercent !== undefined) {
        const tenths = percentToTenths(physicalPercent);
        if (tenths === null) throw new AppError('EXECUTION_PHYSICAL_RANGE', { value: physicalPercent }, 'physicalPercent');
        physicalTenths = tenths;
      }
      const answer = await service.report(ctx.db, actorOf(request), m.id, request.params.processId, request.params.projectId, { ...body, physicalTenths });
      return reply.code(201).send({ project: present(m.slug, request.params.processId, processOf(request).fiscalYear, answer.project), warnings: warningTexts(answer.warnings, request.lang) });
    });

    r.post(`${base}/projects/:projectId/milestones`, {
      config: { policy: { action: 'execution.manage' } },
      schema: { tags, summary: 'Add a milestone: name, planned date, actual date when reached (administrators)', params: projectParams, body: milestoneBody, response: { 201: projectSchema, ...writeErrors } },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const p = await service.addMilestone(ctx.db, actorOf(request), m.id, request.params.processId, request.params.projectId, request.body);
      return reply.code(201).send(present(m.slug, request.params.processId, processOf(request).fiscalYear, p));
    });

    r.put(`${base}/projects/:projectId/milestones/:milestoneId`, {
      config: { policy: { action: 'execution.manage' } },
      schema: { tags, summary: 'Change a milestone (its actual date once reached, or a new planned date), with the reason (administrators)', params: milestoneParams, body: milestoneUpdateBody, response: { 200: projectSchema, ...writeErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const { reason, ...input } = request.body;
      return present(m.slug, request.params.processId, processOf(request).fiscalYear,
        await service.updateMilestone(ctx.db, actorOf(request), m.id, request.params.processId, request.params.projectId, request.params.milestoneId, { ...input, reason }));
    });

    r.post(`${base}/projects/:projectId/documents`, {
      config: { policy: { action: 'execution.manage' } },
      schema: { tags, summary: 'Add a photo or document of the works (uploaded through the files area; public from then on) (administrators)', params: projectParams, body: documentBody, response: { 201: projectSchema, ...writeErrors } },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const p = await service.addDocument(ctx.db, actorOf(request), m.id, request.params.processId, request.params.projectId, request.body);
      return reply.code(201).send(present(m.slug, request.params.processId, processOf(request).fiscalYear, p));
    });

    const importSummary = 'Columns: proyecto or codigo_inversion, fecha [, avance_fisico, ejecutado_<source code>, estado, motivo]';
    const importDescription = 'Raw body, Content-Type: text/csv, UTF-8, max 5 MB, one row per project. Separator , or ; (from the header line). fecha: YYYY-MM-DD or DD/MM/YYYY; '
      + 'avance_fisico: 0-100, one decimal; ejecutado_pp, ejecutado_aporte1, ejecutado_convenio1 ...: soles executed so far of that source; estado: en diseño, en licitación, en ejecución, concluido, suspendido, cancelado; '
      + 'motivo: required to suspend or cancel. An empty cell leaves the figure as it is. mode=dry-run (default) writes nothing and lists each row\'s errors and changes; '
      + 'all-or-nothing writes every row or none (422 EXECUTION_CSV_INVALID_ROWS, details.report). Lines are numbered as in the file, header = line 1.';
    const csvBody = z.any().describe('The CSV file itself, as the raw request body (Content-Type: text/csv)');
    const fileOf = (body: unknown, contentType: string | undefined): Buffer => {
      if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { type: contentType ?? 'none' });
      return body;
    };

    r.post(`${base}/import`, {
      config: { policy: { action: 'execution.manage' } },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags, summary: `Import the budget system's progress CSV and answer the report. ${importSummary}`, description: importDescription,
        params: processParams, querystring: importQuery, consumes: ['text/csv'], body: csvBody,
        response: { 200: importReportSchema, ...writeErrors, 413: errorResponse, 415: errorResponse, 422: errorResponse },
      },
    }, async (request) => importProgress(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, fileOf(request.body, request.headers['content-type']), request.query.mode, request.lang));

    r.post(`${base}/import-jobs`, {
      config: { policy: { action: 'execution.manage' } },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags, summary: `Start importing the progress CSV as a job, to poll for its progress and report. ${importSummary}`,
        description: `${importDescription} Answers 202 with the job; its report, or the error the plain import would answer, comes with GET .../import-jobs/:jobId.`,
        params: processParams, querystring: importQuery, consumes: ['text/csv'], body: csvBody,
        response: { 202: importJobSchema, ...writeErrors, 413: errorResponse, 415: errorResponse },
      },
    }, async (request, reply) => {
      const file = fileOf(request.body, request.headers['content-type']);
      return reply.code(202).send(jobs.start(actorOf(request), municipalityOf(request).id, request.params.processId, file, request.query.mode, request.lang));
    });

    r.get(`${base}/import-jobs/:jobId`, {
      config: { policy: { action: 'execution.manage' } },
      schema: { tags, summary: 'An import job: its progress (rows parsed, validated, written of the total), then its report or error', params: jobParams, querystring: langQuery, response: { 200: importJobSchema, ...commonErrors } },
    }, async (request) => jobs.read(municipalityOf(request).id, request.params.processId, request.params.jobId, request.lang));
  };
}
