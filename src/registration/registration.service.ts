import type { DatabaseHandle, Executor } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { can } from '../access/policy.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isUniqueViolation, violatesKey } from '../db/unique.ts';

/** One online registration per account and process (migration 0008). */
const ONE_PER_ACCOUNT = { index: 'agents_one_per_account', columns: ['agents.process_id', 'agents.user_id'] } as const;
/** One titular and one substitute delegate per organization (migration 0011). */
const ONE_PER_DELEGATE_ROLE = { index: 'agents_one_delegate_per_role', columns: ['agents.organization_id', 'agents.delegate_role'] } as const;
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { AppError } from '../shared/errors.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import { validateAgent, type AgentDraft, type AgentInput } from './agent-registration.ts';
import { validateOrganization, type OrganizationDraft, type OrganizationInput } from './organization-registration.ts';
import { registrationWindowError } from './registration-window.ts';
import { firstIssue, issueError, type StandingKind, type DelegateRole, type Agent, type Organization, type RegistrationSource } from './registration.ts';
import * as repo from './registration.repository.ts';
import { claimDni } from '../accounts/accounts.queries.ts';
import { fileExists } from '../files/files.queries.ts';
import { issueClaimCodeIn, type IssuedClaimCode } from './registration-claims.service.ts';

/**
 * Registering agents and organizations, editing a pending registration, and reading them. Who may:
 * - any signed-in account registers itself (and its organizations) online;
 * - administrators and facilitators register others at a face-to-face registration day (`registration.register_others`);
 * - the owner of an online registration reads and edits it while pending; staff with `registration.read` read all;
 *   staff who may register others edit the pending registrations that have no owner (face-to-face, import).
 */

function assertOpen(process: Process): void {
  const closed = registrationWindowError(process, localDate());
  if (closed) throw closed;
}

// --- Agents ---

export interface AgentBody {
  dni: string;
  fullName: string;
  sex: string;
  ageBand: string;
  zoneId: string;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  organizationId?: string | null | undefined;
  delegateRole?: DelegateRole | null | undefined;
}

function agentInput(b: AgentBody): AgentInput {
  return { dni: b.dni, fullName: b.fullName, sex: b.sex, ageBand: b.ageBand, zone: b.zoneId, phone: b.phone, email: b.email, organization: b.organizationId };
}

/** Runs the one set of rules on an agent's registration; throws the first broken rule, input mistakes first. */
async function checkAgent(db: Executor, municipalityId: string, processId: string, input: AgentInput, exceptId?: string): Promise<AgentDraft> {
  const dni = (input.dni ?? '').trim();
  const orgId = (input.organization ?? '').trim();
  const refs = {
    zones: await repo.listZoneRefs(db, municipalityId),
    organizations: orgId ? await repo.listOrganizationRefs(db, municipalityId, processId, orgId) : [],
    takenDnis: await repo.takenDnis(db, municipalityId, processId, { dnis: [dni], ...(exceptId ? { exceptId } : {}) }),
  };
  const { draft, issues } = validateAgent(input, refs, { zoneBy: 'id', organizationBy: 'id' });
  const first = firstIssue(issues);
  if (first || !draft) throw issueError(first!);
  return draft;
}

function delegateRoleTaken(role: string): AppError {
  return new AppError('DELEGATE_ROLE_TAKEN', { role: role === 'titular' ? 'titular' : 'suplente' }, 'delegateRole');
}

/** A delegate's role needs the organization; the role must still be free there (the unique key decides a race). */
async function checkDelegateRole(trx: Executor, municipalityId: string, organizationId: string | null, role: DelegateRole | null, exceptId?: string): Promise<void> {
  if (!role) return;
  if (!organizationId) throw new AppError('DELEGATE_ROLE_NEEDS_ORGANIZATION', {}, 'delegateRole');
  if (await repo.delegateRoleHolder(trx, municipalityId, organizationId, role, exceptId)) throw delegateRoleTaken(role);
}

