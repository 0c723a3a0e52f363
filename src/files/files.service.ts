import { createHash } from 'node:crypto';
import type { DatabaseHandle } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../shared/errors.ts';
import { newId, now } from '../shared/clock.ts';
import { ALLOWED_LABELS, checkFileType, cleanFilename } from './file-types.ts';
import { findFile, insertFile, type FileSummary, type StoredFile } from './files.repository.ts';

/** Stores an uploaded document after checking its name and content; the upload and its audit entry commit together. */
export async function uploadFile(handle: DatabaseHandle, actor: Actor, municipalityId: string, upload: { filename: string; content: Buffer }): Promise<FileSummary> {
  const filename = cleanFilename(upload.filename);
  if (upload.content.length === 0) throw new AppError('FILE_EMPTY', { filename }, 'file');
  const check = checkFileType(filename, upload.content);
  if (!check.ok) throw new AppError('FILE_TYPE_NOT_ALLOWED', { type: check.type, allowed: ALLOWED_LABELS }, 'file');
  const file: StoredFile = {
    id: newId(), filename, contentType: check.contentType, sizeBytes: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'), content: upload.content,
    uploadedAt: now(), uploadedBy: actor.userId,
  };
  await handle.db.transaction().execute(async (trx) => {
    await insertFile(trx, municipalityId, file);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'file.upload', entityType: 'file', entityId: file.id,
      data: { filename, contentType: file.contentType, sizeBytes: file.sizeBytes, sha256: file.sha256 },
    });
  });
  return { id: file.id, filename, contentType: file.contentType, sizeBytes: file.sizeBytes, sha256: file.sha256 };
}

export async function getFile(handle: DatabaseHandle, municipalityId: string, fileId: string): Promise<StoredFile> {
  const file = await findFile(handle.db, municipalityId, fileId);
  if (!file) throw new AppError('NOT_FOUND', { what: `file ${fileId}` });
  return file;
}
