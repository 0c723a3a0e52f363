import type { Actor } from '../access/actor.ts';
import { can, type Action } from '../access/policy.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import type { DatabaseHandle, Dialect, Executor, Trx } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { zonesById } from '../plan/plan.queries.ts';
import { agentProfiles, delegateCounterparts, findApprovedAgentByDni, registrationStatusByDni } from '../registration/registration.queries.ts';
import { localDate, now } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';
import './attendance.messages.ts';
import { attendanceOpen, checkInOpen, sessionDays, type SessionTimes } from './session-times.ts';

/**
 * Attendance, as every kind of session takes it (training sessions, workshops): a facilitator ticks the approved
 * agents present, or each person checks in by DNI on the day; an organization's titular and substitute delegates
 * attend one at a time. Each kind owns its table (one row per session and agent, a unique key) and hands it here with
 * what differs: how its session is found and when it may change (`open`), its audit names and the staff action.
 */
export type AttendanceMethod = 'facilitator' | 'dni_check_in';

/** The columns every attendance table has. */
export interface AttendanceRow {
  municipality_id: string;
  session_id: string;
  agent_id: string;
  method: AttendanceMethod;
  recorded_at: string;
  recorded_by: string;
}

/** The tables of the database shaped as attendance (an area declares one in its `.tables.ts` and lists it as its own). */
export type AttendanceTable = { [K in keyof Database]: Database[K] extends AttendanceRow ? (AttendanceRow extends Database[K] ? K : never) : never }[keyof Database];

export interface AttendanceKind {
  /** The owning area's table. */
  table: AttendanceTable;
  /** The audit entity type of the session (`training_session`, `workshop`). */
  entityType: string;
  /** The audit actions' prefix: `<prefix>.record`, `<prefix>.remove`, `<prefix>.check_in`. */
  auditPrefix: string;
  /** The audit action of a download of the attendance or the sheet (names and DNI leaving): `training.export` ... */
  exportAction: string;
  /** Who may check in any DNI (anyone else checks in their own account's DNI only). */
  staffAction: Action;
  /** Runs first inside the transaction: locks the process, checks its phase, finds the session (or throws). */
  open(trx: Trx, dialect: Dialect, municipalityId: string, processId: string, sessionId: string): Promise<SessionTimes>;
  /** Refuses to remove an attendance something of the kind rests on (a workshop's minutes signed by that person). */
  beforeRemove?(trx: Trx, municipalityId: string, sessionId: string, agentId: string): Promise<void>;
}

// Every attendance table has the same columns: the queries below are written once, against one of them.
function tableOf(table: AttendanceTable): 'training_attendance' {
  return table as 'training_attendance';
}

