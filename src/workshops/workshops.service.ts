import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { attendedAmong, listAttendance, type AttendanceKind } from '../attendance/attendance.ts';
import { attendanceOpen, sessionDays, toUtc } from '../attendance/session-times.ts';
import { exportAttendance } from '../attendance/attendance-export.ts';
import { findAxisRef, findZoneRef } from '../plan/plan.queries.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { findProposalRecord, listProposals } from '../proposals/proposals.queries.ts';
import { agentProfiles } from '../registration/registration.queries.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { newId, now } from '../shared/clock.ts';
import * as repo from './workshops.repository.ts';
import {
  assertWorkshopsOpen, checkScope, checkWorkshopTimes, type MinutesVersion, type Workshop, type WorkshopVote,
} from './workshops.ts';

/** Use cases of workshops. Each write checks the phase under the process lock, writes and audits in one transaction. */

async function mustFind(db: Executor, municipalityId: string, processId: string, workshopId: string): Promise<Workshop> {
  const w = await repo.findWorkshop(db, municipalityId, processId, workshopId);
  if (!w) throw new AppError('NOT_FOUND', { what: `workshop ${workshopId}` });
  return w;
}

export async function listWorkshops(handle: DatabaseHandle, municipalityId: string, processId: string): Promise<{ process: Process; workshops: Workshop[] }> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  return { process, workshops: await repo.listWorkshops(handle.db, municipalityId, processId) };
}

/** One workshop with every version of its minutes (newest first) and the votes of the room, for the public. */
export async function getWorkshop(handle: DatabaseHandle, municipalityId: string, processId: string, workshopId: string): Promise<{
  process: Process; workshop: Workshop; minutes: MinutesVersion[]; votes: WorkshopVote[];
}> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const workshop = await mustFind(handle.db, municipalityId, processId, workshopId);
  const [minutes, votes] = await Promise.all([repo.minutesOf(handle.db, municipalityId, workshopId), votesWithProposals(handle.db, municipalityId, processId, workshopId)]);
  return { process, workshop, minutes, votes };
}

async function votesWithProposals(db: Executor, municipalityId: string, processId: string, workshopId: string): Promise<WorkshopVote[]> {
  const rows = await repo.votesOf(db, municipalityId, workshopId);
  if (rows.length === 0) return [];
  const proposals = new Map((await listProposals(db, municipalityId, { processId })).proposals.map((p) => [p.id, p]));
  return rows.flatMap((r) => {
    const p = proposals.get(r.proposalId);
    return p ? [{ proposalId: r.proposalId, number: p.number, title: p.current.title, votes: r.votes, recordedAt: r.recordedAt, reason: r.reason }] : [];
  }).sort((a, b) => a.number - b.number);
}

export interface WorkshopInput {
  title: string;
  agenda: string;
  place: string;
  startsAt: string;
  endsAt: string;
  zoneId?: string | null | undefined;
  axisId?: string | null | undefined;
}

async function resolveZone(db: Executor, municipalityId: string, zoneId: string | null | undefined): Promise<string | null> {
  if (!zoneId) return null;
  if (!(await findZoneRef(db, municipalityId, zoneId))) throw new AppError('UNKNOWN_REFERENCE', { what: 'zone', value: zoneId }, 'zoneId');
  return zoneId;
}

async function resolveAxis(db: Executor, municipalityId: string, axisId: string | null | undefined): Promise<string | null> {
  if (!axisId) return null;
  if (!(await findAxisRef(db, municipalityId, axisId))) throw new AppError('UNKNOWN_REFERENCE', { what: 'axis', value: axisId }, 'axisId');
  return axisId;
}

/** Checks a workshop's record against the process and the plan; throws the first broken rule. */
async function checkRecord(db: Executor, municipalityId: string, process: Process, w: repo.WorkshopRecord): Promise<void> {
  const bad = checkWorkshopTimes(w.startsAt, w.endsAt, process.calendar) ?? checkScope(w.zoneId, w.axisId);
  if (bad) throw bad;
  await resolveZone(db, municipalityId, w.zoneId);
  await resolveAxis(db, municipalityId, w.axisId);
}

