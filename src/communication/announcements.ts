import type { DatabaseHandle, Executor } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../shared/errors.ts';
import { addDays, localDate, newId, now } from '../shared/clock.ts';
import { requireProcess } from '../processes/process.queries.ts';
import { fileSummaries } from '../files/files.queries.ts';
import type { Announcement } from '@concerta/contracts';

export type { Announcement };

/** A public announcement of a process: the call (convocatoria), a session, a result; with attached documents. */

export interface AnnouncementInput {
  title: string;
  body: string;
  startsOn: string;
  endsOn: string;
  attachmentIds: string[];
  publish: boolean;
}

export async function listAnnouncements(db: Executor, municipalityId: string, processId: string, opts: { includeDrafts: boolean }): Promise<Announcement[]> {
  let q = db.selectFrom('announcements').selectAll().where('municipality_id', '=', municipalityId).where('process_id', '=', processId);
  if (!opts.includeDrafts) q = q.where('published_at', 'is not', null);
  const rows = await q.orderBy('starts_on', 'desc').orderBy('created_at', 'desc').execute();
  const links = rows.length === 0 ? [] : await db.selectFrom('announcement_attachments').select(['announcement_id', 'file_id'])
    .where('municipality_id', '=', municipalityId).where('announcement_id', 'in', rows.map((r) => r.id)).execute();
  const files = new Map((await fileSummaries(db, municipalityId, links.map((l) => l.file_id))).map((f) => [f.id, f]));
  // Each announcement's documents by file name, as the files area names them.
  const attachments = links.flatMap((l) => (files.has(l.file_id) ? [{ announcement_id: l.announcement_id, ...files.get(l.file_id)! }] : []))
    .sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
  return rows.map((r) => ({
    id: r.id, processId: r.process_id, title: r.title, body: r.body, startsOn: r.starts_on, endsOn: r.ends_on,
    publishedAt: r.published_at, createdAt: r.created_at,
    attachments: attachments.filter((a) => a.announcement_id === r.id)
      .map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, sizeBytes: a.sizeBytes })),
  }));
}

async function checkInput(handle: DatabaseHandle, municipalityId: string, processId: string, input: AnnouncementInput): Promise<void> {
  await requireProcess(handle.db, municipalityId, processId);
  if (input.endsOn < input.startsOn) throw new AppError('VALIDATION', { rule: 'min', min: input.startsOn }, 'endsOn');
  // An announcement is shown for days or months, around now: a year like 0000 or 9999 is a typo.
  const from = addDays(localDate(), -366);
  const to = addDays(localDate(), 2 * 366);
  for (const field of ['startsOn', 'endsOn'] as const) {
    if (input[field] < from || input[field] > to) throw new AppError('VALIDATION', { rule: 'date_range', from, to }, field);
  }
  if (input.attachmentIds.length > 0) {
    const known = new Set((await fileSummaries(handle.db, municipalityId, input.attachmentIds)).map((f) => f.id));
    const missing = input.attachmentIds.find((id) => !known.has(id));
    if (missing) throw new AppError('UNKNOWN_REFERENCE', { what: 'file', value: missing }, 'attachmentIds');
  }
}

export async function createAnnouncement(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: AnnouncementInput): Promise<Announcement> {
  await checkInput(handle, municipalityId, processId, input);
  const id = newId();
  const at = now();
  await handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('announcements').values({
      municipality_id: municipalityId, id, process_id: processId, title: input.title, body: input.body, starts_on: input.startsOn,
      ends_on: input.endsOn, published_at: input.publish ? at : null, created_at: at, created_by: actor.userId,
    }).execute();
    for (const fileId of new Set(input.attachmentIds)) {
      await trx.insertInto('announcement_attachments').values({ municipality_id: municipalityId, announcement_id: id, file_id: fileId }).execute();
    }
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: input.publish ? 'announcement.publish' : 'announcement.draft',
      entityType: 'announcement', entityId: id, data: { processId, title: input.title, attachments: input.attachmentIds },
    });
  });
  return (await listAnnouncements(handle.db, municipalityId, processId, { includeDrafts: true })).find((a) => a.id === id)!;
}

export async function updateAnnouncement(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, id: string, input: AnnouncementInput & { reason?: string | undefined }): Promise<Announcement> {
  const current = (await listAnnouncements(handle.db, municipalityId, processId, { includeDrafts: true })).find((a) => a.id === id);
  if (!current) throw new AppError('NOT_FOUND', { what: `announcement ${id}` });
  await checkInput(handle, municipalityId, processId, input);
  const publishedAt = input.publish ? (current.publishedAt ?? now()) : null;
  await handle.db.transaction().execute(async (trx) => {
    await trx.updateTable('announcements').set({ title: input.title, body: input.body, starts_on: input.startsOn, ends_on: input.endsOn, published_at: publishedAt })
      .where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    await trx.deleteFrom('announcement_attachments').where('municipality_id', '=', municipalityId).where('announcement_id', '=', id).execute();
    for (const fileId of new Set(input.attachmentIds)) {
      await trx.insertInto('announcement_attachments').values({ municipality_id: municipalityId, announcement_id: id, file_id: fileId }).execute();
    }
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'announcement.update', entityType: 'announcement', entityId: id,
      reason: input.reason ?? null, data: { published: input.publish, title: input.title, before: { title: current.title, publishedAt: current.publishedAt } },
    });
  });
  return (await listAnnouncements(handle.db, municipalityId, processId, { includeDrafts: true })).find((a) => a.id === id)!;
}

/** Whether the file is attached to a published announcement: then it is a public document. */
export async function isPublishedAttachment(db: Executor, municipalityId: string, fileId: string): Promise<boolean> {
  const row = await db.selectFrom('announcement_attachments as a')
    .innerJoin('announcements as n', (j) => j.onRef('n.municipality_id', '=', 'a.municipality_id').onRef('n.id', '=', 'a.announcement_id'))
    .select('a.file_id').where('a.municipality_id', '=', municipalityId).where('a.file_id', '=', fileId)
    .where('n.published_at', 'is not', null).limit(1).executeTakeFirst();
  return row !== undefined;
}