function dniTaken(dni: string): AppError {
  return new AppError('DNI_ALREADY_REGISTERED', { dni }, 'dni');
}

async function insertAgent(handle: DatabaseHandle, actor: Actor, municipalityId: string, process: Process, body: AgentBody, source: RegistrationSource): Promise<{ agent: Agent; claimCode: IssuedClaimCode | null }> {
  const id = newId();
  let claimCode: IssuedClaimCode | null = null;
  await handle.db.transaction().execute(async (trx) => {
    // The window is checked again under the process lock, so a phase move cannot slip between check and write.
    assertOpen(await lockProcess(trx, handle.dialect, municipalityId, process.id));
    const draft = await checkAgent(trx, municipalityId, process.id, agentInput(body));
    // Online, a person registers with the DNI of their account; an account without one states it now, once.
    if (source === 'online') {
      const own = actor.dni ?? await claimDni(trx, actor.userId, draft.dni);
      if (own !== draft.dni) throw new AppError('DNI_NOT_OWN', { accountDni: own }, 'dni');
    }
    await checkDelegateRole(trx, municipalityId, draft.organizationId, body.delegateRole ?? null);
    const at = now();
    await repo.insertAgent(trx, {
      delegate_role: body.delegateRole ?? null,
      municipality_id: municipalityId, id, process_id: process.id, dni: draft.dni, full_name: draft.fullName, sex: draft.sex,
      age_band: draft.ageBand, zone_id: draft.zoneId, phone: draft.phone, email: draft.email, organization_id: draft.organizationId,
      status: 'pending', decision_reason: null, decided_at: null, decided_by: null,
      user_id: source === 'online' ? actor.userId : null, submitted_by: actor.userId, source, created_at: at, updated_at: at,
    });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.register', entityType: 'agent', entityId: id,
      data: { processId: process.id, source, zoneId: draft.zoneId, organizationId: draft.organizationId },
    });
    // Registered without an account: the code on the paper receipt lets the person link it to theirs later.
    if (source !== 'online') claimCode = await issueClaimCodeIn(trx, handle.dialect, actor, municipalityId, { id, processId: process.id }, null);
  }).catch((err: unknown) => {
    // Two registrations racing: the unique keys decide, the loser gets the same coded error as if it had come second.
    if (violatesKey(err, ONE_PER_ACCOUNT)) throw new AppError('ALREADY_REGISTERED');
    if (violatesKey(err, ONE_PER_DELEGATE_ROLE)) throw delegateRoleTaken(body.delegateRole ?? '');
    if (isUniqueViolation(err)) throw dniTaken(body.dni.trim());
    throw err;
  });
  return { agent: (await repo.findAgent(handle.db, municipalityId, process.id, id))!, claimCode };
}

/** A signed-in person registers themself online. */
export async function registerSelf(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, body: AgentBody): Promise<Agent> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  assertOpen(process);
  if (await repo.findAgentOfUser(handle.db, municipalityId, processId, actor.userId)) throw new AppError('ALREADY_REGISTERED');
  if (actor.dni && actor.dni !== body.dni.trim()) throw new AppError('DNI_NOT_OWN', { accountDni: actor.dni }, 'dni');
  return (await insertAgent(handle, actor, municipalityId, process, body, 'online')).agent;
}

/**
 * A facilitator or administrator registers someone at a face-to-face registration day; the answer carries the
 * one-time code for the paper receipt, with which the person may link the registration to their account.
 */
export async function registerInPerson(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, body: AgentBody): Promise<{ agent: Agent; claimCode: IssuedClaimCode | null }> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  assertOpen(process);
  return insertAgent(handle, actor, municipalityId, process, body, 'in_person');
}

function isOwner(actor: Actor, agent: Agent): boolean {
  return agent.userId !== null && agent.userId === actor.userId;
}

