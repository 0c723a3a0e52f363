import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import type { Tenant } from '../http/scope.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { processOf } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { municipalityUbigeo } from '../territory/territory.queries.ts';
import { AppError, nameOf } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import type { AmendmentChange } from './approval.ts';
import { mefCsv, mefExport } from './approval.export.ts';
import * as service from './approval.service.ts';
import { amendmentBody, answerBody, chainSchema, investmentCodeBody, langQuery, mefExportSchema, processParams, projectParams, sessionBody } from './approval.schemas.ts';

const writeErrors = { ...commonErrors, 409: errorResponse } as const;
const record = { policy: { action: 'approval.record' as const } };
const tags = ['approval'];

function present(m: Tenant, process: Process, c: service.ApprovalChain, lang: Lang) {
  const base = `/api/municipalities/${m.slug}/processes/${process.id}/approval`;
  return {
    process: { id: process.id, fiscalYear: process.fiscalYear, phase: process.phase, name: process.name },
    ...c,
    stepText: c.step === 'formalized' ? '' : nameOf(`approval.${c.step}`, lang),
    exports: c.formalized ? { csv: `${base}/export.csv`, json: `${base}/export.json` } : null,
  };
}

function change(body: { kind: AmendmentChange['kind']; proposalId: string; replacementId?: string | undefined; amountCents?: number | undefined }): AmendmentChange {
  if (body.kind === 'withdraw') return { kind: 'withdraw', proposalId: body.proposalId };
  if (body.kind === 'replace') {
    if (!body.replacementId) throw new AppError('VALIDATION', { rule: 'required' }, 'replacementId');
    return { kind: 'replace', proposalId: body.proposalId, replacementId: body.replacementId };
  }
  if (body.amountCents === undefined) throw new AppError('VALIDATION', { rule: 'required' }, 'amountCents');
  return { kind: 'change_amount', proposalId: body.proposalId, amountCents: body.amountCents };
}

/** The approval chain of the formalized list: its public page, the sessions, answers, amendments, codes and the MEF export. */
export function approvalRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/approval';

    r.get(base, {
      config: { policy: 'public' },
      schema: {
        tags, summary: 'The approval chain of the list the vote adopted: the CCL\'s and the council\'s sessions, the answers to their observations, where it stands, the list and its amendments',
        params: processParams, querystring: langQuery, response: { 200: chainSchema, 404: errorResponse },
      },
    }, async (request) => present(municipalityOf(request), processOf(request), await service.approvalChain(ctx.db.db, municipalityOf(request).id, request.params.processId), request.lang));

    r.post(`${base}/sessions`, {
      config: record,
      schema: {
        tags, summary: 'Record a session of the CCL or, after its approval, of the council on the list: approved, or returned with observations (administrator, in Formalization); the council\'s approval freezes the list',
        params: processParams, querystring: langQuery, body: sessionBody, response: { 201: chainSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const c = await service.recordSession(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, { ...request.body, observations: request.body.observations ?? null });
      return reply.code(201).send(present(municipalityOf(request), processOf(request), c, request.lang));
    });

    r.post(`${base}/answers`, {
      config: record,
      schema: {
        tags, summary: 'Record the municipality\'s answer to the observations of the session that returned the list, before resubmitting it (administrator)',
        params: processParams, querystring: langQuery, body: answerBody, response: { 201: chainSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const c = await service.answerObservations(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body.answerText);
      return reply.code(201).send(present(municipalityOf(request), processOf(request), c, request.lang));
    });

    r.post(`${base}/amendments`, {
      config: record,
      schema: {
        tags, summary: 'Amend the formalized list (withdraw a project, replace it by an alternate of its envelope, change its amount) as a vote decided it (administrator)',
        params: processParams, querystring: langQuery, body: amendmentBody, response: { 201: chainSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const { reason, vote } = request.body;
      const c = await service.amend(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, { change: change(request.body), reason, vote });
      return reply.code(201).send(present(municipalityOf(request), processOf(request), c, request.lang));
    });

    r.put(`${base}/projects/:proposalId/investment-code`, {
      config: record,
      schema: {
        tags, summary: 'Set or clear (null) a project\'s code in the national investment system (Invierte.pe, formerly SNIP), with the reason (administrator)',
        params: projectParams, querystring: langQuery, body: investmentCodeBody, response: { 200: chainSchema, ...writeErrors },
      },
    }, async (request) => {
      const c = await service.setInvestmentCode(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.proposalId, {
        investmentCode: request.body.investmentCode === '' ? null : request.body.investmentCode, reason: request.body.reason,
      });
      return present(municipalityOf(request), processOf(request), c, request.lang);
    });

    async function exported(m: Tenant, p: Process) {
      const list = await service.formalizedList(ctx.db.db, m.id, p.id);
      if (!list) {
        const chain = await service.approvalChain(ctx.db.db, m.id, p.id);
        throw new AppError('LIST_NOT_FORMALIZED', { body: `approval.${chain.step}` });
      }
      const ubigeo = await municipalityUbigeo(ctx.db.db, m.id);
      return mefExport({ process: { id: p.id, fiscalYear: p.fiscalYear, name: p.name }, municipality: { name: m.name, slug: m.slug, ubigeo } }, list);
    }

    r.get(`${base}/export.json`, {
      config: { policy: 'public' },
      schema: {
        tags, summary: 'The formalized list for the Ministry of Economy and Finance (MEF), as JSON with its versioned schema: one row per funded project with its financing by source; refused before formalization',
        params: processParams, response: { 200: mefExportSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const data = await exported(municipalityOf(request), processOf(request));
      return (reply as FastifyReply).header('content-disposition', `attachment; filename="lista-formalizada-${data.process.fiscalYear}.json"`).send(data);
    });

    r.get(`${base}/export.csv`, {
      config: { policy: 'public' },
      schema: {
        tags, summary: 'The formalized list for the MEF as CSV (the JSON export\'s fields, amounts in soles); refused before formalization',
        params: processParams, response: { ...writeErrors },
      },
    }, async (request, reply) => {
      const data = await exported(municipalityOf(request), processOf(request));
      return (reply as FastifyReply).header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="lista-formalizada-${data.process.fiscalYear}.csv"`).send(mefCsv(data));
    });
  };
}
