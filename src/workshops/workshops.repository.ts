import type { Executor } from '../db/database.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import { axisRefs, zonesById } from '../plan/plan.queries.ts';
import { agentProfiles } from '../registration/registration.queries.ts';
import type { MinutesVersion, Workshop } from './workshops.ts';

/** Every query names the municipality: a workshop, agent or proposal of another municipality is never reachable. */

export interface WorkshopRecord {
  id: string;
  processId: string;
  title: string;
  agenda: string;
  place: string;
  startsAt: string;
  endsAt: string;
  zoneId: string | null;
  axisId: string | null;
}

function workshopsQuery(db: Executor, municipalityId: string) {
  return db.selectFrom('workshops as w')
    .select(['w.id', 'w.process_id', 'w.title', 'w.agenda', 'w.place', 'w.starts_at', 'w.ends_at', 'w.zone_id', 'w.axis_id', 'w.created_at'])
    .select((eb) => eb.selectFrom('workshop_attendance as a').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('a.municipality_id', '=', 'w.municipality_id').whereRef('a.session_id', '=', 'w.id').as('attendance_count'))
    .select((eb) => eb.selectFrom('workshop_minutes as m').select((e) => e.fn.max('m.version').as('v'))
      .whereRef('m.municipality_id', '=', 'w.municipality_id').whereRef('m.workshop_id', '=', 'w.id').as('minutes_version'))
    .where('w.municipality_id', '=', municipalityId);
}

async function present(db: Executor, municipalityId: string, rows: Awaited<ReturnType<ReturnType<typeof workshopsQuery>['execute']>>): Promise<Workshop[]> {
  if (rows.length === 0) return [];
  const [zones, axes] = await Promise.all([zonesById(db, municipalityId), axisRefs(db, municipalityId)]);
  const axisName = new Map(axes.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id, processId: r.process_id, title: r.title, agenda: r.agenda, place: r.place, startsAt: r.starts_at, endsAt: r.ends_at,
    zone: r.zone_id ? { id: r.zone_id, name: zones.get(r.zone_id)?.name ?? '' } : null,
    axis: r.axis_id ? { id: r.axis_id, name: axisName.get(r.axis_id) ?? '' } : null,
    attendanceCount: Number(r.attendance_count ?? 0),
    minutesVersion: r.minutes_version === null || r.minutes_version === undefined ? null : Number(r.minutes_version),
    createdAt: r.created_at,
  }));
}

/** The workshops of a process, by start time. */
export async function listWorkshops(db: Executor, municipalityId: string, processId: string): Promise<Workshop[]> {
  const rows = await workshopsQuery(db, municipalityId).where('w.process_id', '=', processId).orderBy('w.starts_at').orderBy('w.id').execute();
  return present(db, municipalityId, rows);
}

export async function findWorkshop(db: Executor, municipalityId: string, processId: string, workshopId: string): Promise<Workshop | null> {
  const rows = await workshopsQuery(db, municipalityId).where('w.process_id', '=', processId).where('w.id', '=', workshopId).execute();
  return (await present(db, municipalityId, rows))[0] ?? null;
}

/** A workshop of the municipality (any process) by id, for the route's scope; null when there is none. */
export async function findWorkshopRef(db: Executor, municipalityId: string, workshopId: string): Promise<{ id: string; processId: string } | null> {
  const r = await db.selectFrom('workshops').select(['id', 'process_id']).where('municipality_id', '=', municipalityId).where('id', '=', workshopId).executeTakeFirst();
  return r ? { id: r.id, processId: r.process_id } : null;
}

export async function insertWorkshop(db: Executor, municipalityId: string, w: WorkshopRecord & { createdAt: string; createdBy: string }): Promise<void> {
  await db.insertInto('workshops').values({
    municipality_id: municipalityId, id: w.id, process_id: w.processId, title: w.title, agenda: w.agenda, place: w.place,
    starts_at: w.startsAt, ends_at: w.endsAt, zone_id: w.zoneId, axis_id: w.axisId, created_at: w.createdAt, created_by: w.createdBy,
    updated_at: w.createdAt,
  }).execute();
}