async function requireAgent(db: Executor, municipalityId: string, processId: string, agentId: string): Promise<Agent> {
  const agent = await repo.findAgent(db, municipalityId, processId, agentId);
  if (!agent) throw new AppError('NOT_FOUND', { what: `agent ${agentId}` });
  return agent;
}

/** The owner, or staff who may read registrations. */
export async function getAgent(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, agentId: string): Promise<Agent> {
  await requireProcess(handle.db, municipalityId, processId);
  const agent = await requireAgent(handle.db, municipalityId, processId, agentId);
  if (!isOwner(actor, agent) && !can(actor, 'registration.read', municipalityId)) throw new AppError('FORBIDDEN', { action: 'registration.read' });
  return agent;
}

export async function myAgent(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string): Promise<Agent | null> {
  await requireProcess(handle.db, municipalityId, processId);
  return repo.findAgentOfUser(handle.db, municipalityId, processId, actor.userId);
}

export async function listAgents(handle: DatabaseHandle, municipalityId: string, processId: string, filters: repo.AgentFilters) {
  await requireProcess(handle.db, municipalityId, processId);
  return repo.listAgents(handle.db, municipalityId, processId, filters);
}

export type AgentPatch = Partial<AgentBody>;

/**
 * Corrects a pending registration: its owner (online), or staff who register others for the registrations that
 * have no owner. Every rule is checked again on the result (zone, DNI uniqueness, organization approved).
 */
export async function updateAgent(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, agentId: string, patch: AgentPatch): Promise<Agent> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const current = await requireAgent(handle.db, municipalityId, processId, agentId);
  const staffMayEdit = current.userId === null && can(actor, 'registration.register_others', municipalityId);
  if (!isOwner(actor, current) && !staffMayEdit) throw new AppError('FORBIDDEN', { action: 'registration.edit' });
  if (current.status !== 'pending') throw new AppError('REGISTRATION_NOT_PENDING', { status: current.status });
  assertOpen(process);
  if (isOwner(actor, current) && patch.dni !== undefined && actor.dni && actor.dni !== patch.dni.trim()) {
    throw new AppError('DNI_NOT_OWN', { accountDni: actor.dni }, 'dni');
  }
  const merged: AgentBody = {
    dni: patch.dni ?? current.dni, fullName: patch.fullName ?? current.fullName, sex: patch.sex ?? current.sex,
    ageBand: patch.ageBand ?? current.ageBand, zoneId: patch.zoneId ?? current.zone.id,
    phone: patch.phone !== undefined ? patch.phone : current.phone,
    email: patch.email !== undefined ? patch.email : current.email,
    organizationId: patch.organizationId !== undefined ? patch.organizationId : (current.organization?.id ?? null),
    // Leaving the organization leaves its role too, unless a role is sent.
    delegateRole: patch.delegateRole !== undefined ? patch.delegateRole : patch.organizationId === null ? null : current.delegateRole,
  };
  await handle.db.transaction().execute(async (trx) => {
    // The window is checked again under the process lock, so a phase move cannot slip between check and write.
    assertOpen(await lockProcess(trx, handle.dialect, municipalityId, process.id));
    const draft = await checkAgent(trx, municipalityId, processId, agentInput(merged), agentId);
    const before = await requireAgent(trx, municipalityId, processId, agentId);
    if (before.status !== 'pending') throw new AppError('REGISTRATION_NOT_PENDING', { status: before.status });
    await checkDelegateRole(trx, municipalityId, draft.organizationId, merged.delegateRole ?? null, agentId);
    await repo.updateAgentFields(trx, municipalityId, agentId, {
      delegate_role: merged.delegateRole ?? null,
      dni: draft.dni, full_name: draft.fullName, sex: draft.sex, age_band: draft.ageBand, zone_id: draft.zoneId,
      phone: draft.phone, email: draft.email, organization_id: draft.organizationId, updated_at: now(),
    });
    const changed = Object.keys(patch).filter((k) => patch[k as keyof AgentPatch] !== undefined);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.update', entityType: 'agent', entityId: agentId,
      data: { processId, changed },
    });
  }).catch((err: unknown) => {
    if (violatesKey(err, ONE_PER_DELEGATE_ROLE)) throw delegateRoleTaken(merged.delegateRole ?? '');
    if (isUniqueViolation(err)) throw dniTaken(merged.dni.trim());
    throw err;
  });
  return requireAgent(handle.db, municipalityId, processId, agentId);
}

