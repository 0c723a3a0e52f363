import type { Executor } from '../db/database.ts';
import type { TrainingSessionsTable } from './training.tables.ts';
import { fileSummaries } from '../files/files.queries.ts';
import type { TrainingSession } from './training.ts';

/** Every query names the municipality: a session, agent or file of another municipality is never reachable. */

export interface SessionRecord {
  id: string;
  processId: string;
  topic: string;
  place: string;
  startsAt: string;
  endsAt: string;
  facilitatorId: string | null;
  facilitatorName: string;
  zoneId: string | null;
}

function sessionsQuery(db: Executor, municipalityId: string, processId: string) {
  return db.selectFrom('training_sessions as s')
    .leftJoin('zones as z', (j) => j.onRef('z.municipality_id', '=', 's.municipality_id').onRef('z.id', '=', 's.zone_id'))
    .select(['s.id', 's.process_id', 's.topic', 's.place', 's.starts_at', 's.ends_at', 's.facilitator_id', 's.facilitator_name',
      's.zone_id', 'z.name as zone_name', 's.created_at'])
    .select((eb) => eb.selectFrom('training_attendance as ta').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('ta.municipality_id', '=', 's.municipality_id').whereRef('ta.session_id', '=', 's.id').as('attendance_count'))
    .where('s.municipality_id', '=', municipalityId).where('s.process_id', '=', processId);
}

async function withMaterials(db: Executor, municipalityId: string, rows: Awaited<ReturnType<ReturnType<typeof sessionsQuery>['execute']>>): Promise<TrainingSession[]> {
  if (rows.length === 0) return [];
  const links = await db.selectFrom('training_materials').select(['session_id', 'file_id'])
    .where('municipality_id', '=', municipalityId).where('session_id', 'in', rows.map((r) => r.id)).orderBy('file_id').execute();
  const files = new Map((await fileSummaries(db, municipalityId, links.map((l) => l.file_id))).map((f) => [f.id, f]));
  return rows.map((r) => ({
    id: r.id, processId: r.process_id, topic: r.topic, place: r.place, startsAt: r.starts_at, endsAt: r.ends_at,
    facilitator: { userId: r.facilitator_id, name: r.facilitator_name },
    zone: r.zone_id ? { id: r.zone_id, name: r.zone_name ?? '' } : null,
    materials: links.filter((l) => l.session_id === r.id).flatMap((l) => (files.has(l.file_id) ? [files.get(l.file_id)!] : []))
      .sort((a, b) => a.filename.localeCompare(b.filename, 'es')),
    attendanceCount: Number(r.attendance_count ?? 0),
    createdAt: r.created_at,
  }));
}

export async function listSessions(db: Executor, municipalityId: string, processId: string): Promise<TrainingSession[]> {
  const rows = await sessionsQuery(db, municipalityId, processId).orderBy('s.starts_at').orderBy('s.id').execute();
  return withMaterials(db, municipalityId, rows);
}

export async function findSession(db: Executor, municipalityId: string, processId: string, sessionId: string): Promise<TrainingSession | null> {
  const rows = await sessionsQuery(db, municipalityId, processId).where('s.id', '=', sessionId).execute();
  return (await withMaterials(db, municipalityId, rows))[0] ?? null;
}

export async function insertSession(db: Executor, municipalityId: string, s: SessionRecord & { createdAt: string; createdBy: string }): Promise<void> {
  await db.insertInto('training_sessions').values({
    municipality_id: municipalityId, id: s.id, process_id: s.processId, topic: s.topic, place: s.place, starts_at: s.startsAt,
    ends_at: s.endsAt, facilitator_id: s.facilitatorId, facilitator_name: s.facilitatorName, zone_id: s.zoneId,
    created_at: s.createdAt, created_by: s.createdBy,
  }).execute();
}

