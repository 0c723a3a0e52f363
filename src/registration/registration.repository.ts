import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Dialect, Executor } from '../db/database.ts';
import type { AgentImportsTable, AgentsTable, OrganizationsTable } from './registration.tables.ts';
import type { Agent, Organization, OrganizationRef, RegistrationSource, RegistrationStatus, ZoneRef } from './registration.ts';
import { memberWithRole } from '../accounts/accounts.queries.ts';
import { zoneRefs, zonesById } from '../plan/plan.queries.ts';
import { municipalityName as nameOfMunicipality } from '../territory/territory.queries.ts';

/**
 * Storage of agents' and organizations' registrations. Every query names the municipality: a registration of
 * another municipality is never reachable through this one.
 */

function agentQuery(db: Executor, municipalityId: string, processId: string) {
  return db.selectFrom('agents as a')
    .leftJoin('organizations as o', (j) => j.onRef('o.id', '=', 'a.organization_id').onRef('o.municipality_id', '=', 'a.municipality_id'))
    .select([
      'a.id', 'a.process_id', 'a.dni', 'a.full_name', 'a.sex', 'a.age_band', 'a.phone', 'a.email', 'a.status', 'a.decision_reason',
      'a.decided_at', 'a.source', 'a.user_id', 'a.submitted_by', 'a.created_at', 'a.updated_at',
      'a.zone_id', 'a.delegate_role', 'o.id as org_id', 'o.name as org_name', 'o.type as org_type',
    ])
    .where('a.municipality_id', '=', municipalityId).where('a.process_id', '=', processId);
}

type AgentRow = Awaited<ReturnType<ReturnType<typeof agentQuery>['executeTakeFirstOrThrow']>>;

/** The zone a registration names, from the plan area's zones of the municipality. */
function zoneOf(zones: ReadonlyMap<string, ZoneRef>, zoneId: string): ZoneRef {
  return zones.get(zoneId) ?? { id: zoneId, code: '', name: '' };
}

