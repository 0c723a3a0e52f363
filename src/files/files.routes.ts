import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse, named, slugParams } from '../http/schemas.ts';
import { AppError } from '../shared/errors.ts';
import { MAX_FILE_BYTES, contentDisposition, fileDownloadPath } from './file-types.ts';
import { listFiles } from './files.repository.ts';
import * as service from './files.service.ts';
import { mayDownload } from './files.policy.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';

export const fileSummarySchema = named('StoredFile', z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
}));

const fileParams = z.strictObject({ slug: z.string().min(1).max(80), fileId: z.string().min(1).max(80) });

/** Reads the one file of a multipart upload (field `file`), refusing anything more or less. */
async function readSingleFile(request: FastifyRequest): Promise<{ filename: string; content: Buffer }> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { type: String(request.headers['content-type'] ?? '-').split(';')[0] });
  }
  let upload: { filename: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file' || part.fieldname !== 'file' || upload) throw new AppError('FILE_COUNT', {}, 'file');
      upload = { filename: part.filename, content: await part.toBuffer() };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxMb: MAX_FILE_BYTES / (1024 * 1024) }, 'file');
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError('FILE_COUNT', {}, 'file');
    throw err;
  }
  if (!upload) throw new AppError('FILE_COUNT', {}, 'file');
  return upload;
}

export function filesRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    // Multipart only here: the rest of the API stays JSON.
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0, parts: 1 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/files';

    // One upload, two addresses: `/files` for documents to attach, `/files/evidence` for a challenge's evidence (the
    // address its clients use). A file is public only once something public shows it, whichever address took it.
    for (const [url, summary] of [
      [base, 'Upload one document (multipart/form-data, field "file"; at most 10 MB; PDF, PNG, JPEG, WebP, DOCX, XLSX, ODT, ODS, TXT, CSV)'],
      [`${base}/evidence`, 'Upload the evidence for a challenge (registered agents and staff; same types and size as any upload). It stays for staff only.'],
    ] as const) {
      r.post(url, {
        config: { policy: { action: 'file.attach' } },
        schema: {
          tags: ['files'], summary, consumes: ['multipart/form-data'], params: slugParams,
          response: { 201: fileSummarySchema, ...commonErrors, 413: errorResponse, 415: errorResponse },
        },
      }, async (request, reply) => {
        const upload = await readSingleFile(request);
        const file = await service.uploadFile(ctx.db, actorOf(request), municipalityOf(request).id, upload);
        return reply.code(201).send(file);
      });
    }

    r.get(base, {
      config: { policy: { action: 'file.upload' } },
      schema: {
        tags: ['files'], summary: "The municipality's newest uploads (staff, to pick a file to attach)",
        params: slugParams,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100), lang: z.enum(['es', 'en']).optional() }),
        response: {
          200: z.object({ files: z.array(fileSummarySchema.extend({ uploadedAt: z.string(), uploadedByName: z.string(), url: z.string() })) }),
          ...commonErrors,
        },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const files = await listFiles(ctx.db.db, m.id, request.query.limit);
      return { files: files.map((f) => ({ ...f, url: fileDownloadPath(m.slug, f.id) })) };
    });

    r.get(`${base}/:fileId`, {
      config: { policy: 'public' },
      schema: {
        tags: ['files'],
        summary: 'Download a document: public once attached to something public (a published announcement, a training session); otherwise staff who upload only. ETag is the SHA-256.',
        params: fileParams,
        response: { 404: errorResponse },
      },
    }, async (request, typedReply) => {
      // The answer is the file itself, not a JSON shape.
      const reply = typedReply as FastifyReply;
      const m = municipalityOf(request);
      const checks = await Promise.all(ctx.publicFileChecks.map((isPublic) => isPublic(ctx.db.db, m.id, request.params.fileId)));
      const isPublic = checks.some(Boolean);
      // A file nobody shows publicly is a 404 to others: its existence is not told either.
      if (!mayDownload(request.actor, m.id, isPublic)) throw new AppError('NOT_FOUND', { what: `file ${request.params.fileId}` });
      const file = await service.getFile(ctx.db, m.id, request.params.fileId);
      const etag = `"${file.sha256}"`;
      reply
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', isPublic ? 'public, max-age=300' : 'private, no-store');
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch && ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === etag || t === '*')) {
        return reply.code(304).send();
      }
      return reply
        .header('content-type', file.contentType.startsWith('text/') ? `${file.contentType}; charset=utf-8` : file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('content-length', String(file.sizeBytes))
        .send(file.content);
    });
  };
}
