import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { answerChallenge, decideChallenges, fileChallenge } from './registration-challenges.service.ts';
import { listsView, publicAct, publishDefinitiveList, publishPreliminaryList, setCommission, staffActHtml } from './registration-lists.service.ts';
import { answerBody, challengeBody, commissionBody, challengeDecisionBody, challengeParams, listsViewSchema, publicChallengeSchema } from './registration-lists.schemas.ts';
import { processParams } from './registration.schemas.ts';

const writeErrors = { ...commonErrors, 409: errorResponse };

/**
 * The lists and challenges of Preparation: the public lists page (GET .../lists), the administrator's publications,
 * challenges (any approved agent), answers (the challenged party), decisions (administrator), the accreditation act.
 */
export function registrationListRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId';
    const tags = ['registration'];

    r.get(`${base}/lists`, {
      config: { policy: 'public' },
      schema: { tags, summary: 'The preliminary and definitive lists with their changes, the challenges and their outcomes (no DNI, no contact)', params: processParams, response: { 200: listsViewSchema, ...commonErrors } },
    }, async (request) => listsView(ctx.db, municipalityOf(request).id, request.params.processId, request.actor ?? null));

    r.post(`${base}/lists/preliminary`, {
      config: { policy: { action: 'registration.publish_list' } },
      schema: { tags, summary: 'Publish the preliminary list (administrator; from its date on, once)', params: processParams, response: { 201: listsViewSchema, ...writeErrors } },
    }, async (request, reply) => reply.code(201).send(await publishPreliminaryList(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId)));

    r.post(`${base}/lists/definitive`, {
      config: { policy: { action: 'registration.publish_list' } },
      schema: { tags, summary: 'Publish the definitive list and its accreditation act (administrator; after the window, every challenge decided)', params: processParams, response: { 201: listsViewSchema, ...writeErrors } },
    }, async (request, reply) => reply.code(201).send(await publishDefinitiveList(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId)));

    r.get(`${base}/lists/definitive/act.html`, {
      config: { policy: 'public' },
      schema: { tags, summary: 'The accreditation act, public copy (no DNI), as HTML', params: processParams, response: { 404: errorResponse } },
    }, async (request, typedReply) => {
      const act = await publicAct(ctx.db, municipalityOf(request).id, request.params.processId);
      return (typedReply as FastifyReply).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(act.html);
    });

    r.get(`${base}/lists/definitive/act.pdf`, {
      config: { policy: 'public' },
      schema: { tags, summary: 'The accreditation act, public copy (no DNI), as PDF; ETag is its SHA-256, recorded in the audit log', params: processParams, response: { 404: errorResponse } },
    }, async (request, typedReply) => {
      const act = await publicAct(ctx.db, municipalityOf(request).id, request.params.processId);
      return (typedReply as FastifyReply).header('content-type', 'application/pdf').header('etag', `"${act.sha256}"`)
        .header('content-disposition', 'inline; filename="acta-de-acreditacion.pdf"').send(act.pdf);
    });

    r.get(`${base}/lists/definitive/act-staff.html`, {
      config: { policy: { action: 'registration.read' } },
      schema: { tags, summary: 'The accreditation act with the DNI column (staff only, never published)', params: processParams, response: { ...commonErrors } },
    }, async (request, typedReply) => {
      const html = await staffActHtml(ctx.db, municipalityOf(request).id, request.params.processId);
      return (typedReply as FastifyReply).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(html);
    });

    r.post(`${base}/challenges`, {
      config: { policy: 'signed-in' },
      schema: { tags, summary: 'Challenge a registration on the preliminary list (an approved agent, within the window; once per registration)', params: processParams, body: challengeBody, response: { 201: publicChallengeSchema, ...writeErrors } },
    }, async (request, reply) => reply.code(201).send(await fileChallenge(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body)));

    r.post(`${base}/challenges/:challengeId/answer`, {
      config: { policy: 'signed-in' },
      schema: { tags, summary: 'Answer a challenge to your registration (once, until the window closes)', params: challengeParams, body: answerBody, response: { 200: publicChallengeSchema, ...writeErrors } },
    }, async (request) => answerChallenge(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.challengeId, request.body.answer));

    r.put(`${base}/lists/commission`, {
      config: { policy: { action: 'registration.publish_list' } },
      schema: { tags, summary: 'Name the accreditation commission of the process (administrator; until the definitive list)', params: processParams, body: commissionBody, response: { 200: listsViewSchema, ...writeErrors } },
    }, async (request) => setCommission(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body.userIds, request.body.reason));

    // Signed in: the administrator or a member of this process's commission (checked with the decision, registration.policy.ts).
    r.post(`${base}/challenges/:challengeId/decision`, {
      config: { policy: 'signed-in' },
      schema: { tags, summary: 'Decide a challenge with a reason: uphold (the registration is withdrawn) or dismiss (administrator or commission member, not a party)', params: challengeParams, body: challengeDecisionBody, response: { 200: publicChallengeSchema, ...writeErrors } },
    }, async (request) => {
      const [decided] = await decideChallenges(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, [request.params.challengeId], request.body);
      return decided!;
    });
  };
}
