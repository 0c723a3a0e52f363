import type { Executor } from '../db/database.ts';
import type { ActaContent, ActaSession, Signatory, SignatoryCapacity } from './acta.ts';

/** The only place that reads and writes the Acta's session, signatories and issued versions. Every query names the municipality. */

export async function findSession(db: Executor, municipalityId: string, processId: string): Promise<(ActaSession & { updatedAt: string; updatedBy: string }) | null> {
  const r = await db.selectFrom('acta_sessions').select(['held_on', 'place', 'starts_at', 'ends_at', 'updated_at', 'updated_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).executeTakeFirst();
  return r ? { heldOn: r.held_on, place: r.place, startTime: r.starts_at, endTime: r.ends_at, updatedAt: r.updated_at, updatedBy: r.updated_by } : null;
}

export async function signatoriesOf(db: Executor, municipalityId: string, processId: string): Promise<Signatory[]> {
  const rows = await db.selectFrom('acta_signatories').select(['name', 'dni', 'capacity', 'capacity_detail'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('position').execute();
  return rows.map((r) => ({ name: r.name, dni: r.dni, capacity: r.capacity as SignatoryCapacity, detail: r.capacity_detail }));
}

/** Replaces the session and the signatories of a process's Acta. */
export async function replaceDraft(db: Executor, municipalityId: string, processId: string, session: ActaSession, signatories: readonly Signatory[], at: string, by: string): Promise<void> {
  await db.deleteFrom('acta_sessions').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  await db.insertInto('acta_sessions').values({
    municipality_id: municipalityId, process_id: processId, held_on: session.heldOn, place: session.place, starts_at: session.startTime, ends_at: session.endTime,
    updated_at: at, updated_by: by,
  }).execute();
  await db.deleteFrom('acta_signatories').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  if (signatories.length === 0) return;
  await db.insertInto('acta_signatories').values(signatories.map((s, i) => ({
    municipality_id: municipalityId, process_id: processId, position: i + 1, name: s.name, dni: s.dni, capacity: s.capacity, capacity_detail: s.detail,
  }))).execute();
}

export interface VersionRecord {
  version: number;
  contentHash: string;
  issuedAt: string;
  issuedBy: string;
  reason: string | null;
}

export async function versionsOf(db: Executor, municipalityId: string, processId: string): Promise<VersionRecord[]> {
  const rows = await db.selectFrom('acta_versions').select(['version', 'content_hash', 'issued_at', 'issued_by', 'reason'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: Number(r.version), contentHash: r.content_hash, issuedAt: r.issued_at, issuedBy: r.issued_by, reason: r.reason }));
}

/** One issued version with its stored canonical JSON, exactly as it was hashed. */
export async function findVersion(db: Executor, municipalityId: string, processId: string, version: number): Promise<(VersionRecord & { canonical: string; content: ActaContent }) | null> {
  const r = await db.selectFrom('acta_versions').select(['version', 'content', 'content_hash', 'issued_at', 'issued_by', 'reason'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('version', '=', version).executeTakeFirst();
  return r ? {
    version: Number(r.version), contentHash: r.content_hash, issuedAt: r.issued_at, issuedBy: r.issued_by, reason: r.reason,
    canonical: r.content, content: JSON.parse(r.content) as ActaContent,
  } : null;
}

export async function insertVersion(db: Executor, municipalityId: string, processId: string, v: VersionRecord & { canonical: string }): Promise<void> {
  await db.insertInto('acta_versions').values({
    municipality_id: municipalityId, process_id: processId, version: v.version, content: v.canonical, content_hash: v.contentHash,
    issued_at: v.issuedAt, issued_by: v.issuedBy, reason: v.reason,
  }).execute();
}

/** Whether a process has an issued Acta (the gate leaving Formalization). */
export async function hasIssuedActa(db: Executor, municipalityId: string, processId: string): Promise<boolean> {
  const r = await db.selectFrom('acta_versions').select('version')
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).limit(1).executeTakeFirst();
  return r !== undefined;
}

export interface ScanRecord { version: number; fileId: string; attachedAt: string; attachedBy: string }

export async function scansOf(db: Executor, municipalityId: string, processId: string): Promise<ScanRecord[]> {
  const rows = await db.selectFrom('acta_scans').select(['version', 'file_id', 'attached_at', 'attached_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  return rows.map((r) => ({ version: Number(r.version), fileId: r.file_id, attachedAt: r.attached_at, attachedBy: r.attached_by }));
}

/** Attaches (or replaces) the scan of a version's signed paper Acta. */
export async function replaceScan(db: Executor, municipalityId: string, processId: string, scan: ScanRecord): Promise<void> {
  await db.deleteFrom('acta_scans').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('version', '=', scan.version).execute();
  await db.insertInto('acta_scans').values({
    municipality_id: municipalityId, process_id: processId, version: scan.version, file_id: scan.fileId, attached_at: scan.attachedAt, attached_by: scan.attachedBy,
  }).execute();
}

/** Whether a stored file is the scan of an issued Acta (then it is public). */
export async function isActaScan(db: Executor, municipalityId: string, fileId: string): Promise<boolean> {
  const r = await db.selectFrom('acta_scans').select('version').where('municipality_id', '=', municipalityId).where('file_id', '=', fileId).executeTakeFirst();
  return r !== undefined;
}