function toAgent(r: AgentRow, zones: ReadonlyMap<string, ZoneRef>): Agent {
  return {
    id: r.id, processId: r.process_id, dni: r.dni, fullName: r.full_name, sex: r.sex, ageBand: r.age_band,
    zone: zoneOf(zones, r.zone_id), phone: r.phone, email: r.email,
    organization: r.org_id && r.org_name && r.org_type ? { id: r.org_id, name: r.org_name, type: r.org_type } : null,
    delegateRole: r.delegate_role,
    status: r.status, decisionReason: r.decision_reason, decidedAt: r.decided_at, source: r.source,
    userId: r.user_id, submittedBy: r.submitted_by, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function organizationQuery(db: Executor, municipalityId: string, processId: string) {
  return db.selectFrom('organizations as o')
    .select([
      'o.id', 'o.process_id', 'o.name', 'o.type', 'o.registry_number', 'o.contact_phone', 'o.contact_email', 'o.status',
      'o.decision_reason', 'o.decided_at', 'o.source', 'o.submitted_by', 'o.created_at', 'o.updated_at', 'o.zone_id',
      'o.standing_kind', 'o.standing_file_id',
    ])
    .where('o.municipality_id', '=', municipalityId).where('o.process_id', '=', processId);
}

type OrganizationRow = Awaited<ReturnType<ReturnType<typeof organizationQuery>['executeTakeFirstOrThrow']>>;

function toOrganization(r: OrganizationRow, zones: ReadonlyMap<string, ZoneRef>): Organization {
  return {
    id: r.id, processId: r.process_id, name: r.name, type: r.type, registryNumber: r.registry_number,
    zone: zoneOf(zones, r.zone_id), contactPhone: r.contact_phone, contactEmail: r.contact_email,
    standing: { kind: r.standing_kind, fileId: r.standing_file_id },
    status: r.status, decisionReason: r.decision_reason, decidedAt: r.decided_at, source: r.source,
    submittedBy: r.submitted_by, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** Letters and digits of a search, lowercased, without LIKE wildcards. */
function likePattern(q: string): string {
  return `%${q.trim().toLowerCase().replace(/[%_\\]/g, '')}%`;
}

// --- Reference data ---

export async function listZoneRefs(db: Executor, municipalityId: string): Promise<ZoneRef[]> {
  return zoneRefs(db, municipalityId);
}

export async function listOrganizationRefs(db: Executor, municipalityId: string, processId: string, onlyId?: string): Promise<OrganizationRef[]> {
  let q = db.selectFrom('organizations').select(['id', 'name', 'type', 'registry_number', 'status'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId);
  if (onlyId !== undefined) q = q.where('id', '=', onlyId);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, registryNumber: r.registry_number, status: r.status }));
}

/** DNIs registered in the process, but for the registration `exceptId` (the one being edited), limited to `dnis` if given. */
export async function takenDnis(db: Executor, municipalityId: string, processId: string, opts: { dnis?: string[]; exceptId?: string } = {}): Promise<Set<string>> {
  if (opts.dnis && opts.dnis.length === 0) return new Set();
  let q = db.selectFrom('agents').select('dni').where('municipality_id', '=', municipalityId).where('process_id', '=', processId);
  if (opts.dnis) q = q.where('dni', 'in', opts.dnis);
  if (opts.exceptId) q = q.where('id', '!=', opts.exceptId);
  return new Set((await q.execute()).map((r) => r.dni));
}

export async function takenRegistryNumbers(db: Executor, municipalityId: string, processId: string, registryNumber: string, exceptId?: string): Promise<Set<string>> {
  let q = db.selectFrom('organizations').select('registry_number').where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId).where('registry_number', '=', registryNumber);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return new Set((await q.execute()).map((r) => r.registry_number));
}

export async function municipalityName(db: Executor, municipalityId: string): Promise<string> {
  return nameOfMunicipality(db, municipalityId);
}


// --- Agents ---

export async function findAgent(db: Executor, municipalityId: string, processId: string, id: string): Promise<Agent | null> {
  const r = await agentQuery(db, municipalityId, processId).where('a.id', '=', id).executeTakeFirst();
  return r ? toAgent(r, await zonesById(db, municipalityId)) : null;
}

export async function findAgentsByIds(db: Executor, municipalityId: string, processId: string, ids: string[]): Promise<Agent[]> {
  if (ids.length === 0) return [];
  const rows = await agentQuery(db, municipalityId, processId).where('a.id', 'in', ids).execute();
  const zones = await zonesById(db, municipalityId);
  return rows.map((r) => toAgent(r, zones));
}

export async function findAgentOfUser(db: Executor, municipalityId: string, processId: string, userId: string): Promise<Agent | null> {
  const r = await agentQuery(db, municipalityId, processId).where('a.user_id', '=', userId).executeTakeFirst();
  return r ? toAgent(r, await zonesById(db, municipalityId)) : null;
}

export async function findAgentIdsByDnis(db: Executor, municipalityId: string, processId: string, dnis: string[]): Promise<{ id: string; dni: string }[]> {
  if (dnis.length === 0) return [];
  return db.selectFrom('agents').select(['id', 'dni']).where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
    .where('dni', 'in', dnis).execute();
}

export interface AgentFilters {
  status?: RegistrationStatus | undefined;
  zoneId?: string | undefined;
  organizationId?: string | undefined;
  source?: RegistrationSource | undefined;
  /** A part of the name, or the start of the DNI. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listAgents(db: Executor, municipalityId: string, processId: string, f: AgentFilters): Promise<{ agents: Agent[]; total: number }> {
  let q = agentQuery(db, municipalityId, processId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.zoneId) q = q.where('a.zone_id', '=', f.zoneId);
  if (f.organizationId) q = q.where('a.organization_id', '=', f.organizationId);
  if (f.source) q = q.where('a.source', '=', f.source);
  if (f.q && f.q.trim()) {
    const text = f.q.trim();
    q = q.where((eb) => eb.or([
      eb(eb.fn('lower', ['a.full_name']), 'like', likePattern(text)),
      ...(/^\d{1,8}$/.test(text) ? [eb('a.dni', 'like', `${text}%`)] : []),
    ]));
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('a.full_name').orderBy('a.id').limit(f.limit).offset(f.offset).execute();
  const zones = await zonesById(db, municipalityId);
  return { agents: rows.map((r) => toAgent(r, zones)), total: Number(total.n) };
}

export async function insertAgent(db: Executor, row: Insertable<AgentsTable>): Promise<void> {
  await db.insertInto('agents').values(row).execute();
}

export async function updateAgentFields(db: Executor, municipalityId: string, id: string, fields: Partial<Pick<Updateable<AgentsTable>, 'delegate_role' |
  'dni' | 'full_name' | 'sex' | 'age_band' | 'zone_id' | 'phone' | 'email' | 'organization_id' | 'updated_at'>>): Promise<void> {
  await db.updateTable('agents').set(fields).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** Records a decision on a still-pending agent; returns false when it was no longer pending (decided meanwhile). */
export async function decideAgent(db: Executor, municipalityId: string, id: string, d: { status: 'approved' | 'rejected'; reason: string | null; at: string; by: string }): Promise<boolean> {
  const r = await db.updateTable('agents')
    .set({ status: d.status, decision_reason: d.reason, decided_at: d.at, decided_by: d.by, updated_at: d.at })
    .where('municipality_id', '=', municipalityId).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}


/** Back to pending (a reverted decision): the decision's fields are cleared, the audit log keeps the history. */
export async function revertAgent(db: Executor, municipalityId: string, id: string, from: 'approved' | 'rejected', at: string): Promise<boolean> {
  const r = await db.updateTable('agents')
    .set({ status: 'pending', decision_reason: null, decided_at: null, decided_by: null, updated_at: at })
    .where('municipality_id', '=', municipalityId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether the user still has an approved agent registration in the municipality (in any process). */
export async function approvedAgentOfUser(db: Executor, municipalityId: string, userId: string): Promise<boolean> {
  const r = await db.selectFrom('agents').select('id')
    .where('municipality_id', '=', municipalityId).where('user_id', '=', userId).where('status', '=', 'approved').executeTakeFirst();
  return r !== undefined;
}

export async function approvedDelegateCount(db: Executor, municipalityId: string, organizationId: string): Promise<number> {
  const r = await db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId).where('organization_id', '=', organizationId).where('status', '=', 'approved').executeTakeFirstOrThrow();
  return Number(r.n);
}

// --- Organizations ---

export async function findOrganization(db: Executor, municipalityId: string, processId: string, id: string): Promise<Organization | null> {
  const r = await organizationQuery(db, municipalityId, processId).where('o.id', '=', id).executeTakeFirst();
  return r ? toOrganization(r, await zonesById(db, municipalityId)) : null;
}

export async function findOrganizationsByIds(db: Executor, municipalityId: string, processId: string, ids: string[]): Promise<Organization[]> {
  if (ids.length === 0) return [];
  const rows = await organizationQuery(db, municipalityId, processId).where('o.id', 'in', ids).execute();
  const zones = await zonesById(db, municipalityId);
  return rows.map((r) => toOrganization(r, zones));
}

export async function listOrganizationsSubmittedBy(db: Executor, municipalityId: string, processId: string, userId: string): Promise<Organization[]> {
  const rows = await organizationQuery(db, municipalityId, processId).where('o.submitted_by', '=', userId).where('o.source', '=', 'online')
    .orderBy('o.created_at').execute();
  const zones = await zonesById(db, municipalityId);
  return rows.map((r) => toOrganization(r, zones));
}

export interface OrganizationFilters {
  status?: RegistrationStatus | undefined;
  zoneId?: string | undefined;
  type?: OrganizationsTable['type'] | undefined;
  /** A part of the name, or of the registry number. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listOrganizations(db: Executor, municipalityId: string, processId: string, f: OrganizationFilters): Promise<{ organizations: Organization[]; total: number }> {
  let q = organizationQuery(db, municipalityId, processId);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.zoneId) q = q.where('o.zone_id', '=', f.zoneId);
  if (f.type) q = q.where('o.type', '=', f.type);
  if (f.q && f.q.trim()) {
    const pattern = likePattern(f.q);
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['o.name']), 'like', pattern), eb(eb.fn('lower', ['o.registry_number']), 'like', pattern)]));
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('o.name').orderBy('o.id').limit(f.limit).offset(f.offset).execute();
  const zones = await zonesById(db, municipalityId);
  return { organizations: rows.map((r) => toOrganization(r, zones)), total: Number(total.n) };
}

export async function insertOrganization(db: Executor, row: Insertable<OrganizationsTable>): Promise<void> {
  await db.insertInto('organizations').values(row).execute();
}

export async function updateOrganizationFields(db: Executor, municipalityId: string, id: string, fields: Partial<Pick<Updateable<OrganizationsTable>,
  'standing_kind' | 'standing_file_id' | 'name' | 'type' | 'registry_number' | 'zone_id' | 'contact_phone' | 'contact_email' | 'updated_at'>>): Promise<void> {
  await db.updateTable('organizations').set(fields).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function decideOrganization(db: Executor, municipalityId: string, id: string, d: { status: 'approved' | 'rejected'; reason: string | null; at: string; by: string }): Promise<boolean> {
  const r = await db.updateTable('organizations')
    .set({ status: d.status, decision_reason: d.reason, decided_at: d.at, decided_by: d.by, updated_at: d.at })
    .where('municipality_id', '=', municipalityId).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function revertOrganization(db: Executor, municipalityId: string, id: string, from: 'approved' | 'rejected', at: string): Promise<boolean> {
  const r = await db.updateTable('organizations')
    .set({ status: 'pending', decision_reason: null, decided_at: null, decided_by: null, updated_at: at })
    .where('municipality_id', '=', municipalityId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- The public registry ---

export interface RegistryFilters {
  status?: RegistrationStatus | undefined;
  zoneId?: string | undefined;
}

/** Individuals as the public sees them: no DNI, no phone, no email. */
export async function listPublicAgents(db: Executor, municipalityId: string, processId: string, f: RegistryFilters) {
  let q = db.selectFrom('agents as a')
    .leftJoin('organizations as o', (j) => j.onRef('o.id', '=', 'a.organization_id').onRef('o.municipality_id', '=', 'a.municipality_id'))
    .select(['a.id', 'a.full_name', 'a.status', 'a.decision_reason', 'a.decided_at', 'a.created_at', 'a.zone_id',
      'o.id as org_id', 'o.name as org_name', 'o.type as org_type'])
    .where('a.municipality_id', '=', municipalityId).where('a.process_id', '=', processId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.zoneId) q = q.where('a.zone_id', '=', f.zoneId);
  return withZoneNames(db, municipalityId, await q.orderBy('a.full_name').execute());
}

/** Organizations as the public sees them: no contact. */
export async function listPublicOrganizations(db: Executor, municipalityId: string, processId: string, f: RegistryFilters) {
  let q = db.selectFrom('organizations as o')
    .select(['o.id', 'o.name', 'o.type', 'o.registry_number', 'o.status', 'o.decision_reason', 'o.decided_at', 'o.created_at', 'o.zone_id'])
    .where('o.municipality_id', '=', municipalityId).where('o.process_id', '=', processId);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.zoneId) q = q.where('o.zone_id', '=', f.zoneId);
  return withZoneNames(db, municipalityId, await q.orderBy('o.name').execute());
}

/** Rows with the code and name of their zone added. */
async function withZoneNames<R extends { zone_id: string }>(db: Executor, municipalityId: string, rows: R[]): Promise<(R & { zone_code: string; zone_name: string })[]> {
  const zones = await zonesById(db, municipalityId);
  return rows.map((r) => ({ ...r, zone_code: zoneOf(zones, r.zone_id).code, zone_name: zoneOf(zones, r.zone_id).name }));
}

// --- CSV imports that write, run as jobs ---

export async function insertAgentImport(db: Executor, row: AgentImportsTable): Promise<void> {
  await db.insertInto('agent_imports').values(row).execute();
}

/** Records how an import job ended: in the transaction that wrote its agents (done), or after it rolled back (failed). */
export async function finishAgentImport(db: Executor, municipalityId: string, id: string, end: { status: 'done' | 'failed'; outcome: string; at: string }): Promise<void> {
  await db.updateTable('agent_imports').set({ status: end.status, outcome: end.outcome, finished_at: end.at })
    .where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export interface StoredImport {
  mode: AgentImportsTable['mode'];
  status: AgentImportsTable['status'];
  outcome: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export async function findAgentImport(db: Executor, municipalityId: string, processId: string, id: string): Promise<StoredImport | null> {
  const row = await db.selectFrom('agent_imports').select(['mode', 'status', 'outcome', 'created_at', 'finished_at'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('id', '=', id)
    .executeTakeFirst();
  return row ? { mode: row.mode, status: row.status, outcome: row.outcome, createdAt: row.created_at, finishedAt: row.finished_at } : null;
}

/** The registration (pending or approved) holding this delegate role in the organization, if any. */
export async function delegateRoleHolder(db: Executor, municipalityId: string, organizationId: string, role: 'titular' | 'substitute', exceptId?: string): Promise<string | null> {
  let q = db.selectFrom('agents').select('id').where('municipality_id', '=', municipalityId).where('organization_id', '=', organizationId)
    .where('delegate_role', '=', role).where('status', '<>', 'rejected');
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst())?.id ?? null;
}