export async function updateSession(db: Executor, municipalityId: string, s: SessionRecord): Promise<void> {
  const values: Partial<TrainingSessionsTable> = {
    topic: s.topic, place: s.place, starts_at: s.startsAt, ends_at: s.endsAt, facilitator_id: s.facilitatorId,
    facilitator_name: s.facilitatorName, zone_id: s.zoneId,
  };
  await db.updateTable('training_sessions').set(values).where('municipality_id', '=', municipalityId).where('id', '=', s.id).execute();
}

/** A user of this municipality who may facilitate (facilitator or administrator role), or null. */
export async function findFacilitator(db: Executor, municipalityId: string, userId: string): Promise<{ id: string; name: string } | null> {
  const r = await db.selectFrom('memberships as ms').innerJoin('users as u', 'u.id', 'ms.user_id').select(['u.id', 'u.name'])
    .where('ms.municipality_id', '=', municipalityId).where('ms.user_id', '=', userId).where('ms.role', 'in', ['facilitator', 'administrator'])
    .executeTakeFirst();
  return r ?? null;
}

export async function findZone(db: Executor, municipalityId: string, zoneId: string): Promise<{ id: string; name: string } | null> {
  const r = await db.selectFrom('zones').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('id', '=', zoneId).executeTakeFirst();
  return r ?? null;
}

