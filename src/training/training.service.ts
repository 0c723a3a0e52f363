import type { DatabaseHandle, Executor, Trx } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { enqueueToContact } from '../communication/outbox.ts';
import { fileExists } from '../files/files.queries.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { AppError } from '../shared/errors.ts';
import { newId, now } from '../shared/clock.ts';
import * as repo from './training.repository.ts';
import { sessionsAttendedBy, trainedAgentIds } from './training.queries.ts';
import { agentOfUser } from '../registration/registration.queries.ts';
import { listAttendance, type AttendanceKind } from '../attendance/attendance.ts';
import { exportAttendance } from '../attendance/attendance-export.ts';
import { assertTrainingWritable, checkTimes, duplicatesOf, invitationMessage, localStamp, toUtc, type TrainingSession } from './training.ts';

/** Use cases of training sessions, materials and attendance. Each write runs in one transaction with its audit entry. */

async function mustFindSession(db: Executor, municipalityId: string, processId: string, sessionId: string): Promise<TrainingSession> {
  const s = await repo.findSession(db, municipalityId, processId, sessionId);
  if (!s) throw new AppError('NOT_FOUND', { what: `training session ${sessionId}` });
  return s;
}

export async function listSessions(handle: DatabaseHandle, municipalityId: string, processId: string): Promise<{ process: Process; sessions: TrainingSession[] }> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  return { process, sessions: await repo.listSessions(handle.db, municipalityId, processId) };
}

export async function getSession(handle: DatabaseHandle, municipalityId: string, processId: string, sessionId: string): Promise<TrainingSession> {
  await requireProcess(handle.db, municipalityId, processId);
  return mustFindSession(handle.db, municipalityId, processId, sessionId);
}

export interface SessionInput {
  topic: string;
  place: string;
  startsAt: string;
  endsAt: string;
  facilitatorUserId?: string | undefined;
  facilitatorName?: string | undefined;
  zoneId?: string | null | undefined;
}

/** The facilitator: a user of the municipality with the facilitator or administrator role, or a volunteer's name. */
async function resolveFacilitator(db: Executor, municipalityId: string, input: { facilitatorUserId?: string | undefined; facilitatorName?: string | undefined }) {
  if ((input.facilitatorUserId === undefined) === (input.facilitatorName === undefined)) throw new AppError('FACILITATOR_CHOICE', {}, 'facilitatorUserId');
  if (input.facilitatorName !== undefined) return { facilitatorId: null, facilitatorName: input.facilitatorName };
  const user = await repo.findFacilitator(db, municipalityId, input.facilitatorUserId!);
  if (!user) throw new AppError('UNKNOWN_REFERENCE', { what: 'facilitator', value: input.facilitatorUserId }, 'facilitatorUserId');
  return { facilitatorId: user.id, facilitatorName: user.name };
}

async function resolveZone(db: Executor, municipalityId: string, zoneId: string | null | undefined): Promise<{ id: string; name: string } | null> {
  if (!zoneId) return null;
  const zone = await repo.findZone(db, municipalityId, zoneId);
  if (!zone) throw new AppError('UNKNOWN_REFERENCE', { what: 'zone', value: zoneId }, 'zoneId');
  return zone;
}

async function assertFilesExist(db: Executor, municipalityId: string, fileIds: readonly string[], field: string): Promise<void> {
  for (const id of fileIds) {
    if (!(await fileExists(db, municipalityId, id))) throw new AppError('UNKNOWN_REFERENCE', { what: 'file', value: id }, field);
  }
}

export type NewSession = SessionInput & { materialFileIds?: string[] | undefined; reason?: string | undefined; allowDuplicate?: boolean | undefined };

/** What scheduling a session would do: every check of the real thing, and who would hear of it. */
export interface SessionPlan {
  /** Invitations that would be queued (approved agents of the process, of its zone for a zone session, with a contact). */
  invitations: number;
  /** The session is already over: recorded as held, nobody invited. */
  alreadyOver: boolean;
  /** Sessions of the process it seems to repeat. */
  duplicates: { id: string; topic: string; place: string; startsAt: string; endsAt: string }[];
}

