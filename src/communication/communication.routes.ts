import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { can } from '../access/policy.ts';
import { commonErrors, errorResponse, named, slugParams } from '../http/schemas.ts';
import { createAnnouncement, listAnnouncements, updateAnnouncement } from './announcements.ts';
import { listOutbox } from './outbox.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { text, multilineText } from '../http/input.ts';

const processParams = z.strictObject({ slug: z.string().min(1).max(80), processId: z.string().min(1).max(80) });
const announcementParams = processParams.extend({ announcementId: z.string().min(1).max(80) });
const announcementBody = named('AnnouncementBody', z.strictObject({
  title: text(200, 3),
  body: multilineText(20_000, 1),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  attachmentIds: z.array(z.string().min(1).max(80)).max(20).default([]),
  publish: z.boolean().default(true),
}));
const announcementSchema = z.object({
  id: z.string(), processId: z.string(), title: z.string(), body: z.string(), startsOn: z.string(), endsOn: z.string(),
  publishedAt: z.string().nullable(), createdAt: z.string(),
  attachments: z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number() })),
});
const manage = { policy: { action: 'announcement.manage' as const } };

export function communicationRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/announcements';

    r.get(base, {
      config: { policy: 'public' },
      schema: { tags: ['communication'], summary: 'Published announcements of the process (drafts too, for those who manage them)', params: processParams, response: { 200: z.object({ announcements: z.array(announcementSchema) }), 404: errorResponse } },
    }, async (request) => {
      const m = municipalityOf(request);
      return { announcements: await listAnnouncements(ctx.db.db, m.id, request.params.processId, { includeDrafts: can(request.actor, 'announcement.manage', m.id) }) };
    });

    r.post(base, {
      config: manage,
      schema: { tags: ['communication'], summary: 'Publish an announcement (or keep it as a draft)', params: processParams, body: announcementBody, response: { 201: announcementSchema, ...commonErrors } },
    }, async (request, reply) => reply.code(201).send(await createAnnouncement(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body)));

    r.put(`${base}/:announcementId`, {
      config: manage,
      schema: { tags: ['communication'], summary: 'Replace an announcement; publish or withdraw it', params: announcementParams, body: announcementBody.extend({ reason: multilineText(2000).optional() }), response: { 200: announcementSchema, ...commonErrors } },
    }, async (request) => updateAnnouncement(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.params.announcementId, request.body));

    r.get('/api/municipalities/:slug/notifications', {
      config: { policy: { action: 'notification.read' } },
      schema: {
        tags: ['communication'], summary: 'The notification outbox: what was sent to whom, and what is pending or failed', params: slugParams,
        querystring: z.strictObject({ topic: text(60).optional(), relatedId: text(80).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }),
        response: {
          200: z.object({ notifications: z.array(z.object({
            id: z.string(), channel: z.enum(['email', 'sms']), recipient: z.string(), subject: z.string(), body: z.string(), topic: z.string(),
            relatedType: z.string().nullable(), relatedId: z.string().nullable(), status: z.enum(['pending', 'sent', 'failed']), attempts: z.number(),
            lastError: z.string().nullable(), createdAt: z.string(), sentAt: z.string().nullable(), sentVia: z.string().nullable(),
          })) }),
          ...commonErrors,
        },
      },
    }, async (request) => ({ notifications: await listOutbox(ctx.db.db, municipalityOf(request).id, request.query) }));
  };
}