// --- Organizations ---

export interface OrganizationBody {
  name: string;
  type: string;
  registryNumber: string;
  zoneId: string;
  contactPhone?: string | null | undefined;
  contactEmail?: string | null | undefined;
  standingKind?: StandingKind | null | undefined;
  standingFileId?: string | null | undefined;
}

/** The standing document must be a file of this municipality; the proof's kind says what it is. */
async function checkStanding(db: Executor, municipalityId: string, body: Pick<OrganizationBody, 'standingKind' | 'standingFileId'>): Promise<void> {
  if (body.standingFileId && !body.standingKind) throw new AppError('STANDING_KIND_REQUIRED', {}, 'standingKind');
  if (body.standingFileId && !(await fileExists(db, municipalityId, body.standingFileId))) {
    throw new AppError('NOT_FOUND', { what: `file ${body.standingFileId}` }, 'standingFileId');
  }
}

async function checkOrganization(db: Executor, municipalityId: string, processId: string, input: OrganizationInput, exceptId?: string): Promise<OrganizationDraft> {
  const registryNumber = (input.registryNumber ?? '').replace(/\s+/g, ' ').trim().toUpperCase();
  const refs = {
    zones: await repo.listZoneRefs(db, municipalityId),
    takenRegistryNumbers: await repo.takenRegistryNumbers(db, municipalityId, processId, registryNumber, exceptId),
  };
  const { draft, issues } = validateOrganization(input, refs);
  const first = firstIssue(issues);
  if (first || !draft) throw issueError(first!);
  return draft;
}

function registryTaken(registryNumber: string): AppError {
  return new AppError('REGISTRY_NUMBER_TAKEN', { registryNumber: registryNumber.replace(/\s+/g, ' ').trim().toUpperCase() }, 'registryNumber');
}

async function insertOrganization(handle: DatabaseHandle, actor: Actor, municipalityId: string, process: Process, body: OrganizationBody, source: RegistrationSource): Promise<Organization> {
  const id = newId();
  await handle.db.transaction().execute(async (trx) => {
    // The window is checked again under the process lock, so a phase move cannot slip between check and write.
    assertOpen(await lockProcess(trx, handle.dialect, municipalityId, process.id));
    const draft = await checkOrganization(trx, municipalityId, process.id, body);
    await checkStanding(trx, municipalityId, body);
    const at = now();
    await repo.insertOrganization(trx, {
      standing_kind: body.standingKind ?? null, standing_file_id: body.standingFileId ?? null,
      municipality_id: municipalityId, id, process_id: process.id, name: draft.name, type: draft.type, registry_number: draft.registryNumber,
      zone_id: draft.zoneId, contact_phone: draft.contactPhone, contact_email: draft.contactEmail, status: 'pending',
      decision_reason: null, decided_at: null, decided_by: null, submitted_by: actor.userId, source, created_at: at, updated_at: at,
    });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.register', entityType: 'organization', entityId: id,
      data: { processId: process.id, source, name: draft.name, type: draft.type, registryNumber: draft.registryNumber, zoneId: draft.zoneId },
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw registryTaken(body.registryNumber);
    throw err;
  });
  return (await repo.findOrganization(handle.db, municipalityId, process.id, id))!;
}

export async function registerOrganizationOnline(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, body: OrganizationBody): Promise<Organization> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  assertOpen(process);
  return insertOrganization(handle, actor, municipalityId, process, body, 'online');
}