/** Checks a new session inside the caller's transaction (process locked) and says what scheduling it would do. */
async function planSession(trx: Trx, handle: DatabaseHandle, municipalityId: string, processId: string, input: NewSession) {
  const startsAt = toUtc(input.startsAt);
  const endsAt = toUtc(input.endsAt);
  const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
  assertTrainingWritable(process.phase);
  const badTimes = checkTimes(startsAt, endsAt, process.calendar);
  if (badTimes) throw badTimes;
  const facilitator = await resolveFacilitator(trx, municipalityId, input);
  const zone = await resolveZone(trx, municipalityId, input.zoneId);
  const materialFileIds = [...new Set(input.materialFileIds ?? [])];
  await assertFilesExist(trx, municipalityId, materialFileIds, 'materialFileIds');
  const duplicates = duplicatesOf({ topic: input.topic, place: input.place, startsAt, endsAt }, await repo.listSessions(trx, municipalityId, processId))
    .map((d) => ({ id: d.id, topic: d.topic, place: d.place, startsAt: d.startsAt, endsAt: d.endsAt }));
  const alreadyOver = new Date(endsAt).getTime() <= Date.now();
  const invitees = alreadyOver ? [] : (await repo.agentsToInvite(trx, municipalityId, process.id, zone?.id ?? null)).filter((a) => a.email || a.phone);
  return { process, startsAt, endsAt, facilitator, zone, materialFileIds, plan: { invitations: invitees.length, alreadyOver, duplicates } satisfies SessionPlan };
}

/** Scheduling a session, tried without writing anything: the form shows it before the staff member confirms. */
export async function previewSession(handle: DatabaseHandle, municipalityId: string, processId: string, input: NewSession): Promise<SessionPlan> {
  return handle.db.transaction().execute(async (trx) => (await planSession(trx, handle, municipalityId, processId, input)).plan);
}

/**
 * Schedules a session. In the same transaction, an invitation is queued to every approved agent of the process with a
 * contact (only those of its zone for a zone session) unless the session is already over (typed in afterwards). A
 * session that seems to repeat another (same day, and same topic or same place at the same time) is refused unless
 * `allowDuplicate` says the staff member saw the warning.
 */
export async function createSession(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string,
  input: NewSession): Promise<{ session: TrainingSession; notificationsQueued: number }> {
  const id = newId();
  let notificationsQueued = 0;
  await handle.db.transaction().execute(async (trx) => {
    const { process, startsAt, endsAt, facilitator, zone, materialFileIds, plan } = await planSession(trx, handle, municipalityId, processId, input);
    const [twin] = plan.duplicates;
    if (twin && !input.allowDuplicate) {
      throw new AppError('TRAINING_DUPLICATE', { topic: twin.topic, place: twin.place, startsAt: localStamp(twin.startsAt) }, 'startsAt');
    }
    await repo.insertSession(trx, municipalityId, {
      id, processId, topic: input.topic, place: input.place, startsAt, endsAt, ...facilitator, zoneId: zone?.id ?? null,
      createdAt: now(), createdBy: actor.userId,
    });
    for (const fileId of materialFileIds) await repo.insertMaterial(trx, municipalityId, id, fileId);
    if (!plan.alreadyOver) {
      notificationsQueued = await inviteAgents(trx, municipalityId, process, id, { topic: input.topic, place: input.place, startsAt, endsAt, facilitatorName: facilitator.facilitatorName, zone });
    }
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'training.create', entityType: 'training_session', entityId: id,
      reason: input.reason ?? null,
      data: {
        processId, topic: input.topic, place: input.place, startsAt, endsAt, facilitatorId: facilitator.facilitatorId,
        facilitatorName: facilitator.facilitatorName, zoneId: zone?.id ?? null, materialFileIds, notificationsQueued,
        ...(twin ? { duplicateOf: plan.duplicates.map((d) => d.id) } : {}),
      },
    });
  });
  return { session: await mustFindSession(handle.db, municipalityId, processId, id), notificationsQueued };
}

