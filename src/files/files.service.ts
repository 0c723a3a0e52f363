import { createHash } from 'node:crypto';
import type { DatabaseHandle, Dialect, Executor } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../shared/errors.ts';
import { newId, now } from '../shared/clock.ts';
import { ALLOWED_LABELS, checkFileType, cleanFilename } from './file-types.ts';
import { findFile, insertFile, type FileSummary, type StoredFile } from './files.repository.ts';

/** Stores an uploaded document after checking its name and content; the upload and its audit entry commit together. */
export async function uploadFile(handle: DatabaseHandle, actor: Actor, municipalityId: string, upload: { filename: string; content: Buffer }): Promise<FileSummary> {
  return handle.db.transaction().execute((trx) => storeFile(trx, handle.dialect, actor.userId, municipalityId, upload, now()));
}

/**
 * Checks a document's name and content and stores it, with its audit entry, inside the caller's transaction (an
 * upload; the demo's signed documents).
 */
export async function storeFile(trx: Executor, dialect: Dialect, actorId: string, municipalityId: string, upload: { filename: string; content: Buffer }, at: string): Promise<FileSummary> {
  const filename = cleanFilename(upload.filename);
  if (upload.content.length === 0) throw new AppError('FILE_EMPTY', { filename }, 'file');
  const check = checkFileType(filename, upload.content);
  if (!check.ok) throw new AppError('FILE_TYPE_NOT_ALLOWED', { type: check.type, allowed: ALLOWED_LABELS }, 'file');
  const file: StoredFile = {
    id: newId(), filename, contentType: check.contentType, sizeBytes: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'), content: upload.content,
    uploadedAt: at, uploadedBy: actorId,
  };
  await insertFile(trx, municipalityId, file);
  await appendAudit(trx, dialect, {
    scope: municipalityId, actorId, action: 'file.upload', entityType: 'file', entityId: file.id,
    data: { filename, contentType: file.contentType, sizeBytes: file.sizeBytes, sha256: file.sha256 },
  });
  return { id: file.id, filename, contentType: file.contentType, sizeBytes: file.sizeBytes, sha256: file.sha256 };
}

export async function getFile(handle: DatabaseHandle, municipalityId: string, fileId: string): Promise<StoredFile> {
  const file = await findFile(handle.db, municipalityId, fileId);
  if (!file) throw new AppError('NOT_FOUND', { what: `file ${fileId}` });
  return file;
}