export async function registerOrganizationInPerson(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, body: OrganizationBody): Promise<Organization> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  assertOpen(process);
  return insertOrganization(handle, actor, municipalityId, process, body, 'in_person');
}

function submittedOnlineBy(actor: Actor, org: Organization): boolean {
  return org.source === 'online' && org.submittedBy === actor.userId;
}

async function requireOrganization(db: Executor, municipalityId: string, processId: string, id: string): Promise<Organization> {
  const org = await repo.findOrganization(db, municipalityId, processId, id);
  if (!org) throw new AppError('NOT_FOUND', { what: `organization ${id}` });
  return org;
}

export async function getOrganization(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, id: string): Promise<Organization> {
  await requireProcess(handle.db, municipalityId, processId);
  const org = await requireOrganization(handle.db, municipalityId, processId, id);
  if (!submittedOnlineBy(actor, org) && !can(actor, 'registration.read', municipalityId)) throw new AppError('FORBIDDEN', { action: 'registration.read' });
  return org;
}

export async function myOrganizations(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string): Promise<Organization[]> {
  await requireProcess(handle.db, municipalityId, processId);
  return repo.listOrganizationsSubmittedBy(handle.db, municipalityId, processId, actor.userId);
}

export async function listOrganizations(handle: DatabaseHandle, municipalityId: string, processId: string, filters: repo.OrganizationFilters) {
  await requireProcess(handle.db, municipalityId, processId);
  return repo.listOrganizations(handle.db, municipalityId, processId, filters);
}

export type OrganizationPatch = Partial<OrganizationBody>;

export async function updateOrganization(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, id: string, patch: OrganizationPatch): Promise<Organization> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const current = await requireOrganization(handle.db, municipalityId, processId, id);
  const staffMayEdit = current.source !== 'online' && can(actor, 'registration.register_others', municipalityId);
  if (!submittedOnlineBy(actor, current) && !staffMayEdit) throw new AppError('FORBIDDEN', { action: 'registration.edit' });
  if (current.status !== 'pending') throw new AppError('REGISTRATION_NOT_PENDING', { status: current.status });
  assertOpen(process);
  const merged: OrganizationBody = {
    name: patch.name ?? current.name, type: patch.type ?? current.type, registryNumber: patch.registryNumber ?? current.registryNumber,
    zoneId: patch.zoneId ?? current.zone.id,
    contactPhone: patch.contactPhone !== undefined ? patch.contactPhone : current.contactPhone,
    contactEmail: patch.contactEmail !== undefined ? patch.contactEmail : current.contactEmail,
    standingKind: patch.standingKind !== undefined ? patch.standingKind : current.standing.kind,
    standingFileId: patch.standingFileId !== undefined ? patch.standingFileId : current.standing.fileId,
  };
  await handle.db.transaction().execute(async (trx) => {
    // The window is checked again under the process lock, so a phase move cannot slip between check and write.
    assertOpen(await lockProcess(trx, handle.dialect, municipalityId, process.id));
    const draft = await checkOrganization(trx, municipalityId, processId, merged, id);
    await checkStanding(trx, municipalityId, merged);
    const before = await requireOrganization(trx, municipalityId, processId, id);
    if (before.status !== 'pending') throw new AppError('REGISTRATION_NOT_PENDING', { status: before.status });
    await repo.updateOrganizationFields(trx, municipalityId, id, {
      name: draft.name, type: draft.type, registry_number: draft.registryNumber, zone_id: draft.zoneId,
      contact_phone: draft.contactPhone, contact_email: draft.contactEmail, updated_at: now(),
      standing_kind: merged.standingKind ?? null, standing_file_id: merged.standingFileId ?? null,
    });
    const changed = Object.keys(patch).filter((k) => patch[k as keyof OrganizationPatch] !== undefined);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.update', entityType: 'organization', entityId: id,
      data: { processId, changed },
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw registryTaken(merged.registryNumber);
    throw err;
  });
  return requireOrganization(handle.db, municipalityId, processId, id);
}