async function inviteAgents(trx: Trx, municipalityId: string, process: Process, sessionId: string, s: {
  topic: string; place: string; startsAt: string; endsAt: string; facilitatorName: string; zone: { id: string; name: string } | null;
}): Promise<number> {
  const municipalityName = await repo.municipalityName(trx, municipalityId);
  let queued = 0;
  for (const agent of await repo.agentsToInvite(trx, municipalityId, process.id, s.zone?.id ?? null)) {
    const message = invitationMessage({
      agentName: agent.full_name, agentSex: agent.sex, municipalityName, fiscalYear: process.fiscalYear, topic: s.topic, place: s.place,
      startsAt: s.startsAt, endsAt: s.endsAt, facilitatorName: s.facilitatorName, zoneName: s.zone?.name ?? null,
      minTrainingSessions: process.rules.minTrainingSessions, trainingRequiredToVote: process.rules.trainingRequiredToVote,
    });
    const queuedId = await enqueueToContact(trx, municipalityId, { email: agent.email, phone: agent.phone }, {
      ...message, topic: 'training.scheduled', relatedType: 'training_session', relatedId: sessionId,
    });
    if (queuedId) queued += 1;
  }
  return queued;
}

/** Changes a session's topic, place, times, facilitator or zone; unchanged fields keep their value. */
export async function updateSession(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, sessionId: string,
  patch: Partial<SessionInput> & { reason?: string | undefined }): Promise<TrainingSession> {
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    assertTrainingWritable(process.phase);
    const current = await mustFindSession(trx, municipalityId, processId, sessionId);
    const startsAt = patch.startsAt !== undefined ? toUtc(patch.startsAt) : current.startsAt;
    const endsAt = patch.endsAt !== undefined ? toUtc(patch.endsAt) : current.endsAt;
    const badTimes = checkTimes(startsAt, endsAt, process.calendar);
    if (badTimes) throw badTimes;
    const facilitatorChanged = patch.facilitatorUserId !== undefined || patch.facilitatorName !== undefined;
    const facilitator = facilitatorChanged
      ? await resolveFacilitator(trx, municipalityId, patch)
      : { facilitatorId: current.facilitator.userId, facilitatorName: current.facilitator.name };
    const zone = patch.zoneId !== undefined ? await resolveZone(trx, municipalityId, patch.zoneId) : current.zone;
    const next: repo.SessionRecord = {
      id: sessionId, processId, topic: patch.topic ?? current.topic, place: patch.place ?? current.place, startsAt, endsAt,
      ...facilitator, zoneId: zone?.id ?? null,
    };
    const before: repo.SessionRecord = {
      id: sessionId, processId, topic: current.topic, place: current.place, startsAt: current.startsAt, endsAt: current.endsAt,
      facilitatorId: current.facilitator.userId, facilitatorName: current.facilitator.name, zoneId: current.zone?.id ?? null,
    };
    const changed = (Object.keys(next) as (keyof repo.SessionRecord)[]).filter((k) => next[k] !== before[k]);
    if (changed.length === 0) return;
    await repo.updateSession(trx, municipalityId, next);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'training.update', entityType: 'training_session', entityId: sessionId,
      reason: patch.reason ?? null,
      data: { processId, changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, next[k]])) },
    });
  });
  return mustFindSession(handle.db, municipalityId, processId, sessionId);
}

/** Attaches an uploaded file of this municipality to a session; attaching it again changes nothing. */
export async function attachMaterial(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, sessionId: string, fileId: string): Promise<TrainingSession> {
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    assertTrainingWritable(process.phase);
    await mustFindSession(trx, municipalityId, processId, sessionId);
    await assertFilesExist(trx, municipalityId, [fileId], 'fileId');
    if (!(await repo.insertMaterial(trx, municipalityId, sessionId, fileId))) return;
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'training.material.attach', entityType: 'training_session', entityId: sessionId,
      data: { processId, fileId },
    });
  });
  return mustFindSession(handle.db, municipalityId, processId, sessionId);
}

