import type { SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { OrganizationType, Sex } from './registration.ts';
import { countOpenChallenges, findLists } from './registration-lists.repository.ts';

/** Registrations still waiting for the municipality's decision. */
export async function countPendingRegistrations(db: Executor, municipalityId: string, processId: string): Promise<{ agents: number; organizations: number }> {
  const [a, o] = await Promise.all([
    db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('status', '=', 'pending').executeTakeFirstOrThrow(),
    db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('status', '=', 'pending').executeTakeFirstOrThrow(),
  ]);
  return { agents: Number(a.n), organizations: Number(o.n) };
}

export async function findApprovedAgentByDni(db: Executor, municipalityId: string, processId: string, dni: string): Promise<{ id: string; fullName: string; sex: 'female' | 'male'; zoneId: string; organizationId: string | null } | null> {
  const r = await db.selectFrom('agents').select(['id', 'full_name', 'sex', 'zone_id', 'organization_id'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('dni', '=', dni).where('status', '=', 'approved')
    .executeTakeFirst();
  return r ? { id: r.id, fullName: r.full_name, sex: r.sex, zoneId: r.zone_id, organizationId: r.organization_id } : null;
}

/** The status of the registration a DNI holds in a process, whatever it is; null when the DNI is not registered there. */
export async function registrationStatusByDni(db: Executor, municipalityId: string, processId: string, dni: string): Promise<{ fullName: string; status: 'pending' | 'approved' | 'rejected' } | null> {
  const r = await db.selectFrom('agents').select(['full_name', 'status'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('dni', '=', dni).executeTakeFirst();
  return r ? { fullName: r.full_name, status: r.status as 'pending' | 'approved' | 'rejected' } : null;
}

/** Whether the process has at least one approved participating agent. */
export async function hasApprovedAgent(db: Executor, municipalityId: string, processId: string): Promise<boolean> {
  const row = await db.selectFrom('agents').select('id').where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId).where('status', '=', 'approved').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Women and men among the accredited delegates: approved agents registered through an organization. */
export async function delegateCounts(db: Executor, municipalityId: string, processId: string): Promise<{ women: number; men: number }> {
  const rows = await db.selectFrom('agents').select(['sex', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
    .where('status', '=', 'approved').where('organization_id', 'is not', null).groupBy('sex').execute();
  return { women: Number(rows.find((r) => r.sex === 'female')?.n ?? 0), men: Number(rows.find((r) => r.sex === 'male')?.n ?? 0) };
}

/** An agent as other areas see it: name, sex, status and organization; no contact data. */
export interface AgentSummary {
  id: string;
  fullName: string;
  sex: Sex;
  status: string;
  organization: { id: string; name: string; type: OrganizationType } | null;
}

/** The agents of this municipality with these ids (any process), in no particular order. */
export async function agentSummaries(db: Executor, municipalityId: string, ids: readonly string[]): Promise<AgentSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('agents as a')
    .leftJoin('organizations as o', (j) => j.onRef('o.id', '=', 'a.organization_id').onRef('o.municipality_id', '=', 'a.municipality_id'))
    .select(['a.id', 'a.full_name', 'a.sex', 'a.status', 'o.id as org_id', 'o.name as org_name', 'o.type as org_type'])
    .where('a.municipality_id', '=', municipalityId).where('a.id', 'in', [...ids]).execute();
  return rows.map((r) => ({
    id: r.id, fullName: r.full_name, sex: r.sex, status: r.status,
    organization: r.org_id && r.org_name && r.org_type ? { id: r.org_id, name: r.org_name, type: r.org_type } : null,
  }));
}

/** One agent of a process, as other areas see it, or null. */
export async function findAgentSummary(db: Executor, municipalityId: string, processId: string, agentId: string): Promise<AgentSummary | null> {
  const r = await db.selectFrom('agents').select('id').where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId).where('id', '=', agentId).executeTakeFirst();
  return r ? (await agentSummaries(db, municipalityId, [r.id]))[0] ?? null : null;
}

/** The ids of the approved agents of a process, as a subquery (`where('agent_id', 'in', ...)`). */
export function approvedAgentIds(db: Executor, municipalityId: string, processId: string) {
  return db.selectFrom('agents').select('id')
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('status', '=', 'approved');
}

/** An agent with the fields other areas list and notify by: no decision details. */
export interface AgentProfile {
  id: string;
  processId: string;
  dni: string;
  fullName: string;
  sex: Sex;
  status: 'pending' | 'approved' | 'rejected';
  zoneId: string;
  organizationId: string | null;
  organizationName: string | null;
  userId: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Agents of this municipality, by name (then id): those with these ids, or those of a process (optionally only the
 * approved ones, of one zone).
 */
export async function agentProfiles(db: Executor, municipalityId: string, which: { ids: readonly string[] } | { processId: string; approvedOnly?: boolean; zoneId?: string | null }): Promise<AgentProfile[]> {
  if ('ids' in which && which.ids.length === 0) return [];
  let q = db.selectFrom('agents as a')
    .leftJoin('organizations as o', (j) => j.onRef('o.id', '=', 'a.organization_id').onRef('o.municipality_id', '=', 'a.municipality_id'))
    .select(['a.id', 'a.process_id', 'a.dni', 'a.full_name', 'a.sex', 'a.status', 'a.zone_id', 'a.organization_id', 'o.name as org_name', 'a.user_id', 'a.email', 'a.phone'])
    .where('a.municipality_id', '=', municipalityId);
  if ('ids' in which) q = q.where('a.id', 'in', [...new Set(which.ids)]);
  else {
    q = q.where('a.process_id', '=', which.processId);
    if (which.approvedOnly) q = q.where('a.status', '=', 'approved');
    if (which.zoneId) q = q.where('a.zone_id', '=', which.zoneId);
  }
  const rows = await q.orderBy('a.full_name').orderBy('a.id').execute();
  return rows.map((r) => ({
    id: r.id, processId: r.process_id, dni: r.dni, fullName: r.full_name, sex: r.sex, status: r.status, zoneId: r.zone_id,
    organizationId: r.organization_id, organizationName: r.org_name, userId: r.user_id, email: r.email, phone: r.phone,
  }));
}

/** Where a process's registrations stand: decided or not, the lists published, the challenges still open. */
export async function registrationStanding(db: Executor, municipalityId: string, processId: string) {
  const [pending, groups, lists, openChallenges] = await Promise.all([
    countPendingRegistrations(db, municipalityId, processId), agentGroups(db, municipalityId, processId),
    findLists(db, municipalityId, processId), countOpenChallenges(db, municipalityId, processId),
  ]);
  return {
    pending,
    approvedAgents: groups.filter((g) => g.status === 'approved').reduce((n, g) => n + g.count, 0),
    preliminaryListPublished: lists.some((l) => l.stage === 'preliminary'),
    definitiveListPublished: lists.some((l) => l.stage === 'definitive'),
    openChallenges,
  };
}

/** Every registration of an account, on the whole installation (its own: online, or linked with a claim code). */
export async function registrationsOfUser(db: Executor, userId: string): Promise<{ municipalityId: string; processId: string; id: string; status: 'pending' | 'approved' | 'rejected' }[]> {
  const rows = await db.selectFrom('agents').select(['municipality_id', 'process_id', 'id', 'status']).where('user_id', '=', userId).execute();
  return rows.map((r) => ({ municipalityId: r.municipality_id, processId: r.process_id, id: r.id, status: r.status }));
}

/** The registration of an account in a process (online, or linked with its claim code), as other areas see it; or null. */
export async function agentOfUser(db: Executor, municipalityId: string, processId: string, userId: string): Promise<AgentProfile | null> {
  const r = await db.selectFrom('agents').select('id').where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId).where('user_id', '=', userId).executeTakeFirst();
  return r ? (await agentProfiles(db, municipalityId, { ids: [r.id] }))[0] ?? null : null;
}

/** Agents of a process counted per status, sex, age band, zone and type of their organization (null: individuals). */
export async function agentGroups(db: Executor, municipalityId: string, processId: string, opts: { approvedAmong?: AgentIdsSubquery } = {}) {
  let q = db.selectFrom('agents as a')
    .leftJoin('organizations as o', (j) => j.onRef('o.municipality_id', '=', 'a.municipality_id').onRef('o.id', '=', 'a.organization_id'))
    .where('a.municipality_id', '=', municipalityId).where('a.process_id', '=', processId);
  if (opts.approvedAmong) q = q.where('a.status', '=', 'approved').where('a.id', 'in', opts.approvedAmong);
  const rows = await q.select(['a.status', 'a.sex', 'a.age_band', 'a.zone_id', 'o.type', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['a.status', 'a.sex', 'a.age_band', 'a.zone_id', 'o.type']).execute();
  return rows.map((r) => ({ status: r.status, sex: r.sex, ageBand: r.age_band, zoneId: r.zone_id, organizationType: r.type ?? null, count: Number(r.n) }));
}

/** A subquery selecting agent ids (another area's, such as the trained agents). */
export type AgentIdsSubquery = SelectQueryBuilder<any, any, { agent_id: string }>;

/** Organizations of a process counted per status and type. */
export async function organizationGroups(db: Executor, municipalityId: string, processId: string) {
  const rows = await db.selectFrom('organizations').select(['status', 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
    .groupBy(['status', 'type']).execute();
  return rows.map((r) => ({ status: r.status, type: r.type, count: Number(r.n) }));
}

/** Every process's agents of the municipality counted per status and sex, and its approved organizations. */
export async function registrationCountsByProcess(db: Executor, municipalityId: string) {
  const agents = await db.selectFrom('agents').select(['process_id', 'status', 'sex', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).groupBy(['process_id', 'status', 'sex']).execute();
  const organizations = await db.selectFrom('organizations').select(['process_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).where('status', '=', 'approved').groupBy('process_id').execute();
  return {
    agents: agents.map((a) => ({ processId: a.process_id, status: a.status, sex: a.sex, count: Number(a.n) })),
    organizationsApproved: organizations.map((o) => ({ processId: o.process_id, count: Number(o.n) })),
  };
}

/** The approved agent of a process linked to this account (one per account and process), as other areas see it. */
export async function approvedAgentOfUser(db: Executor, municipalityId: string, processId: string, userId: string): Promise<AgentSummary | null> {
  const r = await db.selectFrom('agents').select('id').where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
    .where('user_id', '=', userId).where('status', '=', 'approved').executeTakeFirst();
  return r ? (await agentSummaries(db, municipalityId, [r.id]))[0] ?? null : null;
}

/** An organization of a process with its registration status, or null. */
export async function findOrganizationRef(db: Executor, municipalityId: string, processId: string, organizationId: string): Promise<{ id: string; name: string; status: string } | null> {
  return (await db.selectFrom('organizations').select(['id', 'name', 'status']).where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId).where('id', '=', organizationId).executeTakeFirst()) ?? null;
}

/**
 * For each of these agents who is a titular or substitute delegate, the other one of their organization (approved):
 * the one who may not also act where they act (attendance, and voting later).
 */
export async function delegateCounterparts(db: Executor, municipalityId: string, agentIds: readonly string[]): Promise<Map<string, { id: string; fullName: string }>> {
  if (agentIds.length === 0) return new Map();
  const delegates = await db.selectFrom('agents').select(['id', 'organization_id', 'delegate_role'])
    .where('municipality_id', '=', municipalityId).where('id', 'in', [...agentIds]).where('delegate_role', 'is not', null).execute();
  const orgIds = [...new Set(delegates.flatMap((d) => (d.organization_id ? [d.organization_id] : [])))];
  if (orgIds.length === 0) return new Map();
  const all = await db.selectFrom('agents').select(['id', 'full_name', 'organization_id', 'delegate_role'])
    .where('municipality_id', '=', municipalityId).where('organization_id', 'in', orgIds).where('delegate_role', 'is not', null)
    .where('status', '=', 'approved').execute();
  const result = new Map<string, { id: string; fullName: string }>();
  for (const d of delegates) {
    const other = all.find((a) => a.organization_id === d.organization_id && a.delegate_role !== d.delegate_role);
    if (other) result.set(d.id, { id: other.id, fullName: other.full_name });
  }
  return result;
}

/**
 * What ties each of these accounts to the agents and organizations of a process: the registrations (not rejected)
 * linked to it, with their organization (its delegates), and the organizations it registered. Evaluation's conflict
 * rule reads it: nobody evaluates a proposal of their own or of an organization they belong to.
 */
export async function accountTies(db: Executor, municipalityId: string, processId: string, userIds: readonly string[]): Promise<Map<string, { agents: { id: string; organizationId: string | null }[]; registeredOrganizationIds: string[] }>> {
  const ids = [...new Set(userIds)];
  const out = new Map(ids.map((id) => [id, { agents: [] as { id: string; organizationId: string | null }[], registeredOrganizationIds: [] as string[] }]));
  if (ids.length === 0) return out;
  const [agents, organizations] = await Promise.all([
    db.selectFrom('agents').select(['id', 'user_id', 'organization_id']).where('municipality_id', '=', municipalityId)
      .where('process_id', '=', processId).where('user_id', 'in', ids).where('status', '!=', 'rejected').execute(),
    db.selectFrom('organizations').select(['id', 'submitted_by']).where('municipality_id', '=', municipalityId)
      .where('process_id', '=', processId).where('submitted_by', 'in', ids).execute(),
  ]);
  for (const a of agents) out.get(a.user_id!)?.agents.push({ id: a.id, organizationId: a.organization_id });
  for (const o of organizations) out.get(o.submitted_by!)?.registeredOrganizationIds.push(o.id);
  return out;
}