export async function createWorkshop(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string,
  input: WorkshopInput & { reason?: string | undefined }): Promise<Workshop> {
  const id = newId();
  const record: repo.WorkshopRecord = {
    id, processId, title: input.title, agenda: input.agenda, place: input.place, startsAt: toUtc(input.startsAt), endsAt: toUtc(input.endsAt),
    zoneId: input.zoneId ?? null, axisId: input.axisId ?? null,
  };
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    assertWorkshopsOpen(process.phase);
    await checkRecord(trx, municipalityId, process, record);
    await repo.insertWorkshop(trx, municipalityId, { ...record, createdAt: now(), createdBy: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'workshop.create', entityType: 'workshop', entityId: id,
      reason: input.reason ?? null, data: { ...record },
    });
  });
  return mustFind(handle.db, municipalityId, processId, id);
}

/** Changes a workshop's title, agenda, place, times, zone or axis; unchanged fields keep their value. */
export async function updateWorkshop(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, workshopId: string,
  patch: Partial<WorkshopInput> & { reason?: string | undefined }): Promise<Workshop> {
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    assertWorkshopsOpen(process.phase);
    const current = await mustFind(trx, municipalityId, processId, workshopId);
    const before: repo.WorkshopRecord = {
      id: workshopId, processId, title: current.title, agenda: current.agenda, place: current.place, startsAt: current.startsAt,
      endsAt: current.endsAt, zoneId: current.zone?.id ?? null, axisId: current.axis?.id ?? null,
    };
    const next: repo.WorkshopRecord = {
      ...before, title: patch.title ?? before.title, agenda: patch.agenda ?? before.agenda, place: patch.place ?? before.place,
      startsAt: patch.startsAt !== undefined ? toUtc(patch.startsAt) : before.startsAt, endsAt: patch.endsAt !== undefined ? toUtc(patch.endsAt) : before.endsAt,
      zoneId: patch.zoneId !== undefined ? patch.zoneId : before.zoneId, axisId: patch.axisId !== undefined ? patch.axisId : before.axisId,
    };
    await checkRecord(trx, municipalityId, process, next);
    const changed = (Object.keys(next) as (keyof repo.WorkshopRecord)[]).filter((k) => next[k] !== before[k]);
    if (changed.length === 0) return;
    await repo.updateWorkshop(trx, municipalityId, next, now());
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'workshop.update', entityType: 'workshop', entityId: workshopId,
      reason: patch.reason ?? null,
      data: { processId, changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, next[k]])) },
    });
  });
  return mustFind(handle.db, municipalityId, processId, workshopId);
}

/** A workshop's attendance: the shared rules (attendance/attendance.ts) on its own table, during Concertation. */
export const WORKSHOP_ATTENDANCE: AttendanceKind = {
  table: 'workshop_attendance',
  entityType: 'workshop',
  auditPrefix: 'workshop.attendance',
  exportAction: 'workshop.export',
  staffAction: 'workshop.manage',
  async open(trx, dialect, municipalityId, processId, workshopId) {
    const process = await lockProcess(trx, dialect, municipalityId, processId);
    assertWorkshopsOpen(process.phase);
    return mustFind(trx, municipalityId, processId, workshopId);
  },
  async beforeRemove(trx, municipalityId, workshopId, agentId) {
    if (await repo.signedMinutes(trx, municipalityId, workshopId, agentId)) {
      const [a] = await agentProfiles(trx, municipalityId, { ids: [agentId] });
      throw new AppError('WORKSHOP_SIGNER_ATTENDANCE', { name: a?.fullName ?? agentId }, 'agentId');
    }
  },
};

/** Who attended a workshop, with names and DNI: for staff. */
export async function workshopAttendance(handle: DatabaseHandle, municipalityId: string, processId: string, workshopId: string) {
  await requireProcess(handle.db, municipalityId, processId);
  const workshop = await mustFind(handle.db, municipalityId, processId, workshopId);
  return { workshop, attendees: await listAttendance(handle.db, WORKSHOP_ATTENDANCE.table, municipalityId, workshopId) };
}

/** Who attended a workshop, to take away as CSV or PDF: read and audited as `workshop.export`. */
export async function exportWorkshopAttendance(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, workshopId: string, format: 'csv' | 'pdf') {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const workshop = await mustFind(handle.db, municipalityId, processId, workshopId);
  return { process, workshop, attendees: await exportAttendance(handle, actor, WORKSHOP_ATTENDANCE, municipalityId, processId, workshopId, format) };
}

/** The printable attendance sheet: the workshop and the approved agents expected (of its zone, when it has one). */
export async function attendanceSheet(handle: DatabaseHandle, municipalityId: string, processId: string, workshopId: string) {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const workshop = await mustFind(handle.db, municipalityId, processId, workshopId);
  return { process, workshop, agents: await repo.expectedAgents(handle.db, municipalityId, processId, workshop.zone?.id ?? null) };
}