/** Links a file to a session; false when it was already linked. */
export async function insertMaterial(db: Executor, municipalityId: string, sessionId: string, fileId: string): Promise<boolean> {
  const r = await db.insertInto('training_materials').values({ municipality_id: municipalityId, session_id: sessionId, file_id: fileId })
    .onConflict((oc) => oc.columns(['municipality_id', 'session_id', 'file_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteMaterial(db: Executor, municipalityId: string, sessionId: string, fileId: string): Promise<boolean> {
  const r = await db.deleteFrom('training_materials').where('municipality_id', '=', municipalityId).where('session_id', '=', sessionId)
    .where('file_id', '=', fileId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface AgentRef {
  id: string;
  processId: string;
  fullName: string;
  status: 'pending' | 'approved' | 'rejected';
}

/** Agents of this municipality by id (any process, any status), to explain why one may not be recorded. */
export async function findAgents(db: Executor, municipalityId: string, agentIds: readonly string[]): Promise<AgentRef[]> {
  if (agentIds.length === 0) return [];
  const rows = await db.selectFrom('agents').select(['id', 'process_id', 'full_name', 'status'])
    .where('municipality_id', '=', municipalityId).where('id', 'in', [...agentIds]).execute();
  return rows.map((r) => ({ id: r.id, processId: r.process_id, fullName: r.full_name, status: r.status }));
}

export async function findApprovedAgentByDni(db: Executor, municipalityId: string, processId: string, dni: string): Promise<{ id: string; fullName: string } | null> {
  const r = await db.selectFrom('agents').select(['id', 'full_name']).where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId).where('dni', '=', dni).where('status', '=', 'approved').executeTakeFirst();
  return r ? { id: r.id, fullName: r.full_name } : null;
}

/** Approved agents of the process to invite (those of one zone for a zone session), with their contact. */
export async function agentsToInvite(db: Executor, municipalityId: string, processId: string, zoneId: string | null) {
  let q = db.selectFrom('agents').select(['id', 'full_name', 'email', 'phone'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('status', '=', 'approved');
  if (zoneId) q = q.where('zone_id', '=', zoneId);
  return q.orderBy('full_name').orderBy('id').execute();
}

export async function municipalityName(db: Executor, municipalityId: string): Promise<string> {
  const r = await db.selectFrom('municipalities').select('name').where('id', '=', municipalityId).executeTakeFirstOrThrow();
  return r.name;
}

/** Records one attendance; false when it was already recorded (recording twice never duplicates). */
export async function insertAttendance(db: Executor, municipalityId: string, a: {
  sessionId: string; agentId: string; method: 'facilitator' | 'dni_check_in'; recordedAt: string; recordedBy: string;
}): Promise<boolean> {
  const r = await db.insertInto('training_attendance').values({
    municipality_id: municipalityId, session_id: a.sessionId, agent_id: a.agentId, method: a.method, recorded_at: a.recordedAt, recorded_by: a.recordedBy,
  }).onConflict((oc) => oc.columns(['municipality_id', 'session_id', 'agent_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteAttendance(db: Executor, municipalityId: string, sessionId: string, agentId: string): Promise<boolean> {
  const r = await db.deleteFrom('training_attendance').where('municipality_id', '=', municipalityId).where('session_id', '=', sessionId)
    .where('agent_id', '=', agentId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countAttendance(db: Executor, municipalityId: string, sessionId: string): Promise<number> {
  const r = await db.selectFrom('training_attendance').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface AttendanceRecord {
  agentId: string;
  fullName: string;
  dni: string;
  zone: { id: string; name: string };
  organizationName: string | null;
  method: 'facilitator' | 'dni_check_in';
  recordedAt: string;
  recordedByName: string;
}

/** Who attended a session, with names: for staff only. */
export async function listAttendance(db: Executor, municipalityId: string, sessionId: string): Promise<AttendanceRecord[]> {
  const rows = await db.selectFrom('training_attendance as ta')
    .innerJoin('agents as a', (j) => j.onRef('a.municipality_id', '=', 'ta.municipality_id').onRef('a.id', '=', 'ta.agent_id'))
    .innerJoin('zones as z', (j) => j.onRef('z.municipality_id', '=', 'a.municipality_id').onRef('z.id', '=', 'a.zone_id'))
    .leftJoin('organizations as o', (j) => j.onRef('o.municipality_id', '=', 'a.municipality_id').onRef('o.id', '=', 'a.organization_id'))
    .innerJoin('users as u', 'u.id', 'ta.recorded_by')
    .select(['a.id', 'a.full_name', 'a.dni', 'z.id as zone_id', 'z.name as zone_name', 'o.name as organization_name', 'ta.method', 'ta.recorded_at', 'u.name as recorded_by_name'])
    .where('ta.municipality_id', '=', municipalityId).where('ta.session_id', '=', sessionId)
    .orderBy('a.full_name').orderBy('a.id').execute();
  return rows.map((r) => ({
    agentId: r.id, fullName: r.full_name, dni: r.dni, zone: { id: r.zone_id, name: r.zone_name }, organizationName: r.organization_name,
    method: r.method, recordedAt: r.recorded_at, recordedByName: r.recorded_by_name,
  }));
}

/** Approved agents of a process with how many of its sessions each attended. */
export async function approvedAgentsWithAttendance(db: Executor, municipalityId: string, processId: string) {
  const rows = await db.selectFrom('agents as a')
    .innerJoin('zones as z', (j) => j.onRef('z.municipality_id', '=', 'a.municipality_id').onRef('z.id', '=', 'a.zone_id'))
    .leftJoin('organizations as o', (j) => j.onRef('o.municipality_id', '=', 'a.municipality_id').onRef('o.id', '=', 'a.organization_id'))
    .select(['a.id', 'a.full_name', 'a.dni', 'a.sex', 'z.id as zone_id', 'z.name as zone_name', 'o.name as organization_name'])
    .select((eb) => eb.selectFrom('training_attendance as ta')
      .innerJoin('training_sessions as s', (j) => j.onRef('s.municipality_id', '=', 'ta.municipality_id').onRef('s.id', '=', 'ta.session_id'))
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('ta.municipality_id', '=', 'a.municipality_id').whereRef('ta.agent_id', '=', 'a.id').whereRef('s.process_id', '=', 'a.process_id')
      .as('sessions_attended'))
    .where('a.municipality_id', '=', municipalityId).where('a.process_id', '=', processId).where('a.status', '=', 'approved')
    .orderBy('a.full_name').orderBy('a.id').execute();
  return rows.map((r) => ({
    agentId: r.id, fullName: r.full_name, dni: r.dni, sex: r.sex, zone: { id: r.zone_id, name: r.zone_name },
    organizationName: r.organization_name, sessionsAttended: Number(r.sessions_attended ?? 0),
  }));
}
