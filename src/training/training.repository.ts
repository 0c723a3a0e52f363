import type { Executor } from '../db/database.ts';
import type { TrainingSessionsTable } from './training.tables.ts';
import { fileSummaries } from '../files/files.queries.ts';
import { memberWithRole } from '../accounts/accounts.queries.ts';
import { findZoneRef, zonesById } from '../plan/plan.queries.ts';
import { agentProfiles } from '../registration/registration.queries.ts';
import { insertAttendance, type AttendanceMethod } from '../attendance/attendance.ts';
import { municipalityName as nameOfMunicipality } from '../territory/territory.queries.ts';
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
    .select(['s.id', 's.process_id', 's.topic', 's.place', 's.starts_at', 's.ends_at', 's.facilitator_id', 's.facilitator_name',
      's.zone_id', 's.created_at'])
    .select((eb) => eb.selectFrom('training_attendance as ta').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('ta.municipality_id', '=', 's.municipality_id').whereRef('ta.session_id', '=', 's.id').as('attendance_count'))
    .where('s.municipality_id', '=', municipalityId).where('s.process_id', '=', processId);
}

async function withMaterials(db: Executor, municipalityId: string, rows: Awaited<ReturnType<ReturnType<typeof sessionsQuery>['execute']>>): Promise<TrainingSession[]> {
  if (rows.length === 0) return [];
  const links = await db.selectFrom('training_materials').select(['session_id', 'file_id'])
    .where('municipality_id', '=', municipalityId).where('session_id', 'in', rows.map((r) => r.id)).orderBy('file_id').execute();
  const files = new Map((await fileSummaries(db, municipalityId, links.map((l) => l.file_id))).map((f) => [f.id, f]));
  const zones = await zonesById(db, municipalityId);
  return rows.map((r) => ({
    id: r.id, processId: r.process_id, topic: r.topic, place: r.place, startsAt: r.starts_at, endsAt: r.ends_at,
    facilitator: { userId: r.facilitator_id, name: r.facilitator_name },
    zone: r.zone_id ? { id: r.zone_id, name: zones.get(r.zone_id)?.name ?? '' } : null,
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
  return memberWithRole(db, municipalityId, userId, ['facilitator', 'administrator']);
}

export async function findZone(db: Executor, municipalityId: string, zoneId: string): Promise<{ id: string; name: string } | null> {
  const z = await findZoneRef(db, municipalityId, zoneId);
  return z ? { id: z.id, name: z.name } : null;
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

/** Approved agents of the process to invite (those of one zone for a zone session), with their contact. */
export async function agentsToInvite(db: Executor, municipalityId: string, processId: string, zoneId: string | null) {
  return (await agentProfiles(db, municipalityId, { processId, approvedOnly: true, zoneId }))
    .map((a) => ({ id: a.id, full_name: a.fullName, sex: a.sex, email: a.email, phone: a.phone }));
}

export async function municipalityName(db: Executor, municipalityId: string): Promise<string> {
  return nameOfMunicipality(db, municipalityId);
}

/** Records one attendance (the demo's facilitator); false when it was already recorded. */
export async function insertTrainingAttendance(db: Executor, municipalityId: string, a: {
  sessionId: string; agentId: string; method: AttendanceMethod; recordedAt: string; recordedBy: string;
}): Promise<boolean> {
  return insertAttendance(db, 'training_attendance', municipalityId, a);
}

/** Approved agents of a process with how many of its sessions each attended. */
export async function approvedAgentsWithAttendance(db: Executor, municipalityId: string, processId: string) {
  const [agents, zones, attended] = await Promise.all([
    agentProfiles(db, municipalityId, { processId, approvedOnly: true }),
    zonesById(db, municipalityId),
    db.selectFrom('training_attendance as ta')
      .innerJoin('training_sessions as s', (j) => j.onRef('s.municipality_id', '=', 'ta.municipality_id').onRef('s.id', '=', 'ta.session_id'))
      .select(['ta.agent_id', (e) => e.fn.countAll<number>().as('n')])
      .where('ta.municipality_id', '=', municipalityId).where('s.process_id', '=', processId).groupBy('ta.agent_id').execute(),
  ]);
  const sessions = new Map(attended.map((r) => [r.agent_id, Number(r.n)]));
  return agents.map((a) => ({
    agentId: a.id, fullName: a.fullName, dni: a.dni, sex: a.sex, zone: { id: a.zoneId, name: zones.get(a.zoneId)?.name ?? '' },
    organizationName: a.organizationName, sessionsAttended: sessions.get(a.id) ?? 0,
  }));
}

/** Approved agents expected at a session (those of its zone when it has one), by name: the printable sheet. */
export async function expectedAgents(db: Executor, municipalityId: string, processId: string, zoneId: string | null) {
  const [agents, zones] = await Promise.all([agentProfiles(db, municipalityId, { processId, approvedOnly: true, zoneId }), zonesById(db, municipalityId)]);
  return agents.map((a) => ({ agentId: a.id, fullName: a.fullName, dni: a.dni, zone: { id: a.zoneId, name: zones.get(a.zoneId)?.name ?? '' }, organizationName: a.organizationName }));
}