export async function updateWorkshop(db: Executor, municipalityId: string, w: WorkshopRecord, at: string): Promise<void> {
  await db.updateTable('workshops').set({
    title: w.title, agenda: w.agenda, place: w.place, starts_at: w.startsAt, ends_at: w.endsAt, zone_id: w.zoneId, axis_id: w.axisId, updated_at: at,
  }).where('municipality_id', '=', municipalityId).where('id', '=', w.id).execute();
}

/** Every version of a workshop's minutes, newest first, with agreements and signers' names. */
export async function minutesOf(db: Executor, municipalityId: string, workshopId: string): Promise<MinutesVersion[]> {
  const [versions, agreements, signers] = await Promise.all([
    db.selectFrom('workshop_minutes').selectAll().where('municipality_id', '=', municipalityId).where('workshop_id', '=', workshopId)
      .orderBy('version', 'desc').execute(),
    db.selectFrom('workshop_agreements').select(['version', 'position', 'text']).where('municipality_id', '=', municipalityId)
      .where('workshop_id', '=', workshopId).orderBy('version').orderBy('position').execute(),
    db.selectFrom('workshop_minutes_signers').select(['version', 'agent_id']).where('municipality_id', '=', municipalityId)
      .where('workshop_id', '=', workshopId).execute(),
  ]);
  if (versions.length === 0) return [];
  const [agents, signedBy] = await Promise.all([
    agentProfiles(db, municipalityId, { ids: signers.map((s) => s.agent_id) }),
    userNames(db, versions.map((v) => v.signed_by)),
  ]);
  return versions.map((v) => ({
    version: Number(v.version), summary: v.summary,
    agreements: agreements.filter((a) => Number(a.version) === Number(v.version)).map((a) => a.text),
    signers: agents.filter((a) => signers.some((s) => Number(s.version) === Number(v.version) && s.agent_id === a.id))
      .map((a) => ({ agentId: a.id, fullName: a.fullName })),
    signedAt: v.signed_at, signedByName: signedBy.get(v.signed_by) ?? '', reason: v.reason,
  }));
}

export async function latestMinutesVersion(db: Executor, municipalityId: string, workshopId: string): Promise<number> {
  const r = await db.selectFrom('workshop_minutes').select((eb) => eb.fn.max('version').as('v'))
    .where('municipality_id', '=', municipalityId).where('workshop_id', '=', workshopId).executeTakeFirst();
  return r?.v === null || r?.v === undefined ? 0 : Number(r.v);
}

export async function insertMinutes(db: Executor, municipalityId: string, workshopId: string, m: {
  version: number; summary: string; agreements: readonly string[]; signerAgentIds: readonly string[]; signedAt: string; signedBy: string; reason: string | null;
}): Promise<void> {
  await db.insertInto('workshop_minutes').values({
    municipality_id: municipalityId, workshop_id: workshopId, version: m.version, summary: m.summary, signed_at: m.signedAt,
    signed_by: m.signedBy, reason: m.reason,
  }).execute();
  if (m.agreements.length > 0) {
    await db.insertInto('workshop_agreements').values(m.agreements.map((text, i) => ({
      municipality_id: municipalityId, workshop_id: workshopId, version: m.version, position: i + 1, text,
    }))).execute();
  }
  await db.insertInto('workshop_minutes_signers').values(m.signerAgentIds.map((agentId) => ({
    municipality_id: municipalityId, workshop_id: workshopId, version: m.version, agent_id: agentId,
  }))).execute();
}

/** Whether the agent signed any version of the workshop's minutes. */
export async function signedMinutes(db: Executor, municipalityId: string, workshopId: string, agentId: string): Promise<boolean> {
  const r = await db.selectFrom('workshop_minutes_signers').select('agent_id').where('municipality_id', '=', municipalityId)
    .where('workshop_id', '=', workshopId).where('agent_id', '=', agentId).limit(1).executeTakeFirst();
  return r !== undefined;
}