export async function detachMaterial(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, sessionId: string, fileId: string): Promise<TrainingSession> {
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    assertTrainingWritable(process.phase);
    await mustFindSession(trx, municipalityId, processId, sessionId);
    if (!(await repo.deleteMaterial(trx, municipalityId, sessionId, fileId))) throw new AppError('NOT_FOUND', { what: `material ${fileId}` });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'training.material.detach', entityType: 'training_session', entityId: sessionId,
      data: { processId, fileId },
    });
  });
  return mustFindSession(handle.db, municipalityId, processId, sessionId);
}

/** Training's attendance: the shared rules (attendance/attendance.ts) on its own table, writable until Formalization. */
export const TRAINING_ATTENDANCE: AttendanceKind = {
  table: 'training_attendance',
  entityType: 'training_session',
  auditPrefix: 'training.attendance',
  exportAction: 'training.export',
  staffAction: 'attendance.record',
  async open(trx, dialect, municipalityId, processId, sessionId) {
    const process = await lockProcess(trx, dialect, municipalityId, processId);
    assertTrainingWritable(process.phase);
    return mustFindSession(trx, municipalityId, processId, sessionId);
  },
};

/** Who attended a session, with names and whether each is trained: for staff. */
export async function sessionAttendance(handle: DatabaseHandle, municipalityId: string, processId: string, sessionId: string) {
  await requireProcess(handle.db, municipalityId, processId);
  const session = await mustFindSession(handle.db, municipalityId, processId, sessionId);
  const [records, trained] = await Promise.all([
    listAttendance(handle.db, TRAINING_ATTENDANCE.table, municipalityId, sessionId),
    trainedAgentIds(handle.db, municipalityId, processId),
  ]);
  return { session, attendees: records.map((r) => ({ ...r, trained: trained.has(r.agentId) })) };
}

/** The printable attendance sheet of a session: every approved agent expected (of its zone, for a zone session). */
export async function sessionSheet(handle: DatabaseHandle, municipalityId: string, processId: string, sessionId: string) {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const session = await mustFindSession(handle.db, municipalityId, processId, sessionId);
  return { process, session, agents: await repo.expectedAgents(handle.db, municipalityId, processId, session.zone?.id ?? null) };
}

/** Who attended a session, to take away as CSV or PDF: read and audited as `training.export`. */
export async function exportSessionAttendance(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, sessionId: string, format: 'csv' | 'pdf') {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const session = await mustFindSession(handle.db, municipalityId, processId, sessionId);
  return { process, session, attendees: await exportAttendance(handle, actor, TRAINING_ATTENDANCE, municipalityId, processId, sessionId, format) };
}

/** Every approved agent of the process, with the sessions attended and whether they are trained: for staff. */
export async function trainingStatus(handle: DatabaseHandle, municipalityId: string, processId: string) {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const min = process.rules.minTrainingSessions;
  const agents = (await repo.approvedAgentsWithAttendance(handle.db, municipalityId, processId))
    .map((a) => ({ ...a, trained: a.sessionsAttended >= min }));
  return { process, agents };
}

/**
 * A person's own training in a process: what the process requires, the sessions they attended, whether that makes
 * them trained, and the next session open to them (the whole process's, or their zone's). Read from their own
 * registration (online, or linked with its claim code) only: no one else's record is reachable this way.
 */
export async function myTraining(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, at: Date = new Date()) {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const agent = await agentOfUser(handle.db, municipalityId, processId, actor.userId);
  const min = process.rules.minTrainingSessions;
  if (!agent) return { process, agent: null, attended: [], trained: false, nextSession: null };
  const attended = agent.status === 'approved' ? await sessionsAttendedBy(handle.db, municipalityId, processId, agent.id) : [];
  const attendedIds = new Set(attended.map((s) => s.id));
  const nextSession = agent.status === 'rejected' ? null : (await repo.listSessions(handle.db, municipalityId, processId))
    .find((s) => new Date(s.endsAt) > at && !attendedIds.has(s.id) && (s.zone === null || s.zone.id === agent.zoneId)) ?? null;
  return { process, agent: { id: agent.id, status: agent.status }, attended, trained: attended.length >= min, nextSession };
}
