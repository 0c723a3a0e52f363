import type { Executor } from '../db/database.ts';

/** The only place that reads and writes the oversight area's tables. Every query names the municipality. */

export interface PiaEntry { projectId: string; piaCents: number; recordedAt: string; recordedBy: string; reason: string }

export interface Observation { id: string; processId: string; projectId: string; body: string; filedAt: string; filedBy: string }

export interface InfoRequest {
  id: string;
  processId: string;
  projectId: string | null;
  question: string;
  deadline: string;
  sentAt: string;
  sentBy: string;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
}

export type FileOwner = 'observation' | 'answer';

export async function piaOf(db: Executor, municipalityId: string, processId: string): Promise<Map<string, PiaEntry>> {
  const rows = await db.selectFrom('oversight_pia').select(['project_id', 'pia_cents', 'recorded_at', 'recorded_by', 'reason'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  return new Map(rows.map((r) => [r.project_id, { projectId: r.project_id, piaCents: Number(r.pia_cents), recordedAt: r.recorded_at, recordedBy: r.recorded_by, reason: r.reason }]));
}

/** Records (or replaces) a project's PIA amount. */
export async function upsertPia(db: Executor, municipalityId: string, processId: string, e: PiaEntry): Promise<void> {
  await db.deleteFrom('oversight_pia').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('project_id', '=', e.projectId).execute();
  await db.insertInto('oversight_pia').values({
    municipality_id: municipalityId, process_id: processId, project_id: e.projectId, pia_cents: e.piaCents, recorded_at: e.recordedAt, recorded_by: e.recordedBy, reason: e.reason,
  }).execute();
}

export async function deletePia(db: Executor, municipalityId: string, processId: string, projectId: string): Promise<void> {
  await db.deleteFrom('oversight_pia').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('project_id', '=', projectId).execute();
}

export async function observationsOf(db: Executor, municipalityId: string, processId: string): Promise<Observation[]> {
  const rows = await db.selectFrom('oversight_observations').select(['id', 'process_id', 'project_id', 'body', 'filed_at', 'filed_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('filed_at', 'desc').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, processId: r.process_id, projectId: r.project_id, body: r.body, filedAt: r.filed_at, filedBy: r.filed_by }));
}

export async function insertObservation(db: Executor, municipalityId: string, o: Observation): Promise<void> {
  await db.insertInto('oversight_observations').values({
    municipality_id: municipalityId, id: o.id, process_id: o.processId, project_id: o.projectId, body: o.body, filed_at: o.filedAt, filed_by: o.filedBy,
  }).execute();
}

const REQUEST_COLUMNS = ['id', 'process_id', 'project_id', 'question', 'deadline', 'sent_at', 'sent_by', 'answer', 'answered_at', 'answered_by'] as const;

function toRequest(r: { id: string; process_id: string; project_id: string | null; question: string; deadline: string; sent_at: string; sent_by: string; answer: string | null; answered_at: string | null; answered_by: string | null }): InfoRequest {
  return {
    id: r.id, processId: r.process_id, projectId: r.project_id, question: r.question, deadline: r.deadline, sentAt: r.sent_at, sentBy: r.sent_by,
    answer: r.answer, answeredAt: r.answered_at, answeredBy: r.answered_by,
  };
}

export async function requestsOf(db: Executor, municipalityId: string, processId: string): Promise<InfoRequest[]> {
  const rows = await db.selectFrom('oversight_requests').select(REQUEST_COLUMNS)
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('sent_at').orderBy('id').execute();
  return rows.map(toRequest);
}

export async function findRequest(db: Executor, municipalityId: string, requestId: string): Promise<InfoRequest | null> {
  const r = await db.selectFrom('oversight_requests').select(REQUEST_COLUMNS)
    .where('municipality_id', '=', municipalityId).where('id', '=', requestId).executeTakeFirst();
  return r ? toRequest(r) : null;
}

export async function insertRequest(db: Executor, municipalityId: string, r: Omit<InfoRequest, 'answer' | 'answeredAt' | 'answeredBy'>): Promise<void> {
  await db.insertInto('oversight_requests').values({
    municipality_id: municipalityId, id: r.id, process_id: r.processId, project_id: r.projectId, question: r.question, deadline: r.deadline,
    sent_at: r.sentAt, sent_by: r.sentBy, answer: null, answered_at: null, answered_by: null,
  }).execute();
}

/** Answers a request still unanswered; false when it was answered meanwhile (nothing written). */
export async function answerRequest(db: Executor, municipalityId: string, requestId: string, a: { answer: string; answeredAt: string; answeredBy: string }): Promise<boolean> {
  const r = await db.updateTable('oversight_requests').set({ answer: a.answer, answered_at: a.answeredAt, answered_by: a.answeredBy })
    .where('municipality_id', '=', municipalityId).where('id', '=', requestId).where('answer', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function attachFiles(db: Executor, municipalityId: string, ownerKind: FileOwner, ownerId: string, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await db.insertInto('oversight_files').values(fileIds.map((fileId, position) => ({ municipality_id: municipalityId, owner_kind: ownerKind, owner_id: ownerId, file_id: fileId, position }))).execute();
}

/** The files attached to each owner of a kind, in the order given. */
export async function filesOf(db: Executor, municipalityId: string, ownerKind: FileOwner, ownerIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ownerIds.length === 0) return out;
  const rows = await db.selectFrom('oversight_files').select(['owner_id', 'file_id'])
    .where('municipality_id', '=', municipalityId).where('owner_kind', '=', ownerKind).where('owner_id', 'in', [...ownerIds]).orderBy('owner_id').orderBy('position').execute();
  for (const r of rows) out.set(r.owner_id, [...(out.get(r.owner_id) ?? []), r.file_id]);
  return out;
}

/** Whether a file is attached to an observation or an answer (then public, as they are). */
export async function isOversightFile(db: Executor, municipalityId: string, fileId: string): Promise<boolean> {
  const r = await db.selectFrom('oversight_files').select('file_id').where('municipality_id', '=', municipalityId).where('file_id', '=', fileId).executeTakeFirst();
  return r !== undefined;
}