export interface MinutesInput {
  summary: string;
  agreements: string[];
  signerAgentIds: string[];
  /** Required for a correction (any version after the first). */
  reason?: string | undefined;
}

/**
 * Signs the workshop's minutes: a summary, the agreements taken, and the attendees who sign. Signed minutes never
 * change: a correction is a new version, with its reason, and every version stays readable.
 */
export async function signMinutes(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, workshopId: string,
  input: MinutesInput): Promise<MinutesVersion[]> {
  const signers = [...new Set(input.signerAgentIds)];
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    assertWorkshopsOpen(process.phase);
    const workshop = await mustFind(trx, municipalityId, processId, workshopId);
    if (!attendanceOpen(workshop, new Date())) throw new AppError('WORKSHOP_NOT_HELD_YET', { date: sessionDays(workshop).from });
    const version = (await repo.latestMinutesVersion(trx, municipalityId, workshopId)) + 1;
    const reason = input.reason?.trim() || null;
    if (version > 1 && (!reason || reason.length < 5)) throw invalid('reason', 'reason_required');
    const present = await attendedAmong(trx, WORKSHOP_ATTENDANCE.table, municipalityId, workshopId, signers);
    const absent = signers.find((id) => !present.has(id));
    if (absent) {
      const [a] = await agentProfiles(trx, municipalityId, { ids: [absent] });
      throw new AppError('WORKSHOP_SIGNER_ABSENT', { name: a?.fullName ?? absent }, 'signerAgentIds');
    }
    await repo.insertMinutes(trx, municipalityId, workshopId, {
      version, summary: input.summary, agreements: input.agreements, signerAgentIds: signers, signedAt: now(), signedBy: actor.userId, reason,
    });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: version === 1 ? 'workshop.minutes.sign' : 'workshop.minutes.correct',
      entityType: 'workshop', entityId: workshopId, reason,
      data: { processId, version, summary: input.summary, agreements: input.agreements, signerAgentIds: signers },
    });
  });
  return repo.minutesOf(handle.db, municipalityId, workshopId);
}

export interface VotesInput {
  votes: { proposalId: string; votes: number }[];
  /** Required when a count already recorded changes. */
  reason?: string | undefined;
}

/**
 * Records the votes each proposal got in the room. One count per workshop and proposal: typing it again replaces it,
 * which is a correction and needs a reason (the audit log keeps the count replaced). Only standing proposals (submitted,
 * not withdrawn) of the workshop's process are voted on.
 */
export async function recordVotes(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, workshopId: string,
  input: VotesInput): Promise<WorkshopVote[]> {
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    assertWorkshopsOpen(process.phase);
    const workshop = await mustFind(trx, municipalityId, processId, workshopId);
    if (!attendanceOpen(workshop, new Date())) throw new AppError('WORKSHOP_NOT_HELD_YET', { date: sessionDays(workshop).from });
    const seen = new Set<string>();
    for (const v of input.votes) {
      if (seen.has(v.proposalId)) throw invalid('votes', 'invalid');
      seen.add(v.proposalId);
      const p = await findProposalRecord(trx, municipalityId, v.proposalId);
      if (!p || p.processId !== processId || p.status !== 'submitted') {
        throw new AppError('WORKSHOP_VOTE_PROPOSAL', { proposal: p ? `N.° ${p.number}` : v.proposalId }, 'votes');
      }
    }
    const before = new Map((await repo.votesOf(trx, municipalityId, workshopId)).map((r) => [r.proposalId, r.votes]));
    const changes = input.votes.filter((v) => before.get(v.proposalId) !== v.votes);
    const corrections = changes.filter((v) => before.has(v.proposalId));
    const reason = input.reason?.trim() || null;
    if (corrections.length > 0 && (!reason || reason.length < 5)) throw invalid('reason', 'reason_required');
    if (changes.length === 0) return;
    const at = now();
    for (const v of changes) {
      await repo.upsertVotes(trx, municipalityId, workshopId, {
        proposalId: v.proposalId, votes: v.votes, recordedAt: at, recordedBy: actor.userId, reason: before.has(v.proposalId) ? reason : null,
      });
    }
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: corrections.length > 0 ? 'workshop.votes.correct' : 'workshop.votes.record',
      entityType: 'workshop', entityId: workshopId, reason,
      data: { processId, votes: changes.map((v) => ({ proposalId: v.proposalId, votes: v.votes, before: before.get(v.proposalId) ?? null })) },
    });
  });
  return votesWithProposals(handle.db, municipalityId, processId, workshopId);
}