/** Records one attendance; false when it was already recorded (recording twice never duplicates). */
export async function insertAttendance(db: Executor, table: AttendanceTable, municipalityId: string, a: {
  sessionId: string; agentId: string; method: AttendanceMethod; recordedAt: string; recordedBy: string;
}): Promise<boolean> {
  const r = await db.insertInto(tableOf(table)).values({
    municipality_id: municipalityId, session_id: a.sessionId, agent_id: a.agentId, method: a.method, recorded_at: a.recordedAt, recorded_by: a.recordedBy,
  }).onConflict((oc) => oc.columns(['municipality_id', 'session_id', 'agent_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

async function deleteAttendance(db: Executor, table: AttendanceTable, municipalityId: string, sessionId: string, agentId: string): Promise<boolean> {
  const r = await db.deleteFrom(tableOf(table)).where('municipality_id', '=', municipalityId).where('session_id', '=', sessionId)
    .where('agent_id', '=', agentId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countAttendance(db: Executor, table: AttendanceTable, municipalityId: string, sessionId: string): Promise<number> {
  const r = await db.selectFrom(tableOf(table)).select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Which of these agents attended the session. */
export async function attendedAmong(db: Executor, table: AttendanceTable, municipalityId: string, sessionId: string, agentIds: readonly string[]): Promise<Set<string>> {
  if (agentIds.length === 0) return new Set();
  const rows = await db.selectFrom(tableOf(table)).select('agent_id').where('municipality_id', '=', municipalityId)
    .where('session_id', '=', sessionId).where('agent_id', 'in', [...agentIds]).execute();
  return new Set(rows.map((r) => r.agent_id));
}

export interface AttendanceRecord {
  agentId: string;
  fullName: string;
  dni: string;
  zone: { id: string; name: string };
  organizationName: string | null;
  method: AttendanceMethod;
  recordedAt: string;
  recordedByName: string;
}

/** Who attended a session, with names and DNI, by name: for staff only. */
export async function listAttendance(db: Executor, table: AttendanceTable, municipalityId: string, sessionId: string): Promise<AttendanceRecord[]> {
  const rows = await db.selectFrom(tableOf(table)).select(['agent_id', 'method', 'recorded_at', 'recorded_by'])
    .where('municipality_id', '=', municipalityId).where('session_id', '=', sessionId).execute();
  const byAgent = new Map(rows.map((r) => [r.agent_id, r]));
  const [agents, zones, recorders] = await Promise.all([
    agentProfiles(db, municipalityId, { ids: [...byAgent.keys()] }), zonesById(db, municipalityId), userNames(db, rows.map((r) => r.recorded_by)),
  ]);
  return agents.map((a) => {
    const r = byAgent.get(a.id)!;
    return {
      agentId: a.id, fullName: a.fullName, dni: a.dni, zone: { id: a.zoneId, name: zones.get(a.zoneId)?.name ?? '' }, organizationName: a.organizationName,
      method: r.method, recordedAt: r.recorded_at, recordedByName: recorders.get(r.recorded_by) ?? '',
    };
  });
}

/** Refuses the whole list when one person is not an approved agent of this process, naming them. */
async function assertApprovedAgents(db: Executor, municipalityId: string, processId: string, agentIds: readonly string[]): Promise<void> {
  const found = new Map((await agentProfiles(db, municipalityId, { ids: agentIds })).map((a) => [a.id, a]));
  const refused = agentIds.filter((id) => {
    const a = found.get(id);
    return !a || a.processId !== processId || a.status !== 'approved';
  });
  if (refused.length > 0) {
    const first = found.get(refused[0]!);
    throw new AppError('NOT_AN_APPROVED_AGENT', { name: first?.fullName ?? refused[0], agentIds: refused }, 'agentIds');
  }
}

/**
 * An organization's titular and substitute delegates act one at a time: neither is recorded at a session the other
 * attended (or is being recorded at in the same list). Refuses the whole list, naming both.
 */
async function assertOneDelegatePerOrganization(db: Executor, kind: AttendanceKind, municipalityId: string, sessionId: string, agentIds: readonly string[], field: string): Promise<void> {
  const counterparts = await delegateCounterparts(db, municipalityId, agentIds);
  if (counterparts.size === 0) return;
  const attended = await attendedAmong(db, kind.table, municipalityId, sessionId, [...counterparts.values()].map((c) => c.id));
  for (const [agentId, other] of counterparts) {
    if (attended.has(other.id) || agentIds.includes(other.id)) {
      const [me] = await agentProfiles(db, municipalityId, { ids: [agentId] });
      throw new AppError('DELEGATE_COUNTERPART_ATTENDED', { name: me?.fullName ?? agentId, counterpart: other.fullName }, field);
    }
  }
}

export interface AttendanceChange {
  added: string[];
  alreadyRecorded: string[];
  attendanceCount: number;
}

/**
 * A facilitator records who attended (from the paper sheet or in the room). Adds only: people already recorded stay
 * recorded once, and nobody is removed, so a list typed in while others check in by DNI never erases them.
 */
export async function recordAttendance(handle: DatabaseHandle, actor: Actor, kind: AttendanceKind, municipalityId: string, processId: string,
  sessionId: string, agentIds: readonly string[], reason?: string): Promise<AttendanceChange> {
  const ids = [...new Set(agentIds)];
  return handle.db.transaction().execute(async (trx) => {
    const session = await kind.open(trx, handle.dialect, municipalityId, processId, sessionId);
    if (!attendanceOpen(session, new Date())) throw new AppError('ATTENDANCE_TOO_EARLY', { date: sessionDays(session).from });
    await assertApprovedAgents(trx, municipalityId, processId, ids);
    const already = await attendedAmong(trx, kind.table, municipalityId, sessionId, ids);
    await assertOneDelegatePerOrganization(trx, kind, municipalityId, sessionId, ids.filter((id) => !already.has(id)), 'agentIds');
    const added: string[] = [];
    const alreadyRecorded: string[] = [];
    const recordedAt = now();
    for (const agentId of ids) {
      const inserted = await insertAttendance(trx, kind.table, municipalityId, { sessionId, agentId, method: 'facilitator', recordedAt, recordedBy: actor.userId });
      (inserted ? added : alreadyRecorded).push(agentId);
    }
    if (added.length > 0) {
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: `${kind.auditPrefix}.record`, entityType: kind.entityType, entityId: sessionId,
        reason: reason ?? null, data: { processId, method: 'facilitator', agentIds: added },
      });
    }
    return { added, alreadyRecorded, attendanceCount: await countAttendance(trx, kind.table, municipalityId, sessionId) };
  });
}

/** Corrects a mistaken attendance. Removing someone not recorded changes nothing. */
export async function removeAttendance(handle: DatabaseHandle, actor: Actor, kind: AttendanceKind, municipalityId: string, processId: string,
  sessionId: string, agentId: string, reason?: string): Promise<{ removed: boolean; attendanceCount: number }> {
  return handle.db.transaction().execute(async (trx) => {
    await kind.open(trx, handle.dialect, municipalityId, processId, sessionId);
    await kind.beforeRemove?.(trx, municipalityId, sessionId, agentId);
    const removed = await deleteAttendance(trx, kind.table, municipalityId, sessionId, agentId);
    if (removed) {
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: `${kind.auditPrefix}.remove`, entityType: kind.entityType, entityId: sessionId,
        reason: reason ?? null, data: { processId, agentId },
      });
    }
    return { removed, attendanceCount: await countAttendance(trx, kind.table, municipalityId, sessionId) };
  });
}

export interface CheckInAnswer {
  agent: { id: string; fullName: string };
  recorded: boolean;
  attendanceCount: number;
}

/**
 * Check-in by DNI on the day of the session. Staff (`kind.staffAction`) may check in any DNI; anyone else only the
 * DNI of their own account, which must be an approved agent of the process.
 */
export async function checkIn(handle: DatabaseHandle, actor: Actor, kind: AttendanceKind, municipalityId: string, processId: string,
  sessionId: string, dni: string): Promise<CheckInAnswer> {
  const staff = can(actor, kind.staffAction, municipalityId);
  if (!staff && actor.dni !== dni) throw new AppError('CHECK_IN_OWN_DNI_ONLY', {}, 'dni');
  return handle.db.transaction().execute(async (trx) => {
    const session = await kind.open(trx, handle.dialect, municipalityId, processId, sessionId);
    if (!checkInOpen(session, new Date())) throw new AppError('CHECK_IN_CLOSED', { date: sessionDays(session).from });
    const found = await findApprovedAgentByDni(trx, municipalityId, processId, dni);
    if (!found) {
      // A registration still awaiting its decision (or refused) is not an unknown DNI: the facilitator needs to know which.
      const other = await registrationStatusByDni(trx, municipalityId, processId, dni);
      if (other?.status === 'pending') throw new AppError('CHECK_IN_REGISTRATION_PENDING', { dni, name: other.fullName }, 'dni');
      if (other?.status === 'rejected') throw new AppError('CHECK_IN_REGISTRATION_REJECTED', { dni, name: other.fullName }, 'dni');
      throw new AppError('NOT_REGISTERED_FOR_CHECK_IN', { dni }, 'dni');
    }
    const agent = { id: found.id, fullName: found.fullName };
    if (!(await attendedAmong(trx, kind.table, municipalityId, sessionId, [agent.id])).has(agent.id)) {
      await assertOneDelegatePerOrganization(trx, kind, municipalityId, sessionId, [agent.id], 'dni');
    }
    const recorded = await insertAttendance(trx, kind.table, municipalityId, { sessionId, agentId: agent.id, method: 'dni_check_in', recordedAt: now(), recordedBy: actor.userId });
    if (recorded) {
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: `${kind.auditPrefix}.check_in`, entityType: kind.entityType, entityId: sessionId,
        data: { processId, method: 'dni_check_in', agentId: agent.id, byStaff: staff, localDate: localDate() },
      });
    }
    return { agent, recorded, attendanceCount: await countAttendance(trx, kind.table, municipalityId, sessionId) };
  });
}
