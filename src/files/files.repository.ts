import type { Executor } from '../db/database.ts';
import { userNames } from '../accounts/accounts.queries.ts';

/** What is known about an uploaded file, without its content. */
export interface FileSummary {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface StoredFile extends FileSummary {
  content: Buffer;
  uploadedAt: string;
  uploadedBy: string;
}

const SUMMARY_COLUMNS = ['id', 'filename', 'content_type', 'size_bytes', 'sha256'] as const;

function toSummary(r: { id: string; filename: string; content_type: string; size_bytes: number; sha256: string }): FileSummary {
  return { id: r.id, filename: r.filename, contentType: r.content_type, sizeBytes: Number(r.size_bytes), sha256: r.sha256 };
}

export async function insertFile(db: Executor, municipalityId: string, f: StoredFile): Promise<void> {
  await db.insertInto('files').values({
    municipality_id: municipalityId, id: f.id, filename: f.filename, content_type: f.contentType, size_bytes: f.sizeBytes,
    sha256: f.sha256, content: f.content, uploaded_at: f.uploadedAt, uploaded_by: f.uploadedBy,
  }).execute();
}

/** A file of this municipality with its content, or null: a file of another municipality is never found. */
export async function findFile(db: Executor, municipalityId: string, fileId: string): Promise<StoredFile | null> {
  const r = await db.selectFrom('files').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', fileId).executeTakeFirst();
  if (!r) return null;
  const content = Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content as Uint8Array);
  return { ...toSummary(r), content, uploadedAt: r.uploaded_at, uploadedBy: r.uploaded_by };
}

/** Whether this municipality holds the file (for modules that attach files: announcements, training materials). */
export async function fileExists(db: Executor, municipalityId: string, fileId: string): Promise<boolean> {
  const r = await db.selectFrom('files').select('id').where('municipality_id', '=', municipalityId).where('id', '=', fileId).executeTakeFirst();
  return r !== undefined;
}

/**
 * Summaries of the named files of this municipality, in the order asked; ids of unknown files (or of another
 * municipality's) are left out.
 */
export async function fileSummaries(db: Executor, municipalityId: string, fileIds: readonly string[]): Promise<FileSummary[]> {
  if (fileIds.length === 0) return [];
  const rows = await db.selectFrom('files').select(SUMMARY_COLUMNS).where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...new Set(fileIds)]).execute();
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return [...new Set(fileIds)].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** The newest uploads of a municipality, for staff picking a file to attach. */
export async function listFiles(db: Executor, municipalityId: string, limit: number): Promise<(FileSummary & { uploadedAt: string; uploadedByName: string })[]> {
  const rows = await db.selectFrom('files as f')
    .select(['f.id', 'f.filename', 'f.content_type', 'f.size_bytes', 'f.sha256', 'f.uploaded_at', 'f.uploaded_by'])
    .where('f.municipality_id', '=', municipalityId).orderBy('f.uploaded_at', 'desc').orderBy('f.id').limit(limit).execute();
  const names = await userNames(db, rows.map((r) => r.uploaded_by));
  return rows.map((r) => ({ ...toSummary(r), uploadedAt: r.uploaded_at, uploadedByName: names.get(r.uploaded_by) ?? '' }));
}

/** Who uploaded each of the named files of this municipality (file id to user id); unknown files are left out. */
export async function fileUploaders(db: Executor, municipalityId: string, fileIds: readonly string[]): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map();
  const rows = await db.selectFrom('files').select(['id', 'uploaded_by']).where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...new Set(fileIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.uploaded_by]));
}