export interface VoteRow {
  proposalId: string;
  votes: number;
  recordedAt: string;
  reason: string | null;
}

export async function votesOf(db: Executor, municipalityId: string, workshopId: string): Promise<VoteRow[]> {
  const rows = await db.selectFrom('workshop_votes').select(['proposal_id', 'votes', 'recorded_at', 'reason'])
    .where('municipality_id', '=', municipalityId).where('workshop_id', '=', workshopId).execute();
  return rows.map((r) => ({ proposalId: r.proposal_id, votes: Number(r.votes), recordedAt: r.recorded_at, reason: r.reason }));
}

/** Sets the room's count for a proposal (one per workshop and proposal: a correction replaces it). */
export async function upsertVotes(db: Executor, municipalityId: string, workshopId: string, v: {
  proposalId: string; votes: number; recordedAt: string; recordedBy: string; reason: string | null;
}): Promise<void> {
  await db.insertInto('workshop_votes').values({
    municipality_id: municipalityId, workshop_id: workshopId, proposal_id: v.proposalId, votes: v.votes, recorded_at: v.recordedAt,
    recorded_by: v.recordedBy, reason: v.reason,
  }).onConflict((oc) => oc.columns(['municipality_id', 'workshop_id', 'proposal_id'])
    .doUpdateSet({ votes: v.votes, recorded_at: v.recordedAt, recorded_by: v.recordedBy, reason: v.reason })).execute();
}

/** Each proposal's votes summed over every workshop of the process. */
export async function votesByProposal(db: Executor, municipalityId: string, processId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('workshop_votes as v')
    .innerJoin('workshops as w', (j) => j.onRef('w.municipality_id', '=', 'v.municipality_id').onRef('w.id', '=', 'v.workshop_id'))
    .select(['v.proposal_id', (eb) => eb.fn.sum<number | string>('v.votes').as('total')])
    .where('v.municipality_id', '=', municipalityId).where('w.process_id', '=', processId).groupBy('v.proposal_id').execute();
  return new Map(rows.map((r) => [r.proposal_id, Number(r.total)]));
}

/** The ids of agents who attended at least one workshop of the process (a subquery). */
export function attendeesQuery(db: Executor, municipalityId: string, processId: string) {
  return db.selectFrom('workshop_attendance as a')
    .innerJoin('workshops as w', (j) => j.onRef('w.municipality_id', '=', 'a.municipality_id').onRef('w.id', '=', 'a.session_id'))
    .select('a.agent_id').distinct()
    .where('a.municipality_id', '=', municipalityId).where('w.process_id', '=', processId);
}

/** Workshops of the process that had ended by `asOf` and have no signed minutes, by start time. */
export async function heldWithoutMinutes(db: Executor, municipalityId: string, processId: string, asOf: string): Promise<{ id: string; title: string }[]> {
  return db.selectFrom('workshops as w').select(['w.id', 'w.title'])
    .where('w.municipality_id', '=', municipalityId).where('w.process_id', '=', processId).where('w.ends_at', '<=', asOf)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('workshop_minutes as m').select('m.version')
      .whereRef('m.municipality_id', '=', 'w.municipality_id').whereRef('m.workshop_id', '=', 'w.id'))))
    .orderBy('w.starts_at').orderBy('w.id').execute();
}

/** Approved agents expected at a workshop (those of its zone when it has one), for the printable sheet. */
export async function expectedAgents(db: Executor, municipalityId: string, processId: string, zoneId: string | null) {
  const [agents, zones] = await Promise.all([agentProfiles(db, municipalityId, { processId, approvedOnly: true, zoneId }), zonesById(db, municipalityId)]);
  return agents.map((a) => ({ agentId: a.id, fullName: a.fullName, dni: a.dni, zone: { id: a.zoneId, name: zones.get(a.zoneId)?.name ?? '' }, organizationName: a.organizationName }));
}
