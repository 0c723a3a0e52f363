import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { processOf } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { preconditionText, preconditionTexts } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import * as service from './acta.service.ts';
import { actaPdf } from './acta.documents.ts';
import { draftBody, draftSchema, issueBody, issuedSchema, processParams, scanBody, versionParams } from './acta.schemas.ts';

const writeErrors = { ...commonErrors, 409: errorResponse };

/** The Acta de Acuerdos y Compromisos: staff's draft (session, signatories) and issue; everyone's issued versions and PDFs. */
export function actaRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/acta';
    const tags = ['acta'];

    const withScanUrl = (slug: string) => (v: service.VersionView) => ({
      ...v, scan: v.scan ? { ...v.scan, url: `/api/municipalities/${slug}/files/${v.scan.fileId}` } : null,
    });
    const presentDraft = (slug: string, process: Process, d: service.ActaDraft, lang: Lang) => ({
      process: { id: process.id, name: process.name, fiscalYear: process.fiscalYear, phase: process.phase },
      session: d.session, signatories: d.signatories, versions: d.versions.map(withScanUrl(slug)),
      missing: d.missing.map((m) => ({ code: m.code, message: preconditionText(m.code, m.params, lang), messages: preconditionTexts(m.code, m.params) })),
    });
    const presentIssued = (slug: string, processId: string, a: service.IssuedActa) => {
      const pdfUrl = (v: number) => `/api/municipalities/${slug}/processes/${processId}/acta/versions/${v}/acta.pdf`;
      const scan = withScanUrl(slug);
      return {
        ...scan(a), content: a.content, pdfUrl: pdfUrl(a.version), versions: a.versions.map((v) => ({ ...scan(v), pdfUrl: pdfUrl(v.version) })),
      };
    };

    r.get(base, {
      config: { policy: 'public' },
      schema: { tags, summary: 'The issued Acta de Acuerdos y Compromisos (its latest version), with its SHA-256 and the earlier versions; 404 before it is issued', params: processParams, response: { 200: issuedSchema, ...commonErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      return presentIssued(m.slug, request.params.processId, await service.issuedActa(ctx.db.db, m.id, request.params.processId));
    });

    r.get(`${base}/versions/:version`, {
      config: { policy: 'public' },
      schema: { tags, summary: 'One issued version of the Acta, as it was frozen', params: versionParams, response: { 200: issuedSchema, ...commonErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      return presentIssued(m.slug, request.params.processId, await service.issuedActa(ctx.db.db, m.id, request.params.processId, request.params.version));
    });

    r.get(`${base}/versions/:version/acta.pdf`, {
      config: { policy: 'public' },
      schema: { tags, summary: 'One issued version of the Acta as PDF (Spanish), built from its frozen content, its SHA-256 printed', params: versionParams, response: { ...commonErrors } },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const a = await service.issuedActa(ctx.db.db, m.id, request.params.processId, request.params.version);
      const pdf = await actaPdf(a.content, a.contentHash);
      return (reply as FastifyReply).header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="acta-de-acuerdos-${a.content.process.fiscalYear}-v${a.version}.pdf"`).send(Buffer.from(pdf));
    });

    r.get(`${base}/draft`, {
      config: { policy: { action: 'acta.prepare' } },
      schema: { tags, summary: 'The Acta being prepared: the session, the signatories (with DNI), what is missing to issue it, the versions issued', params: processParams, response: { 200: draftSchema, ...commonErrors } },
    }, async (request) => presentDraft(municipalityOf(request).slug, processOf(request), await service.actaDraft(ctx.db.db, municipalityOf(request).id, request.params.processId), request.lang));

    r.put(`${base}/draft`, {
      config: { policy: { action: 'acta.prepare' } },
      schema: { tags, summary: 'Record the formalization session and the signatories of the Acta (administrators and facilitators; after the issue, with a reason)', params: processParams, body: draftBody, response: { 200: draftSchema, ...writeErrors } },
    }, async (request) => presentDraft(municipalityOf(request).slug, processOf(request), await service.saveDraft(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body), request.lang));

    r.post(`${base}/issue`, {
      config: { policy: { action: 'acta.issue' } },
      schema: { tags, summary: 'Issue the Acta once the vote is closed and the committee elected: its content frozen and hashed as the next version (a correction needs its reason)', params: processParams, body: issueBody, response: { 201: issuedSchema, ...writeErrors } },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const a = await service.issueActa(ctx.db, actorOf(request), m.id, request.params.processId, request.body);
      return reply.code(201).send(presentIssued(m.slug, request.params.processId, a));
    });

    r.put(`${base}/versions/:version/scan`, {
      config: { policy: { action: 'acta.prepare' } },
      schema: { tags, summary: 'Attach the scan of the signed paper Acta to an issued version, public from then on (replacing one needs a reason)', params: versionParams, body: scanBody, response: { 200: issuedSchema, ...writeErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const a = await service.attachScan(ctx.db, actorOf(request), m.id, request.params.processId, request.params.version, request.body);
      return presentIssued(m.slug, request.params.processId, a);
    });
  };
}
